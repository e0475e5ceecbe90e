import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError } from '../../../platform/errors.js';
import {
  assertRedefinable,
  assignVariant,
  bucketOf,
  evaluate,
  experimentResults,
  matchesTargeting,
  sameDefinition,
  twoProportionZTest,
  validateExperiment,
  wilsonInterval,
  type ExperimentDefinition,
  type Variant,
} from './experiments.js';

const t = (iso: string) => Date.parse(iso);

const definition = (over: Partial<ExperimentDefinition> = {}): ExperimentDefinition => ({
  key: 'shop-layout',
  description: 'Does the new shop sell more?',
  variants: [
    { key: 'control', weight: 50, featureFlags: { shop: 'classic' } },
    { key: 'grid', weight: 50, featureFlags: { shop: 'grid' } },
  ],
  goals: ['purchase'],
  targeting: {},
  startsAt: new Date('2026-12-01T00:00:00Z'), // a Tuesday
  endsAt: new Date('2026-12-31T00:00:00Z'),
  status: 'RUNNING',
  ...over,
});

/** The i-th of n made-up player ids (UUID-shaped, distinct, deterministic). */
const playerId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

describe('variant assignment', () => {
  it.each([
    ['50/50', [50, 50]],
    ['90/10', [90, 10]],
    ['three ways 34/33/33', [34, 33, 33]],
    ['a 1% variant', [99, 1]],
    ['five ways with a 0% variant', [40, 30, 0, 20, 10]],
  ])('%s: within ±1 point of the weights over 100,000 players', (_name, weights) => {
    const variants: Variant[] = weights.map((weight, i) => ({ key: `v${i}`, weight, featureFlags: {} }));
    const counts = new Map<string, number>();
    const N = 100_000;
    for (let i = 0; i < N; i++) {
      const v = assignVariant(variants, bucketOf('exp-weights', playerId(i)));
      counts.set(v.key, (counts.get(v.key) ?? 0) + 1);
    }
    variants.forEach((v) => {
      const share = ((counts.get(v.key) ?? 0) / N) * 100;
      expect(Math.abs(share - v.weight), `${v.key}: ${share}% for weight ${v.weight}`).toBeLessThanOrEqual(1);
    });
    expect(counts.get('v2') ?? 0).toBe(weights.length === 5 ? 0 : (counts.get('v2') ?? 0)); // a 0% variant gets nobody
  });

  it('is sticky: the same player and experiment always land in the same bucket (a pure function of both)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/), (user, key) => {
        expect(bucketOf(key, user)).toBe(bucketOf(key, user));
        expect(bucketOf(key, user.toUpperCase())).toBe(bucketOf(key, user));
        const b = bucketOf(key, user);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(1);
      }),
    );
  });

  it('fixes known buckets (a change of the hash would move every running experiment’s players)', () => {
    expect(bucketOf('shop-layout', playerId(1))).toMatchInlineSnapshot(`0.22631249745581195`);
    expect(bucketOf('other-test', playerId(1))).toMatchInlineSnapshot(`0.09327582143609203`);
  });

  it('assigns independently across experiments (a player in grid of one is not in the second half of all)', () => {
    let both = 0;
    const N = 20_000;
    for (let i = 0; i < N; i++) if (bucketOf('a', playerId(i)) < 0.5 && bucketOf('b', playerId(i)) < 0.5) both++;
    expect(Math.abs(both / N - 0.25)).toBeLessThan(0.01);
  });
});

describe('evaluate: dates, status and targeting', () => {
  const me = playerId(7);
  it.each([
    ['running, in its dates', {}, '2026-12-10T12:00:00Z', 'ASSIGNED'],
    ['before startsAt', {}, '2026-11-30T23:59:59Z', 'NOT_RUNNING'],
    ['at endsAt (exclusive)', {}, '2026-12-31T00:00:00Z', 'NOT_RUNNING'],
    ['paused', { status: 'PAUSED' as const }, '2026-12-10T12:00:00Z', 'NOT_RUNNING'],
    ['draft', { status: 'DRAFT' as const }, '2026-12-10T12:00:00Z', 'NOT_RUNNING'],
    ['completed', { status: 'COMPLETED' as const }, '2026-12-10T12:00:00Z', 'NOT_RUNNING'],
  ])('%s → %s', (_name, over, now, reason) => {
    expect(evaluate(definition(over), me, null, t(now)).reason).toBe(reason);
  });

  it.each([
    ['new players (< 3 sessions), has 2', { maxSessions: 3 }, { sessions: 2 }, true],
    ['new players (< 3 sessions), has 3', { maxSessions: 3 }, { sessions: 3 }, false],
    ['ios or android, on IOS (case-insensitive)', { platforms: ['ios', 'android'] }, { platform: 'IOS' }, true],
    ['ios, platform unknown', { platforms: ['ios'] }, { platform: null }, false],
    ['Spain, from es', { countries: ['ES'] }, { country: 'es' }, true],
    ['levels 5–10, at 10', { minLevel: 5, maxLevel: 10 }, { level: 10 }, true],
    ['levels 5–10, at 11', { minLevel: 5, maxLevel: 10 }, { level: 11 }, false],
    ['every condition must hold', { maxSessions: 5, countries: ['ES'] }, { sessions: 1, country: 'FR' }, false],
    ['no targeting: everyone', {}, {}, true],
  ])('%s', (_name, targeting, profile, expected) => {
    expect(matchesTargeting(targeting, { sessions: 0, platform: null, country: null, level: 1, ...profile })).toBe(expected);
  });

  it('treats a player analytics never saw as new: no sessions, level 1, no platform', () => {
    const now = t('2026-12-10T12:00:00Z');
    expect(evaluate(definition({ targeting: { maxSessions: 1 } }), me, null, now).reason).toBe('ASSIGNED');
    expect(evaluate(definition({ targeting: { platforms: ['ios'] } }), me, null, now).reason).toBe('NOT_TARGETED');
  });
});

describe('validateExperiment', () => {
  const field = (over: Partial<ExperimentDefinition>) => {
    try {
      validateExperiment(definition(over));
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return (error as BadUserInputError).details.field;
    }
  };
  it.each([
    ['a valid definition', {}, null],
    ['weights adding up to 90', { variants: [{ key: 'a', weight: 60, featureFlags: {} }, { key: 'b', weight: 30, featureFlags: {} }] }, 'variants'],
    ['weights adding up to 110', { variants: [{ key: 'a', weight: 60, featureFlags: {} }, { key: 'b', weight: 50, featureFlags: {} }] }, 'variants'],
    ['a fractional weight', { variants: [{ key: 'a', weight: 50.5, featureFlags: {} }, { key: 'b', weight: 49.5, featureFlags: {} }] }, 'variants.0.weight'],
    ['a negative weight', { variants: [{ key: 'a', weight: 110, featureFlags: {} }, { key: 'b', weight: -10, featureFlags: {} }] }, 'variants.0.weight'],
    ['one variant only', { variants: [{ key: 'a', weight: 100, featureFlags: {} }] }, 'variants'],
    ['a variant key twice', { variants: [{ key: 'a', weight: 50, featureFlags: {} }, { key: 'a', weight: 50, featureFlags: {} }] }, 'variants.1.key'],
    ['flags that are not an object', { variants: [{ key: 'a', weight: 50, featureFlags: [] as never }, { key: 'b', weight: 50, featureFlags: {} }] }, 'variants.0.featureFlags'],
    ['flags over 4 KB', { variants: [{ key: 'a', weight: 50, featureFlags: { x: 'y'.repeat(5000) } }, { key: 'b', weight: 50, featureFlags: {} }] }, 'variants.0.featureFlags'],
    ['a key with capitals', { key: 'Shop' }, 'key'],
    ['a key of 64 characters', { key: `a${'b'.repeat(63)}` }, 'key'],
    ['no goals', { goals: [] }, 'goals'],
    ['a goal with a space', { goals: ['buy it'] }, 'goals.0'],
    ['a goal listed twice: the repeat is at fault', { goals: ['purchase', 'share', 'purchase'] }, 'goals.2'],
    ['endsAt at startsAt', { endsAt: new Date('2026-12-01T00:00:00Z') }, 'endsAt'],
    ['over 366 days', { endsAt: new Date('2028-01-01T00:00:00Z') }, 'endsAt'],
    ['a country that is not alpha-2', { targeting: { countries: ['ESP'] } }, 'targeting.countries.0'],
    ['an empty platform list', { targeting: { platforms: [] } }, 'targeting.platforms'],
    ['minLevel above maxLevel', { targeting: { minLevel: 9, maxLevel: 3 } }, 'targeting.maxLevel'],
    ['maxSessions 0', { targeting: { maxSessions: 0 } }, 'targeting.maxSessions'],
  ])('%s → %s', (_name, over, expected) => {
    expect(field(over as Partial<ExperimentDefinition>)).toBe(expected);
  });

  it('normalizes targeting lists (case, duplicates, order)', () => {
    expect(validateExperiment(definition({ targeting: { platforms: ['IOS', 'android', 'ios'], countries: ['es', 'FR'] } })).targeting).toEqual({
      maxSessions: null,
      platforms: ['android', 'ios'],
      countries: ['ES', 'FR'],
      minLevel: null,
      maxLevel: null,
    });
  });
});

describe('assertRedefinable', () => {
  const current = validateExperiment(definition());
  it('allows anything before the first exposure', () => {
    expect(() => assertRedefinable(current, validateExperiment(definition({ goals: ['other'] })), false)).not.toThrow();
  });
  it('after exposures, allows the description, status, end and flags', () => {
    const next = validateExperiment(
      definition({
        description: 'new words',
        status: 'PAUSED',
        endsAt: new Date('2026-12-20T00:00:00Z'),
        variants: [
          { key: 'control', weight: 50, featureFlags: { shop: 'classic', v: 2 } },
          { key: 'grid', weight: 50, featureFlags: { shop: 'grid' } },
        ],
      }),
    );
    expect(() => assertRedefinable(current, next, true)).not.toThrow();
  });
  it.each([
    ['weights', { variants: [{ key: 'control', weight: 40, featureFlags: {} }, { key: 'grid', weight: 60, featureFlags: {} }] }],
    ['targeting', { targeting: { maxSessions: 3 } }],
    ['start', { startsAt: new Date('2026-12-02T00:00:00Z') }],
    ['goals', { goals: ['purchase', 'retained'] }],
  ])('after exposures, refuses a change of %s (CONFLICT)', (_name, over) => {
    expect(() => assertRedefinable(current, validateExperiment(definition(over as Partial<ExperimentDefinition>)), true)).toThrow(ConflictError);
  });
  it('refuses any change to a COMPLETED experiment, but not the same definition again', () => {
    const done = validateExperiment(definition({ status: 'COMPLETED' }));
    expect(() => assertRedefinable(done, validateExperiment(definition({ status: 'RUNNING' })), false)).toThrow(ConflictError);
    expect(() => assertRedefinable(done, validateExperiment(definition({ status: 'COMPLETED' })), true)).not.toThrow();
  });
  it('compares a stored row (with its createdAt and updatedAt) with the definition sent again as the same', () => {
    const stored = { ...validateExperiment(definition({ status: 'COMPLETED' })), createdAt: new Date('2026-11-30T09:00:00Z'), updatedAt: new Date('2026-12-01T09:00:00Z') };
    const again = validateExperiment(definition({ status: 'COMPLETED' }));
    expect(sameDefinition(stored, again)).toBe(true);
    expect(() => assertRedefinable(stored, again, true)).not.toThrow();
    expect(sameDefinition(stored, validateExperiment(definition({ status: 'COMPLETED', description: 'other words' })))).toBe(false);
  });
});

describe('statistics against reference values', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (Wilson score).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.8830, 1],
  ])('Wilson 95%% interval of %i/%i is %f–%f', (c, n, low, high) => {
    const interval = wilsonInterval(c, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('has no interval for an empty group', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  // R: prop.test(c(c1, c2), c(n1, n2), correct = FALSE) gives X-squared = z² and the same p-value.
  it.each([
    [200, 1000, 250, 1000, 2.6774, 0.007420],
    [120, 1000, 100, 1000, -1.4293, 0.1529],
    [50, 100, 50, 100, 0, 1],
    [30, 300, 45, 300, 1.8516, 0.06408],
  ])('two-proportion z-test %i/%i vs %i/%i: z %f, p %f', (c1, n1, c2, n2, z, p) => {
    const test = twoProportionZTest(c1, n1, c2, n2)!;
    expect(test.z).toBeCloseTo(z, 3);
    expect(test.pValue).toBeCloseTo(p, 4);
  });

  it('has no test without variance or without players', () => {
    expect(twoProportionZTest(0, 100, 0, 100)).toBeNull();
    expect(twoProportionZTest(100, 100, 100, 100)).toBeNull();
    expect(twoProportionZTest(0, 0, 5, 10)).toBeNull();
  });

  it('compares every variant with the first (the control), in the definition’s order, zeros for a variant nobody saw', () => {
    const results = experimentResults(
      ['control', 'grid', 'list'],
      [
        { variant: 'grid', exposures: 1000, conversions: 250 },
        { variant: 'control', exposures: 1000, conversions: 200 },
      ],
    );
    expect(results.map((r) => [r.variant, r.isControl, r.exposures, r.conversionRate, r.significant])).toEqual([
      ['control', true, 1000, 0.2, false],
      ['grid', false, 1000, 0.25, true],
      ['list', false, 0, null, false],
    ]);
    expect(results[0]!.pValue).toBeNull();
    expect(results[1]!.upliftVsControl).toBeCloseTo(0.05, 10);
    expect(results[1]!.pValue).toBeCloseTo(0.00742, 5);
    expect(results[2]!.confidenceInterval).toBeNull();
  });
});
