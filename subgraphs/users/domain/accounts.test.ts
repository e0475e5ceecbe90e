import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { validateRegistration } from './accounts.js';

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
    ['displayName', { displayName: '   ' }],
    ['displayName', { displayName: 'x'.repeat(33) }],
  ])('rejects a bad %s (%j)', (field, override) => {
    const attempt = () => validateRegistration({ ...valid, ...override });
    expect(attempt).toThrow(BadUserInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as BadUserInputError).details.field).toBe(field);
    }
  });

  it('accepts the boundaries', () => {
    expect(validateRegistration({ ...valid, username: 'abc', password: '12345678' }).username).toBe('abc');
    expect(validateRegistration({ ...valid, username: 'a'.repeat(20) }).usernameKey).toBe('a'.repeat(20));
  });
});
