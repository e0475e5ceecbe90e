import { describe, expect, it } from 'vitest';
import { BadUserInputError } from './errors.js';
import { encodeCursor, pageRequest, parseTimeIdKey, timeIdKeyset, timeIdPageRequest, toConnection } from './pagination.js';

const ID = '01a22261-0c3c-7279-8ad1-a46aef918022';

describe('connection arguments', () => {
  it.each([
    [{ first: 101 }, 'first'],
    [{ last: -1 }, 'last'],
    [{ first: 1, last: 1 }, 'first'],
    [{ after: '%%%' }, 'after'],
    [{ after: encodeCursor(1), before: encodeCursor(3) }, 'before'], // one cursor per page: the other would be ignored
    [{ first: 2, before: encodeCursor(3) }, 'before'],
    [{ last: 2, after: encodeCursor(1) }, 'after'],
  ])('refuses %j naming %s', (args, field) => {
    try {
      pageRequest(args);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).details.field).toBe(field);
    }
  });

  it('pages forward with one extra row telling whether more exist', () => {
    const request = pageRequest<number>({ first: 2 });
    expect(request).toEqual({ direction: 'forward', cursor: null, take: 3, size: 2 });
    const page = toConnection([1, 2, 3], request, (n) => n);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(2) });
  });

  it('pages backward and returns the page in list order', () => {
    const request = pageRequest<number>({ last: 2, before: encodeCursor(9) });
    // A backward page is fetched newest first, one extra.
    const page = toConnection([8, 7, 6], request, (n) => n);
    expect(page.edges.map((e) => e.node)).toEqual([7, 8]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(7) });
  });
});

describe('keysets on (timestamp, id)', () => {
  it('parses what it encoded and refuses anything else', () => {
    const key = { at: new Date('2026-03-01T10:00:00Z'), id: ID };
    const raw = JSON.parse(JSON.stringify(key)) as unknown;
    expect(parseTimeIdKey(raw, 'after')).toEqual(key);
    for (const bad of [42, { at: 'soon', id: ID }, { at: '2026-03-01T10:00:00Z', id: 'nope' }, null]) {
      expect(() => parseTimeIdKey(bad, 'before')).toThrow(/before is not a valid cursor/);
    }
    expect(timeIdPageRequest({ first: 1, after: encodeCursor(key) }).cursor).toEqual(key);
  });

  it.each([
    ['oldest first, forward', false, 'forward', 'asc', 'gt'],
    ['oldest first, backward', false, 'backward', 'desc', 'lt'],
    ['newest first, forward', true, 'forward', 'desc', 'lt'],
    ['newest first, backward', true, 'backward', 'asc', 'gt'],
  ] as const)('orders and filters %s', (_what, newestFirst, direction, order, op) => {
    const at = new Date('2026-03-01T10:00:00Z');
    const keyset = timeIdKeyset({ time: 'createdAt', id: 'id', newestFirst }, { direction, cursor: { at, id: ID }, take: 3, size: 2 });
    expect(keyset.orderBy).toEqual([{ createdAt: order }, { id: order }]);
    expect(keyset.where).toEqual({ OR: [{ createdAt: { [op]: at } }, { createdAt: at, id: { [op]: ID } }] });
    expect(timeIdKeyset({ time: 'createdAt', id: 'id' }, { direction, cursor: null, take: 3, size: 2 }).where).toBeNull();
  });
});
