import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTime, SafeInt } from './scalars.js';

describe('DateTime', () => {
  it('serializes Dates and ISO strings as UTC ISO strings', () => {
    expect(DateTime.serialize(new Date('2026-03-01T10:00:00+02:00'))).toBe('2026-03-01T08:00:00.000Z');
    expect(DateTime.serialize('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00.000Z');
  });

  it.each([
    '2026-03-01',
    '2026-03-01T10:00:00',
    'yesterday',
    '2026-13-45T99:00:00Z',
    42,
    '2026-02-29T00:00:00Z', // 2026 is not a leap year
    '2026-02-30T00:00:00Z', // Date would read March 2
    '2026-04-31T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-01-01T24:00:00Z', // Date would read the next day
  ])('refuses %j as input', (value) => {
    expect(() => DateTime.parseValue(value)).toThrow(/ISO-8601/);
  });

  it('parses literals and variables with an offset', () => {
    expect(DateTime.parseValue('2026-03-01T10:00:00.5-03:00')).toEqual(new Date('2026-03-01T13:00:00.500Z'));
    expect(DateTime.parseLiteral({ kind: Kind.STRING, value: '2026-03-01T00:00:00Z' })).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(DateTime.parseValue('2024-02-29T23:59:59+05:30')).toEqual(new Date('2024-02-29T18:29:59Z')); // a leap day
    expect(DateTime.parseValue('2026-12-31T23:59:59.999Z')).toEqual(new Date('2026-12-31T23:59:59.999Z'));
  });
});

describe('SafeInt', () => {
  it('serializes numbers and bigints within ±(2^53 − 1) as JSON numbers', () => {
    expect(SafeInt.serialize(3_000_000_001n)).toBe(3_000_000_001);
    expect(SafeInt.serialize(-42)).toBe(-42);
    expect(SafeInt.serialize(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a value it could only round', () => {
    expect(() => SafeInt.serialize(2n ** 53n)).toThrow(/unsafe/);
    expect(() => SafeInt.serialize(2n ** 63n - 1n)).toThrow(/unsafe/);
  });
});
