import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { compileBlockedTerms, findBlockedTerm, maskProfanity, moderateText, validateReportText } from './moderation.js';

const failure = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return { code: (error as DomainError).code, ...(error as DomainError).details };
  }
  return null;
};

describe('maskProfanity', () => {
  it.each([
    ['gg wp', 'gg wp'],
    ['what the fuck', 'what the ****'],
    ['you are a b1tch', 'you are a *****'], // leetspeak
    ['shit\nhappens 🎉', '****\nhappens 🎉'], // line breaks and emoji stay
    ['Scunthorpe is a town', 'Scunthorpe is a town'], // the package's whitelist
    ['assassin class', 'assassin class'],
    ['won 455 to 717 at 7:17', 'won 455 to 717 at 7:17'], // digits alone are scores and times, not leetspeak
    ['a55hole', '***hole'], // digits inside a word still are
  ])('%j → %j', (typed, shown) => {
    expect(maskProfanity(typed)).toBe(shown);
  });
});

describe('blocked terms', () => {
  const terms = compileBlockedTerms(['free gold', 'scamsite', ' ', 'Crème']);
  it.each([
    ['get FREE   gold here', 'free gold'],
    ['free-gold!', 'free gold'], // punctuation between words
    ['visit ＳＣＡＭＳＩＴＥ now', 'scamsite'], // full-width letters
    ['creme brulee', 'creme'], // accents aside
    ['freegold', null], // whole words only
    ['the scamsites', null],
    ['gold free', null],
  ])('%j holds %j', (text, term) => {
    expect(findBlockedTerm(text, terms)).toBe(term);
  });

  it('refuses a blocked term with BAD_USER_INPUT on "text", reason BLOCKED_TERM', () => {
    expect(failure(() => moderateText('free gold!', terms))).toEqual({ code: 'BAD_USER_INPUT', field: 'text', reason: 'BLOCKED_TERM' });
  });

  it('keeps what was typed when it masks, and nothing extra when it does not', () => {
    expect(moderateText('oh shit', terms)).toEqual({ text: 'oh ****', originalText: 'oh shit' });
    expect(moderateText('hello', terms)).toEqual({ text: 'hello', originalText: null });
    expect(moderateText('hello', [])).toEqual({ text: 'hello', originalText: null });
  });
});

describe('report text', () => {
  it('keeps 1–500 characters and refuses the rest on its field', () => {
    expect(validateReportText('  spam  ', 'reason')).toBe('spam');
    expect(failure(() => validateReportText('', 'reason'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(failure(() => validateReportText('x'.repeat(501), 'resolution'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolution' });
  });
});
