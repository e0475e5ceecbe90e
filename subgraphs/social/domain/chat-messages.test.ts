import { describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, DomainError, ErrorCode, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import {
  assertMayChange,
  assertNotDeleted,
  assertNotMuted,
  assertSameSend,
  assertSlowModeElapsed,
  isUnread,
  messageKey,
  muteEnds,
  nextReadMark,
  parseMessageKey,
  returnsRatePoint,
  slowModeError,
  slowModeWaitMs,
  validateClientMessageId,
  validateMessageText,
  validateMuteDuration,
  visibleOriginalText,
} from './chat-messages.js';

const failure = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return { code: (error as DomainError).code, ...(error as DomainError).details };
  }
  return null;
};

describe('validateMessageText', () => {
  it.each([
    ['hi', 'hi'],
    ['  gg wp \n', 'gg wp'],
    ['x'.repeat(2_000), 'x'.repeat(2_000)],
    [` ${'x'.repeat(2_000)} `, 'x'.repeat(2_000)], // the spaces around do not count
    ['🎉'.repeat(2_000), '🎉'.repeat(2_000)], // 4,000 UTF-16 units, 2,000 characters
    ['first line\nsecond line', 'first line\nsecond line'],
    ['crlf\r\nline', 'crlf\nline'],
    ['cafe\u0301', 'café'], // stored in NFC
    ['e\u0301'.repeat(2_000), 'é'.repeat(2_000)], // 4,000 code points typed, 2,000 after NFC
    ['שלום\u200F!', 'שלום\u200F!'], // a right-to-left mark stays
  ])('keeps %j as %j', (input, stored) => {
    expect(validateMessageText(input)).toBe(stored);
  });

  it.each([
    ['empty', ''],
    ['only spaces', ' \t\n '],
    ['2,001 characters', 'x'.repeat(2_001)],
    ['2,001 emoji', '🎉'.repeat(2_001)],
    ['a NUL', 'hi\u0000'],
    ['a lone surrogate', 'hi\ud800'],
    ['an ANSI escape', '\u001b[31mred'],
    ['a right-to-left override', 'see \u202Etxt.exe'],
    ['zero-width characters only', '\u200B\u200D\uFEFF'],
    ['Hangul fillers only', '\u3164\u3164'],
  ])('refuses %s with BAD_USER_INPUT on "text"', (_case, input) => {
    expect(failure(() => validateMessageText(input))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});

describe('validateClientMessageId', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['a', 'a'],
    ['0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['client:42.retry_1', 'client:42.retry_1'],
    ['x'.repeat(64), 'x'.repeat(64)],
  ])('keeps %j as %j', (input, kept) => {
    expect(validateClientMessageId(input)).toBe(kept);
  });

  it.each([[''], ['x'.repeat(65)], ['with space'], ['émoji🎉'], ['a/b']])('refuses %j on "clientMessageId"', (input) => {
    expect(failure(() => validateClientMessageId(input))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientMessageId' });
  });
});

describe('assertSameSend', () => {
  it.each([
    ['the same room and text', true, 'hi', 'hi', null],
    ['another room', false, 'hi', 'hi', 'CONFLICT'],
    ['another text', true, 'hi', 'hello', 'CONFLICT'],
  ])('answers a retry to %s with %s', (_case, sameTarget, stored, typed, code) => {
    expect(failure(() => assertSameSend({ sameTarget, typed: stored }, typed))?.code ?? null).toBe(code);
  });
});

describe('slow mode', () => {
  const now = new Date('2026-12-04T12:00:10.000Z');
  it.each([
    ['off', 0, new Date('2026-12-04T12:00:09.000Z'), 0],
    ['no message yet', 30, null, 0],
    ['last message 10 s ago, 30 s slow mode', 30, new Date('2026-12-04T12:00:00.000Z'), 20_000],
    ['last message exactly 30 s ago', 30, new Date('2026-12-04T11:59:40.000Z'), 0],
    ['last message 1 ms short of it', 30, new Date('2026-12-04T11:59:40.001Z'), 1],
  ])('%s: waits %s s → %s ms', (_case, seconds, last, wait) => {
    expect(slowModeWaitMs(seconds, last, now)).toBe(wait);
  });

  it('refuses with RATE_LIMITED, reason SLOW_MODE and the time left', () => {
    expect(failure(() => assertSlowModeElapsed(30, new Date('2026-12-04T12:00:00.000Z'), now))).toEqual({
      code: 'RATE_LIMITED',
      retryAfterMs: 20_000,
      reason: 'SLOW_MODE',
    });
    expect(failure(() => assertSlowModeElapsed(30, null, now))).toBeNull();
  });
});

describe('mutes', () => {
  const now = new Date('2026-12-04T12:00:00.000Z');
  it.each([
    [0, null],
    [60, '2026-12-04T12:01:00.000Z'],
    [2_592_000, '2027-01-03T12:00:00.000Z'], // 30 days
  ])('a %s-second mute ends at %s', (seconds, ends) => {
    expect(muteEnds(now, validateMuteDuration(seconds))?.toISOString() ?? null).toBe(ends);
  });

  it.each([[-1], [2_592_001], [1.5]])('refuses a %s-second mute on "durationSeconds"', (seconds) => {
    expect(failure(() => validateMuteDuration(seconds))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'durationSeconds' });
  });

  it.each([
    ['no mute', null, null],
    ['a mute that ended', new Date('2026-12-04T11:59:59.999Z'), null],
    ['a mute ending now', new Date('2026-12-04T12:00:00.000Z'), null],
    ['a mute with 90 s left', new Date('2026-12-04T12:01:30.000Z'), { code: 'FORBIDDEN', reason: 'MUTED', retryAfterMs: 90_000, mutedUntil: '2026-12-04T12:01:30.000Z' }],
  ])('%s → %j', (_case, until, refusal) => {
    expect(failure(() => assertNotMuted(until, now))).toEqual(refusal);
  });
});

describe('who may edit and delete', () => {
  const author = '00000000-0000-4000-8000-0000000000a1';
  const other = '00000000-0000-4000-8000-0000000000b2';
  it.each([
    ['the author edits', { authorId: author, kind: 'PLAYER' }, { userId: author, role: 'PLAYER' as const }, 'edit', null],
    ['another player edits', { authorId: author, kind: 'PLAYER' }, { userId: other, role: 'PLAYER' as const }, 'edit', 'FORBIDDEN'],
    ['another player deletes', { authorId: author, kind: 'PLAYER' }, { userId: other, role: 'PLAYER' as const }, 'delete', 'FORBIDDEN'],
    ['a moderator deletes', { authorId: author, kind: 'PLAYER' }, { userId: other, role: 'MODERATOR' as const }, 'delete', null],
    ['an admin edits', { authorId: author, kind: 'PLAYER' }, { userId: other, role: 'ADMIN' as const }, 'edit', null],
    ['a player edits a join message', { authorId: null, kind: 'MEMBER_JOINED' }, { userId: other, role: 'PLAYER' as const }, 'edit', 'FORBIDDEN'],
    ['a moderator edits a join message', { authorId: null, kind: 'MEMBER_JOINED' }, { userId: other, role: 'MODERATOR' as const }, 'edit', 'FORBIDDEN'],
    ['a moderator deletes a join message', { authorId: null, kind: 'MEMBER_JOINED' }, { userId: other, role: 'MODERATOR' as const }, 'delete', null],
    ['an organizer deletes', { authorId: author, kind: 'PLAYER' }, { userId: other, role: 'ORGANIZER' as const }, 'delete', 'FORBIDDEN'],
  ] as const)('%s → %s', (_case, message, actor, action, code) => {
    expect(failure(() => assertMayChange(message, actor, action))?.code ?? null).toBe(code);
  });

  it('refuses to edit a tombstone with CONFLICT', () => {
    expect(failure(() => assertNotDeleted({ deletedAt: new Date() }))).toMatchObject({ code: 'CONFLICT' });
    expect(failure(() => assertNotDeleted({ deletedAt: null }))).toBeNull();
  });

  it.each([
    ['PLAYER', null],
    ['MODERATOR', 'typed'],
    ['ADMIN', 'typed'],
    [null, null],
  ] as const)('shows the text as typed to %s: %s', (role, shown) => {
    expect(visibleOriginalText({ originalText: 'typed' }, role)).toBe(shown);
  });
});

describe('unread and read marks', () => {
  const me = { userId: 'me', lastReadSeq: 10n };
  it.each([
    ['a newer message from someone else', { seq: 11n, authorId: 'you', deletedAt: null }, true],
    ['a newer join message', { seq: 11n, authorId: null, deletedAt: null }, true],
    ['my own newer message', { seq: 11n, authorId: 'me', deletedAt: null }, false],
    ['a newer deleted message', { seq: 12n, authorId: 'you', deletedAt: new Date() }, false],
    ['the message I read last', { seq: 10n, authorId: 'you', deletedAt: null }, false],
    ['an older message', { seq: 3n, authorId: 'you', deletedAt: null }, false],
  ])('%s is unread: %s', (_case, message, unread) => {
    expect(isUnread(message, me)).toBe(unread);
  });

  it.each([
    ['forward', 10n, 15n, 20n, 15n],
    ['never back', 10n, 5n, 20n, 10n],
    ['never past the newest message', 10n, 99n, 20n, 20n],
    ['nothing to read in an empty room', 0n, 5n, null, 0n],
  ])('moves %s: %s → upTo %s (newest %s) = %s', (_case, current, upTo, newest, mark) => {
    expect(nextReadMark(current, upTo, newest)).toBe(mark);
  });
});

describe('message cursor keys', () => {
  it('round-trips a position', () => {
    for (const seq of [1n, 42n, 9_223_372_036_854_775_807n]) expect(parseMessageKey(messageKey(seq), 'after')).toBe(seq);
  });

  it.each([
    [42], // a number, not the string a cursor carries
    ['-1'],
    ['1.5'],
    [''],
    ['9223372036854775808'], // past bigint
    [{ createdAt: '2026-01-01T00:00:00Z', id: 'x' }], // a room cursor
    [null],
  ])('refuses %j with BAD_USER_INPUT on the field', (raw) => {
    expect(failure(() => parseMessageKey(raw, 'before'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });
});

describe('returnsRatePoint', () => {
  // A send takes its rate point on arrival; the ones the room refuses stored nothing and give it back.
  it.each([
    ['muted', new DomainError(ErrorCode.FORBIDDEN, 'muted', { reason: 'MUTED' }), true],
    ['slow mode', slowModeError(5_000, 10), true],
    ['read-only', new ForbiddenError('read-only'), true],
    ['not a member, or a blocked pair', new NotFoundError('ChatRoom', 'r'), true],
    ['a key reused for another message by a concurrent send', new ConflictError('reused', 'clientMessageId'), true],
    ['bad input', new BadUserInputError('bad', 'text'), true],
    ['a database failure (the message may be stored)', new Error('connection reset'), false],
    ['a unique violation that is not answered', Object.assign(new Error('P2002'), { code: 'P2002' }), false],
  ])('%s → %s', (_name, error, expected) => {
    expect(returnsRatePoint(error)).toBe(expected);
  });
});
