import { describe, expect, it } from 'vitest';
import { BadUserInputError } from './errors.js';
import { normalizeInputText, textLength, validateMultilineText, validateNameText, validateSecretText } from './text.js';

const refusal = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details.field;
  }
  return null;
};

const NAME = { field: 'displayName', label: 'Display name', maxLength: 32 };
const CHAT = { field: 'text', label: 'A message', maxLength: 500 };

describe('textLength counts code points', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['🐉', 1], // two UTF-16 units
    ['é', 1], // precomposed
    ['e\u0301', 2], // decomposed: counted before NFC would make it one
    ['👨‍👩‍👧', 5], // one grapheme: three people and two joiners
  ])('%j has %i', (value, length) => {
    expect(textLength(value)).toBe(length);
  });
});

describe('normalizeInputText: the rule for every string input', () => {
  it.each([
    ['plain', 'plain'],
    ['tab\tand\nlines\r\n', 'tab\tand\nlines\r\n'],
    ['e\u0301', 'é'], // NFC
    ['A\u030A', 'Å'],
    ['\u2126', '\u03A9'], // OHM SIGN becomes GREEK CAPITAL OMEGA (a canonical singleton)
    ['🐉 ok', '🐉 ok'], // a surrogate pair is a character, not a lone surrogate
    ['\u202Eevil', '\u202Eevil'], // bidi controls are left to the stricter rules
    ['\u3164', '\u3164'],
  ])('keeps %j as %j', (value, expected) => {
    expect(normalizeInputText(value, 'f')).toBe(expected);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['NUL alone', '\u0000'],
    ['a lone high surrogate', 'x\ud800'],
    ['a lone low surrogate', '\udc00y'],
    ['reversed pair', '\udc09\ud83d'],
    ['BEL', 'ding\u0007'],
    ['backspace', 'a\bb'],
    ['vertical tab', 'a\u000Bb'],
    ['form feed', 'a\fb'],
    ['ESC (ANSI colour)', '\u001b[31mred\u001b[0m'],
    ['DEL', 'a\u007F'],
    ['C1 CSI', '\u009B31m'],
    ['C1 NEL', 'a\u0085b'],
    ['NUL after non-ASCII', 'é\u0000'],
  ])('refuses %s, naming the field', (_case, value) => {
    expect(refusal(() => normalizeInputText(value, 'input.reason'))).toBe('input.reason');
  });
});

describe('validateNameText', () => {
  it.each([
    ['Ana', 'Ana'],
    ['  Ana  ', 'Ana'],
    ['José', 'José'],
    ['Jose\u0301', 'José'], // stored in NFC
    ['Ana María', 'Ana María'],
    ['محمد', 'محمد'], // right-to-left letters are fine; only the controls are refused
    ['김민준', '김민준'],
    ['山田\u3000太郎', '山田\u3000太郎'], // ideographic space inside
    ['👨‍👩‍👧 family', '👨‍👩‍👧 family'], // ZWJ sequence
    ['❤️', '❤️'], // variation selector 16
    ['🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'], // Scotland's flag
    ['می\u200Cخواهم', 'می\u200Cخواهم'], // Persian needs ZWNJ
    ['x'.repeat(32), 'x'.repeat(32)],
    ['🐉'.repeat(32), '🐉'.repeat(32)], // 64 UTF-16 units, 32 characters
    ['e\u0301'.repeat(32), 'é'.repeat(32)], // 64 code points typed, 32 after NFC
    ['.', '.'],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateNameText(value, NAME)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['33 characters', 'x'.repeat(33)],
    ['33 emoji', '🐉'.repeat(33)],
    ['a line break', 'Ana\nBob'],
    ['a tab', 'Ana\tBob'],
    ['a line separator', 'Ana\u2028Bob'],
    ['RLO (right-to-left override)', 'Ana\u202Egnp.exe'],
    ['LRE', '\u202Aname'],
    ['PDF', 'name\u202C'],
    ['RLI isolate', '\u2067name'],
    ['PDI', 'name\u2069'],
    ['RLM mark', 'Ana\u200F'],
    ['ALM mark', 'Ana\u061C'],
    ['zero-width space only', '\u200B\u200B'],
    ['zero-width space inside', 'A\u200Bna'],
    ['word joiner', 'A\u2060na'],
    ['BOM inside', 'A\uFEFFna'],
    ['soft hyphen inside', 'A\u00ADna'],
    ['Hangul filler U+3164', '\u3164'],
    ['Hangul filler beside a letter', 'Ana\u3164'],
    ['Hangul choseong filler U+115F', '\u115F'],
    ['Hangul jungseong filler U+1160', '\u1160'],
    ['halfwidth Hangul filler U+FFA0', '\uFFA0'],
    ['braille blank U+2800', '\u2800\u2800'],
    ['ZWJ only', '\u200D'],
    ['variation selectors only', '\uFE0F\uFE0F'],
    ['combining marks only', '\u0301\u0302'],
    ['a lone tag character', 'Ana\u{E0041}'],
    ['em spaces only', '\u2003\u2003'],
    ['ideographic space only', '\u3000'],
    ['NUL', 'Ana\u0000'],
    ['ANSI escape', '\u001b[1mAna'],
    ['a lone surrogate', 'Ana\ud800'],
  ])('refuses %s', (_case, value) => {
    expect(refusal(() => validateNameText(value, NAME))).toBe('displayName');
  });
});

describe('validateMultilineText', () => {
  it.each([
    ['gg', 'gg'],
    ['  gg wp \n', 'gg wp'],
    ['line one\nline two', 'line one\nline two'],
    ['windows\r\nline\rbreaks', 'windows\nline\nbreaks'],
    ['unicode\u2028line\u2029breaks', 'unicode\nline\nbreaks'],
    ['col\tumns', 'col\tumns'],
    ['cafe\u0301', 'café'],
    ['שלום \u200Fabc', 'שלום \u200Fabc'], // RLM typed by a right-to-left writer stays
    ['a\u200Bb', 'a\u200Bb'], // a zero-width space between visible text is harmless here
    ['🎉'.repeat(500), '🎉'.repeat(500)],
  ])('keeps %j as %j', (value, expected) => {
    expect(validateMultilineText(value, CHAT)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['blank lines', ' \n\t\r\n '],
    ['501 characters', 'x'.repeat(501)],
    ['zero-width only', '\u200B\u200C\u200D'],
    ['Hangul fillers only', '\u3164\u3164'],
    ['braille blanks only', '\u2800\n\u2800'],
    ['RLO', 'see \u202Etxt.exe'],
    ['LRI', '\u2066x'],
    ['ANSI escape', '\u001b[2J'],
    ['NUL', 'hi\u0000'],
    ['lone surrogate', '\udfff'],
  ])('refuses %s', (_case, value) => {
    expect(refusal(() => validateMultilineText(value, CHAT))).toBe('text');
  });
});

describe('validateSecretText', () => {
  const PASSWORD = { field: 'password', label: 'Password', minLength: 8, maxLength: 128 };
  it.each([
    [' spaces around ', ' spaces around '], // not trimmed: they are part of the secret
    ['correct horse', 'correct horse'],
    ['pa\u0301ssword', 'pássword'],
    ['🔑'.repeat(8), '🔑'.repeat(8)],
    ['\u202Eanything', '\u202Eanything'], // nobody else sees it
  ])('accepts %j', (value, expected) => {
    expect(validateSecretText(value, PASSWORD)).toBe(expected);
  });

  it.each([['short'], ['x'.repeat(129)], ['password\u0000'], ['password\ud800'], ['\u001b[0mpassword']])('refuses %j', (value) => {
    expect(refusal(() => validateSecretText(value, PASSWORD))).toBe('password');
  });
});
