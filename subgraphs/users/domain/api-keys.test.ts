import { describe, expect, it } from 'vitest';
import { validateApiKeyName } from './api-keys.js';

describe('validateApiKeyName', () => {
  it.each([
    ['EU game servers', 'EU game servers'],
    ['  EU game servers  ', 'EU game servers'],
    ['n'.repeat(64), 'n'.repeat(64)],
    ['\u{1F3AE}'.repeat(64), '\u{1F3AE}'.repeat(64)], // 64 characters (code points), 128 UTF-16 units
    ['', null],
    ['   ', null],
    ['n'.repeat(65), null],
    ['\u{1F3AE}'.repeat(65), null],
  ])('%j is %j (null: BAD_USER_INPUT on name)', (name, expected) => {
    if (expected === null) expect(() => validateApiKeyName(name)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'name' }) }));
    else expect(validateApiKeyName(name)).toBe(expected);
  });
});
