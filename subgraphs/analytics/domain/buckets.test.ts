import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { bucketStarts, fillBuckets, truncate, validateRange, type MetricInterval } from './buckets.js';

const at = (iso: string) => new Date(iso);
const range = (from: string, to: string) => ({ from: at(from), to: at(to) });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('validateRange', () => {
  it.each<[string, string, string, MetricInterval]>([
    ['one hour', '2026-03-01T00:00:00Z', '2026-03-01T01:00:00Z', 'HOUR'], // a Sunday
    ['exactly 31 days of hours', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'HOUR'],
    ['exactly 366 days', '2026-01-01T00:00:00Z', '2027-01-02T00:00:00Z', 'DAY'],
    ['a leap year', '2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z', 'DAY'], // 366 days
  ])('accepts %s', (_name, from, to, interval) => {
    expect(validateRange(range(from, to), interval)).toEqual(range(from, to));
  });

  it.each<[string, string, string, MetricInterval]>([
    ['an empty range', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 'DAY'],
    ['a reversed range', '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z', 'HOUR'],
    ['31 days and a millisecond of hours', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00.001Z', 'HOUR'],
    ['367 days', '2026-01-01T00:00:00Z', '2027-01-03T00:00:00Z', 'DAY'],
  ])('refuses %s, naming `to`', (_name, from, to, interval) => {
    const attempt = () => validateRange(range(from, to), interval);
    expect(attempt).toThrow(BadUserInputError);
    expect(() => attempt()).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'to' }) }));
  });
});

describe('truncate', () => {
  it.each<[string, MetricInterval, string]>([
    ['2026-03-01T13:45:10.500Z', 'HOUR', '2026-03-01T13:00:00.000Z'],
    ['2026-03-01T13:45:10.500Z', 'DAY', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T23:59:59.999Z', 'DAY', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T00:00:00.000Z', 'DAY', '2026-03-01T00:00:00.000Z'],
    // 01:30 in Madrid is still the previous UTC day.
    ['2026-03-02T01:30:00+02:00', 'DAY', '2026-03-01T00:00:00.000Z'],
    ['1969-12-31T23:30:00Z', 'HOUR', '1969-12-31T23:00:00.000Z'], // before the epoch
  ])('%s by %s → %s', (input, interval, expected) => {
    expect(truncate(at(input), interval).toISOString()).toBe(expected);
  });
});

describe('bucketStarts', () => {
  it('lists UTC days, the first aligned to the start of from’s day', () => {
    expect(iso(bucketStarts(range('2026-03-01T15:00:00Z', '2026-03-04T00:00:00Z'), 'DAY'))).toEqual([
      '2026-03-01T00:00:00.000Z', // Sunday, from mid-afternoon
      '2026-03-02T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
    ]);
  });

  it('includes a last bucket that `to` cuts short', () => {
    expect(iso(bucketStarts(range('2026-03-01T22:10:00Z', '2026-03-02T00:30:00Z'), 'HOUR'))).toEqual([
      '2026-03-01T22:00:00.000Z',
      '2026-03-01T23:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
  });

  it('has one bucket for a range inside one hour', () => {
    expect(iso(bucketStarts(range('2026-03-01T10:05:00Z', '2026-03-01T10:06:00Z'), 'HOUR'))).toEqual(['2026-03-01T10:00:00.000Z']);
  });

  it('has 744 hourly buckets for the longest HOUR range', () => {
    expect(bucketStarts(range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'), 'HOUR')).toHaveLength(31 * 24);
  });
});

describe('fillBuckets', () => {
  it('keeps the counts the database found and fills the rest with zeros, in order', () => {
    const starts = bucketStarts(range('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z'), 'DAY');
    const counts = [
      { start: at('2026-03-04T00:00:00Z'), count: 2 }, // a Wednesday
      { start: at('2026-03-02T00:00:00Z'), count: 5 },
    ];
    expect(fillBuckets(starts, counts).map((b) => [b.start.toISOString().slice(0, 10), b.count])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 5],
      ['2026-03-03', 0],
      ['2026-03-04', 2],
    ]);
  });

  it('is all zeros when nothing happened', () => {
    const starts = bucketStarts(range('2026-03-01T00:00:00Z', '2026-03-01T03:00:00Z'), 'HOUR');
    expect(fillBuckets(starts, []).map((b) => b.count)).toEqual([0, 0, 0]);
  });
});
