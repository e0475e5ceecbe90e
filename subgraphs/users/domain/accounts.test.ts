import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { validateDisplayName, validateRegistration } from './accounts.js';

const valid = { username: 'Ana_99', email: ' Ana@Example.com ', password: 'correct horse' };

describe('validateRegistration', () => {
  it('normalizes a valid sign-up', () => {
    expect(validateRegistration(valid)).toEqual({
      username: 'Ana_99',
      usernameKey: 'ana_99',
      email: 'ana@example.com',
      password: 'correct horse',
      displayName: 'Ana_99',
    });
  });

  it.each([
    ['username', { username: 'ab' }],
    ['username', { username: 'a'.repeat(21) }],
    ['username', { username: 'ana-99' }],
    ['username', { username: 'ana 99' }],
    ['email', { email: 'not-an-email' }],
    ['email', { email: 'a@b' }],
    ['password', { password: 'short' }],
    ['password', { password: 'x'.repeat(129) }],
    ['username', { username: 'ana\u0000' }],
    ['username', { username: 'ａｎａ' }], // fullwidth letters: not the ASCII the rule allows
    ['email', { email: 'ana\u200B@example.com' }], // zero-width space: looks like ana@example.com
    ['email', { email: 'ana@exa\u202Emple.com' }],
    ['email', { email: 'ana@example.com\u0000' }],
    ['email', { email: `${'a'.repeat(243)}@example.com` }], // 255 characters
    ['password', { password: 'password\u0000' }],
    ['password', { password: 'password\ud800' }],
    ['password', { password: '🔑'.repeat(129) }], // 129 characters
    ['displayName', { displayName: '   ' }],
    ['displayName', { displayName: 'x'.repeat(33) }],
    ['displayName', { displayName: 'Ana\u202Egnp' }],
    ['displayName', { displayName: '\u3164' }],
  ])('rejects a bad %s (%j)', (field, override) => {
    const attempt = () => validateRegistration({ ...valid, ...override });
    expect(attempt).toThrow(BadUserInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as BadUserInputError).details.field).toBe(field);
    }
  });

  it('stores text in NFC and counts code points', () => {
    const registration = validateRegistration({ ...valid, email: 'jose\u0301@example.com', password: 'pa\u0301ssword', displayName: 'Jose\u0301' });
    expect(registration).toMatchObject({ email: 'josé@example.com', password: 'pássword', displayName: 'José' });
    expect(validateRegistration({ ...valid, password: '🔑'.repeat(8) }).password).toBe('🔑'.repeat(8)); // 16 UTF-16 units
    expect(validateRegistration({ ...valid, password: '🔑'.repeat(128) }).password).toHaveLength(256);
  });

  it('accepts the boundaries', () => {
    expect(validateRegistration({ ...valid, username: 'abc', password: '12345678' }).username).toBe('abc');
    expect(validateRegistration({ ...valid, username: 'a'.repeat(20) }).usernameKey).toBe('a'.repeat(20));
  });
});

describe('validateDisplayName', () => {
  it.each([
    ['Ana', 'Ana'],
    ['  Ana María ', 'Ana María'],
    ['Jose\u0301', 'José'],
    ['🐉'.repeat(32), '🐉'.repeat(32)], // 32 characters, 64 UTF-16 units
    ['محمد', 'محمد'],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateDisplayName(value)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['33 emoji', '🐉'.repeat(33)],
    ['two lines', 'Ana\nBob'],
    ['RLO', 'Ana\u202Eexe'],
    ['RLI', '\u2067Ana'],
    ['zero-width only', '\u200B\u200D'],
    ['Hangul filler only', '\u3164\u3164'],
    ['braille blank only', '\u2800'],
    ['ANSI escape', '\u001b[31mAna'],
    ['NUL', 'A\u0000na'],
  ])('refuses %s, naming displayName', (_case, value) => {
    expect(() => validateDisplayName(value)).toThrow(BadUserInputError);
    try {
      validateDisplayName(value);
    } catch (error) {
      expect((error as BadUserInputError).details.field).toBe('displayName');
    }
  });
});
