import { asteriskCensorStrategy, englishDataset, englishRecommendedTransformers, RegExpMatcher, TextCensor } from 'obscenity';
import { BadUserInputError } from '../../../platform/errors.js';
import { validateMultilineText } from '../../../platform/text.js';

// The profanity list is obscenity's English data set with its recommended transformers (leetspeak,
// confusables, repeated letters), a maintained package rather than a word list of our own; it is
// pure computation, built once. Its whitelist keeps words such as "Scunthorpe" and "assassin".
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const censor = new TextCensor().setStrategy(asteriskCensorStrategy());

const LETTER = /\p{L}/u;

/**
 * The text others see: words on the profanity list replaced by `*`, one per character; the rest
 * unchanged. A match without a single letter is not masked: leetspeak reads digits as letters, and
 * players type scores, times and ids ("455", "7:17") far more often than swear words in digits.
 */
export function maskProfanity(text: string): string {
  const matches = matcher.getAllMatches(text, true).filter((m) => LETTER.test(text.slice(m.startIndex, m.endIndex + 1)));
  return matches.length ? censor.applyTo(text, matches) : text;
}

/**
 * A term as the blocked-terms check compares it: NFKC (full-width and styled letters become plain
 * ones), lower case, accents removed, every run of non-letters and non-digits one space.
 */
export function foldForMatching(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** The configured blocked terms, folded once (empty entries dropped). */
export function compileBlockedTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map(foldForMatching).filter((t) => t.trim() !== ''))];
}

/** The first blocked term the text holds as whole words (case, accents and punctuation aside), or null. */
export function findBlockedTerm(text: string, compiled: readonly string[]): string | null {
  if (!compiled.length) return null;
  const folded = foldForMatching(text);
  return compiled.find((term) => folded.includes(term))?.trim() ?? null;
}

/** BAD_USER_INPUT on `text` with reason BLOCKED_TERM when the text holds a blocked term. */
export function assertNoBlockedTerm(text: string, compiled: readonly string[]): void {
  if (findBlockedTerm(text, compiled) !== null) {
    throw new BadUserInputError('This message contains a term that is not allowed here.', 'text', { reason: 'BLOCKED_TERM' });
  }
}

/** What a message stores: the text others see (masked) and what was typed when it differs. */
export function moderateText(typed: string, blockedTerms: readonly string[]): { text: string; originalText: string | null } {
  assertNoBlockedTerm(typed, blockedTerms);
  const text = maskProfanity(typed);
  return { text, originalText: text === typed ? null : typed };
}

export const MAX_REPORT_REASON_LENGTH = 500;

/** A report's reason (or a moderator's note): 1–500 characters under the chat text rules. */
export function validateReportText(value: string, field: 'reason' | 'resolution'): string {
  return validateMultilineText(value, { field, label: field === 'reason' ? 'A reason' : 'A resolution', maxLength: MAX_REPORT_REASON_LENGTH });
}
