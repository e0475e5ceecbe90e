import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { daysOf, growthRate, latestCohortFor, measurableDays, rate } from './retention.js';
import { sliceStart, windowAt, windowSeconds } from './window.js';

const t = (iso: string) => Date.parse(iso);
const TODAY = t('2026-12-04T00:00:00Z'); // a Friday

describe('measurableDays', () => {
  it.each([
    ['yesterday’s cohort', '2026-12-03', []],
    ['the cohort of 2 days ago', '2026-12-02', [1]],
    ['the cohort of 8 days ago', '2026-11-26', [1, 7]],
    ['the cohort of 7 days ago (its day 7 is today)', '2026-11-27', [1]],
    ['the cohort of 31 days ago', '2026-11-03', [1, 7, 30]],
  ])('%s', (_name, day, expected) => {
    expect(measurableDays(t(`${day}T00:00:00Z`), TODAY)).toEqual(expected);
  });

  it('names the newest cohort measurable for each day', () => {
    expect(new Date(latestCohortFor(1, TODAY)).toISOString().slice(0, 10)).toBe('2026-12-02');
    expect(new Date(latestCohortFor(7, TODAY)).toISOString().slice(0, 10)).toBe('2026-11-26');
    expect(new Date(latestCohortFor(30, TODAY)).toISOString().slice(0, 10)).toBe('2026-11-03');
  });
});

describe('daysOf', () => {
  it('lists UTC days from from’s day, to exclusive', () => {
    expect(daysOf(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-03T00:00:00Z'), 92).map((d) => new Date(d).toISOString().slice(0, 10))).toEqual([
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(daysOf(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-03T00:00:01Z'), 92)).toHaveLength(3);
  });

  it.each([
    ['an empty range', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['93 days', '2026-09-01T00:00:00Z', '2026-12-03T00:00:00Z'],
  ])('refuses %s naming `to`', (_name, from, to) => {
    expect(() => daysOf(new Date(from), new Date(to), 92)).toThrow(BadUserInputError);
  });
});

describe('rates', () => {
  it.each([
    [3, 4, 0.75],
    [0, 4, 0],
    [0, 0, null],
  ])('rate(%d, %d) = %s', (retained, players, expected) => expect(rate(retained, players)).toBe(expected));
  it.each([
    [15, 12, 0.25],
    [6, 12, -0.5],
    [5, 0, null],
  ])('growthRate(%d, %d) = %s', (now, before, expected) => expect(growthRate(now, before)).toBe(expected));
});

describe('the sliding window', () => {
  it.each([
    ['2026-12-04T12:00:29.999Z', '2026-12-04T11:55:30.000Z', '2026-12-04T12:00:30.000Z', 299.999],
    ['2026-12-04T12:00:30.000Z', '2026-12-04T11:56:00.000Z', '2026-12-04T12:01:00.000Z', 270],
  ])('at %s is [%s, %s), %s seconds of it gone by', (now, start, end, seconds) => {
    const w = windowAt(t(now));
    expect([new Date(w.start).toISOString(), new Date(w.end).toISOString()]).toEqual([start, end]);
    expect(windowSeconds(t(now))).toBeCloseTo(seconds, 6);
  });
  it('slices by 30 seconds', () => expect(new Date(sliceStart(t('2026-12-04T12:00:44Z'))).toISOString()).toBe('2026-12-04T12:00:30.000Z'));
});
