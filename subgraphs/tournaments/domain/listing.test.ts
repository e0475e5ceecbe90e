import { describe, expect, it } from 'vitest';
import { compareSchedule, listingFilter, scheduleKey, type ScheduleKey } from './listing.js';

const key = (at: string, id: string): ScheduleKey => ({ at: new Date(at), id });
const A = '0190a000-0000-7000-8000-000000000001';
const B = '0190a000-0000-7000-8000-00000000000b';

describe('listingFilter', () => {
  it.each([
    [{}, {}],
    [{ status: null }, {}], // a client sending `status: null` asks for every status
    [{ status: 'COMPLETED' as const }, { status: 'COMPLETED' }],
    [{ status: 'CANCELLED' as const }, { status: 'CANCELLED' }],
  ])('%j → %j', (args, filter) => {
    expect(listingFilter(args)).toEqual(filter);
  });
});

describe('schedule order', () => {
  it.each<[string, ScheduleKey, ScheduleKey, number]>([
    ['an earlier start first', key('2026-03-01T10:00:00Z', B), key('2026-03-01T11:00:00Z', A), -1], // a Sunday
    ['a later start after', key('2026-03-02T00:00:00Z', A), key('2026-03-01T23:59:59.999Z', B), 1],
    ['the same start: lower id first', key('2026-03-01T10:00:00Z', A), key('2026-03-01T10:00:00Z', B), -1],
    ['the same start: digits before letters, as in PostgreSQL', key('2026-03-01T10:00:00Z', B), key('2026-03-01T10:00:00Z', A), 1],
    ['the same tournament', key('2026-03-01T10:00:00Z', A), key('2026-03-01T10:00:00Z', A), 0],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareSchedule(a, b))).toBe(sign);
  });

  it('keys a tournament by its start and id', () => {
    const startsAt = new Date('2026-03-01T10:00:00Z');
    expect(scheduleKey({ id: A, startsAt })).toEqual({ at: startsAt, id: A });
  });
});
