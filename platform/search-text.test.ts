import { describe, expect, it } from 'vitest';
import { prefixQuery, searchTerms } from './search-text.js';

describe('searchTerms', () => {
  it.each([
    [null, null],
    ['', null],
    ['   ', null],
    ['Night Owls', ['night', 'owls']],
    ['night & !owls | (x)', ['night', 'owls', 'x']], // tsquery syntax is only separators
    ["o'neil:* <-> b", ['o', 'neil', 'b']],
    ['Ñandú 42', ['ñandú', '42']],
    ['a a A', ['a']],
    ['1 2 3 4 5 6 7 8 9 10', ['1', '2', '3', '4', '5', '6', '7', '8']],
  ])('%j → %j', (text, terms) => expect(searchTerms(text)).toEqual(terms));

  it.each(['!!!', '&|', 'x'.repeat(101)])('refuses %j', (text) => expect(() => searchTerms(text)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'text' } })));

  it('makes every word a required prefix', () => expect(prefixQuery(['night', 'ow'])).toBe('night:* & ow:*'));
});
