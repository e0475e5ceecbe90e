// Full-text search input on PostgreSQL's `simple` configuration, shared by every search field.
import { BadUserInputError } from './errors.js';

/** The most words a search takes (the rest would only narrow an already narrow match). */
export const MAX_SEARCH_TERMS = 8;
/** How deep a search pages (a ranked list pages by position, not by keyset). */
export const MAX_SEARCH_OFFSET = 100_000;

/**
 * The words of a search, lower-cased: runs of letters and digits (punctuation and tsquery
 * operators are separators, never syntax). Null for no text; BAD_USER_INPUT on `text` for text
 * with no word in it or over 100 characters.
 */
export function searchTerms(text: string | null | undefined): string[] | null {
  if (text == null || text.trim() === '') return null;
  if ([...text].length > 100) throw new BadUserInputError('Search text is at most 100 characters.', 'text');
  const words = text.toLocaleLowerCase('und').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) throw new BadUserInputError('Search text needs at least one letter or digit.', 'text');
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** Every word as a prefix, all required: `spr cup` finds "Spring Cup". */
export const prefixQuery = (terms: readonly string[]): string => terms.map((t) => `${t}:*`).join(' & ');

/** A search cursor's position (what `toConnection` encoded): BAD_USER_INPUT on `after` otherwise. */
export function searchOffset(raw: unknown): number {
  if (!Number.isInteger(raw) || (raw as number) < 0 || (raw as number) > MAX_SEARCH_OFFSET) throw new BadUserInputError('after is not a valid cursor.', 'after');
  return raw as number;
}
