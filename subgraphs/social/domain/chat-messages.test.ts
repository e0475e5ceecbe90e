import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { assertChatAllowed, messageKey, parseMessageKey, validateMessageText } from './chat-messages.js';

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
    ['x'.repeat(500), 'x'.repeat(500)],
    [` ${'x'.repeat(500)} `, 'x'.repeat(500)], // the spaces around do not count
    ['🎉'.repeat(500), '🎉'.repeat(500)], // 1,000 UTF-16 units, 500 characters
    ['first line\nsecond line', 'first line\nsecond line'],
    ['crlf\r\nline', 'crlf\nline'],
    ['cafe\u0301', 'café'], // stored in NFC
    ['e\u0301'.repeat(500), 'é'.repeat(500)], // 1,000 code points typed, 500 after NFC
    ['שלום\u200F!', 'שלום\u200F!'], // a right-to-left mark stays
  ])('keeps %j as %j', (input, stored) => {
    expect(validateMessageText(input)).toBe(stored);
  });

  it.each([
    ['empty', ''],
    ['only spaces', ' \t\n '],
    ['501 characters', 'x'.repeat(501)],
    ['501 emoji', '🎉'.repeat(501)],
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

describe('assertChatAllowed', () => {
  const roomId = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['an unknown room', undefined, 'NOT_FOUND'],
    ['a GUILD room', { kind: 'GUILD' as const }, 'FORBIDDEN'],
    ['a PARTY room', { kind: 'PARTY' as const }, 'FORBIDDEN'],
    ['a PRIVATE room', { kind: 'PRIVATE' as const }, 'FORBIDDEN'],
    ['a SYSTEM room', { kind: 'SYSTEM' as const }, 'FORBIDDEN'],
    ['a GLOBAL room', { kind: 'GLOBAL' as const }, null],
  ])('answers %s with %s', (_case, room, code) => {
    expect(failure(() => assertChatAllowed(room, roomId))?.code ?? null).toBe(code);
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
