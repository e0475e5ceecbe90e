import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { validateAvatarUrl, validateBio, validateProfileChanges, validateTimezone } from './profile.js';

const fieldOf = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details.field;
  }
  throw new Error('expected a BadUserInputError');
};

describe('validateAvatarUrl', () => {
  it.each([
    ['https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['  http://example.com/x.jpg ', 'http://example.com/x.jpg'],
    [`https://e.com/${'a'.repeat(512 - 'https://e.com/'.length)}`, `https://e.com/${'a'.repeat(498)}`],
    ['', null],
    [null, null],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateAvatarUrl(value)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    ['ftp://example.com/a.png'],
    ['data:image/png;base64,AAAA'],
    ['/relative/path.png'],
    ['not a url'],
    ['https://exa mple.com/a.png'],
    ['https://user:secret@example.com/a.png'],
    [`https://e.com/${'a'.repeat(499)}`], // 513 characters
  ])('refuses %j, naming avatarUrl', (value) => {
    expect(fieldOf(() => validateAvatarUrl(value))).toBe('avatarUrl');
  });
});

describe('validateBio', () => {
  it.each([
    ['', ''],
    ['  Healer main. ', 'Healer main.'],
    ['line one\nline two', 'line one\nline two'],
    ['x'.repeat(280), 'x'.repeat(280)],
    ['🐉'.repeat(280), '🐉'.repeat(280)], // 280 dragons: 560 UTF-16 units, 280 characters
    ['tabs\tand\r\nbreaks', 'tabs\tand\nbreaks'],
    ['cafe\u0301', 'café'],
  ])('accepts %j', (value, expected) => {
    expect(validateBio(value)).toBe(expected);
  });

  it.each([['x'.repeat(281)], ['🐉'.repeat(281)], ['bell\u0007'], ['\u001b[2Jclear'], ['nul\u0000'], ['\u202Eevil'], ['\u200B\u3164']])('refuses %j, naming bio', (value) => {
    expect(fieldOf(() => validateBio(value))).toBe('bio');
  });
});

describe('validateTimezone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['Europe/Madrid', 'Europe/Madrid'],
    ['europe/madrid', 'Europe/Madrid'],
    ['America/New_York', 'America/New_York'],
    [' Asia/Tokyo ', 'Asia/Tokyo'],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateTimezone(value)).toBe(expected);
  });

  it.each([['Mars/Olympus_Mons'], ['+02:00'], ['GMT+2 '], [''], ['Europe/'], ['../../etc/passwd']])('refuses %j, naming timezone', (value) => {
    expect(fieldOf(() => validateTimezone(value))).toBe('timezone');
  });
});

describe('validateProfileChanges', () => {
  it('changes only the fields given; a null avatar removes the picture', () => {
    expect(validateProfileChanges({})).toEqual({});
    expect(validateProfileChanges({ displayName: null, bio: null, timezone: null })).toEqual({});
    expect(validateProfileChanges({ avatarUrl: null })).toEqual({ avatarUrl: null });
    expect(validateProfileChanges({ displayName: ' Ana ', bio: 'hi', timezone: 'utc', avatarUrl: 'https://e.com/a.png' })).toEqual({
      displayName: 'Ana',
      bio: 'hi',
      timezone: 'UTC',
      avatarUrl: 'https://e.com/a.png',
    });
  });

  it('names the first field that breaks a rule', () => {
    expect(fieldOf(() => validateProfileChanges({ displayName: ' ' }))).toBe('displayName');
    expect(fieldOf(() => validateProfileChanges({ displayName: 'Ana\u202E' }))).toBe('displayName');
    expect(fieldOf(() => validateProfileChanges({ displayName: '\u3164' }))).toBe('displayName');
    expect(fieldOf(() => validateProfileChanges({ timezone: 'Nowhere/Land' }))).toBe('timezone');
  });
});
