import { createHash } from 'node:crypto';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { BadUserInputError, ConflictError } from '../../../platform/errors.js';

/** An experiment's lifecycle; players are assigned only while RUNNING and within its dates. */
export type ExperimentStatus = 'DRAFT' | 'RUNNING' | 'PAUSED' | 'COMPLETED';

export interface Variant {
  key: string;
  /** Whole percent; every variant's weights add up to 100. */
  weight: number;
  /** What the game switches on for players in this variant (a JSON object). */
  featureFlags: Record<string, unknown>;
}

/**
 * Who may enter, as analytics knows players: every condition set must hold; none set = everyone.
 * `maxSessions`: fewer sessions than this (new players); `platforms`/`countries`: the player's
 * latest reported `context.device.platform` / `context.location.country`; `minLevel`/`maxLevel`:
 * the level users last announced (`user.leveled_up`; 1 when it never did).
 */
export interface Targeting {
  maxSessions?: number | null;
  platforms?: string[] | null;
  countries?: string[] | null;
  minLevel?: number | null;
  maxLevel?: number | null;
}

export interface ExperimentDefinition {
  key: string;
  description: string;
  /** The first is the control every other variant is compared with. */
  variants: Variant[];
  /** Conversion goals; the first is the primary one. */
  goals: string[];
  targeting: Targeting;
  startsAt: Date;
  endsAt: Date;
  status: ExperimentStatus;
}

/** What analytics knows of a player for targeting. */
export interface PlayerProfile {
  sessions: number;
  platform: string | null;
  country: string | null;
  level: number;
}

export const EXPERIMENT_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const VARIANT_KEY = /^[a-z][a-z0-9_-]{0,31}$/;
const GOAL = /^[a-z][a-z0-9_]{0,62}$/;
const PLATFORM = /^[a-z0-9_-]{1,32}$/;
const COUNTRY = /^[A-Z]{2}$/;
export const MAX_VARIANTS = 10;
export const MAX_GOALS = 10;
export const MAX_FLAGS_BYTES = 4096;
const MAX_DESCRIPTION = 1000;
const MAX_LIST = 50;
const MAX_DURATION_MS = 366 * 24 * 3_600_000;

const bad = (message: string, field: string): never => {
  throw new BadUserInputError(message, field);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The definition as given, checked; normalized (platforms lower-case, countries upper-case, lists deduplicated). */
export function validateExperiment(input: ExperimentDefinition): ExperimentDefinition {
  if (!EXPERIMENT_KEY.test(input.key)) bad('key: 1–63 characters from a–z 0–9 _ -, starting with a letter.', 'key');
  if ([...input.description].length > MAX_DESCRIPTION) bad(`description: at most ${MAX_DESCRIPTION} characters.`, 'description');
  const { variants } = input;
  if (variants.length < 2 || variants.length > MAX_VARIANTS) bad(`variants: 2–${MAX_VARIANTS}, the first being the control.`, 'variants');
  const keys = new Set<string>();
  variants.forEach((v, i) => {
    if (!VARIANT_KEY.test(v.key)) bad('A variant key is 1–32 characters from a–z 0–9 _ -, starting with a letter.', `variants.${i}.key`);
    if (keys.has(v.key)) bad(`Variant key ${v.key} is used twice.`, `variants.${i}.key`);
    keys.add(v.key);
    if (!Number.isInteger(v.weight) || v.weight < 0 || v.weight > 100) bad('A weight is a whole percent from 0 to 100.', `variants.${i}.weight`);
    if (!isObject(v.featureFlags)) bad('featureFlags must be a JSON object.', `variants.${i}.featureFlags`);
    if (Buffer.byteLength(JSON.stringify(v.featureFlags)) > MAX_FLAGS_BYTES) bad(`featureFlags: at most ${MAX_FLAGS_BYTES} bytes of JSON.`, `variants.${i}.featureFlags`);
  });
  const sum = variants.reduce((s, v) => s + v.weight, 0);
  if (sum !== 100) throw new BadUserInputError(`The variants' weights add up to ${sum}; they must add up to 100.`, 'variants', { weightSum: sum });
  if (input.goals.length < 1 || input.goals.length > MAX_GOALS) bad(`goals: 1–${MAX_GOALS}, the first being the primary one.`, 'goals');
  input.goals.forEach((g, i) => {
    if (!GOAL.test(g)) bad('A goal is 1–63 characters from a–z 0–9 _, starting with a letter.', `goals.${i}`);
    if (input.goals.indexOf(g) !== i) bad(`Goal ${g} is listed twice.`, `goals.${i}`);
  });
  const t = input.targeting;
  const list = (values: string[] | null | undefined, field: string, pattern: RegExp, norm: (s: string) => string, what: string) => {
    if (values == null) return null;
    if (values.length < 1 || values.length > MAX_LIST) bad(`${field}: 1–${MAX_LIST} values, or leave it out.`, `targeting.${field}`);
    const normalized = values.map(norm);
    normalized.forEach((v, i) => {
      if (!pattern.test(v)) bad(`${what}`, `targeting.${field}.${i}`);
    });
    return [...new Set(normalized)].sort();
  };
  const level = (v: number | null | undefined, field: string) => {
    if (v == null) return null;
    if (!Number.isInteger(v) || v < 1 || v > 10_000) bad(`${field}: a level from 1 to 10,000.`, `targeting.${field}`);
    return v;
  };
  if (t.maxSessions != null && (!Number.isInteger(t.maxSessions) || t.maxSessions < 1 || t.maxSessions > 10_000)) {
    bad('maxSessions: 1–10,000 (players with fewer sessions than this).', 'targeting.maxSessions');
  }
  const targeting: Targeting = {
    maxSessions: t.maxSessions ?? null,
    platforms: list(t.platforms, 'platforms', PLATFORM, (s) => s.toLowerCase(), 'A platform is 1–32 characters from a–z 0–9 _ -, e.g. ios.'),
    countries: list(t.countries, 'countries', COUNTRY, (s) => s.toUpperCase(), 'A country is an ISO 3166-1 alpha-2 code, e.g. ES.'),
    minLevel: level(t.minLevel, 'minLevel'),
    maxLevel: level(t.maxLevel, 'maxLevel'),
  };
  if (targeting.minLevel != null && targeting.maxLevel != null && targeting.minLevel > targeting.maxLevel) {
    bad('minLevel must not be above maxLevel.', 'targeting.maxLevel');
  }
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) bad('endsAt must be later than startsAt.', 'endsAt');
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_DURATION_MS) bad('An experiment lasts at most 366 days.', 'endsAt');
  return { ...input, targeting };
}

/** What assignment depends on: changing any of it would move players between variants or skew results. */
const assignmentShape = (d: ExperimentDefinition) => sortedJson([d.variants.map((v) => [v.key, v.weight]), d.targeting, d.startsAt.getTime(), d.goals]);

/**
 * Whether `next` may replace `current`: anything may change until the first exposure; after it,
 * only the description, status, end and feature flags (variants, weights, targeting, start and goals
 * would move players between variants or change what was measured). A COMPLETED experiment is final.
 */
export function assertRedefinable(current: ExperimentDefinition, next: ExperimentDefinition, hasExposures: boolean): void {
  if (current.status === 'COMPLETED' && !sameDefinition(current, next)) {
    throw new ConflictError(`Experiment ${current.key} is COMPLETED and can no longer change.`, 'key');
  }
  if (hasExposures && assignmentShape(current) !== assignmentShape(next)) {
    throw new ConflictError(
      `Experiment ${current.key} already has exposures: its variants, weights, targeting, start and goals can no longer change (define a new key).`,
      'variants',
    );
  }
}

export const sameDefinition = (a: ExperimentDefinition, b: ExperimentDefinition): boolean => canonical(a) === canonical(b);

/** JSON with every object's keys sorted (stored JSON comes back in the database's key order). */
const sortedJson = (value: unknown): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : Array.isArray(value)
      ? `[${value.map(sortedJson).join(',')}]`
      : JSON.stringify(value ?? null);

// Only the definition's own fields: a stored row also carries createdAt and updatedAt, and an absent
// targeting condition is the same as a null one.
const canonical = (d: ExperimentDefinition) =>
  sortedJson({
    key: d.key,
    description: d.description,
    status: d.status,
    variants: d.variants.map((v) => ({ key: v.key, weight: v.weight, featureFlags: v.featureFlags ?? {} })),
    goals: d.goals,
    targeting: {
      maxSessions: d.targeting.maxSessions ?? null,
      platforms: d.targeting.platforms ?? null,
      countries: d.targeting.countries ?? null,
      minLevel: d.targeting.minLevel ?? null,
      maxLevel: d.targeting.maxLevel ?? null,
    },
    startsAt: d.startsAt.getTime(),
    endsAt: d.endsAt.getTime(),
  });

/**
 * The player's position in [0, 1) for this experiment: the first 52 bits of SHA-256 of
 * "<experiment key>:<player id>" (lower-cased id). A pure function, so the answer is the same on
 * every replica and after every restart, and independent between experiments.
 */
export function bucketOf(experimentKey: string, userId: string): number {
  const digest = createHash('sha256').update(`${experimentKey}:${userId.toLowerCase()}`).digest();
  // 52 bits: exact in a double.
  return (digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4)) / 2 ** 52;
}

/** The variant the player's bucket falls in: variants take consecutive slices of [0, 1) by weight, in order. */
export function assignVariant(variants: readonly Variant[], bucket: number): Variant {
  let edge = 0;
  for (const v of variants) {
    edge += v.weight / 100;
    if (bucket < edge) return v;
  }
  // Weights add up to 100, but their float sum may fall a hair under 1.
  return [...variants].reverse().find((v) => v.weight > 0)!;
}

export const matchesTargeting = (t: Targeting, p: PlayerProfile): boolean =>
  (t.maxSessions == null || p.sessions < t.maxSessions) &&
  (t.platforms == null || (p.platform !== null && t.platforms.includes(p.platform.toLowerCase()))) &&
  (t.countries == null || (p.country !== null && t.countries.includes(p.country.toUpperCase()))) &&
  (t.minLevel == null || p.level >= t.minLevel) &&
  (t.maxLevel == null || p.level <= t.maxLevel);

/** Whether the experiment takes players at `now`: RUNNING and startsAt ≤ now < endsAt. */
export const isLive = (d: ExperimentDefinition, now: number): boolean =>
  d.status === 'RUNNING' && d.startsAt.getTime() <= now && now < d.endsAt.getTime();

/** Why a player gets a variant or not (the SDL's ExperimentAssignmentReason). */
export type AssignmentReason = 'ASSIGNED' | 'NOT_RUNNING' | 'NOT_TARGETED';

export type Assignment = { reason: 'ASSIGNED'; variant: Variant } | { reason: 'NOT_RUNNING' | 'NOT_TARGETED'; variant: null };

/** The targeting needs the player's profile (sessions, platform, country, level). */
export const needsProfile = (t: Targeting): boolean =>
  t.maxSessions != null || t.platforms != null || t.countries != null || t.minLevel != null || t.maxLevel != null;

/** A player's assignment at `now`; outside the dates, paused or not targeted: no variant. */
export function evaluate(d: ExperimentDefinition, userId: string, profile: PlayerProfile | null, now: number): Assignment {
  if (!isLive(d, now)) return { reason: 'NOT_RUNNING', variant: null };
  if (needsProfile(d.targeting) && !matchesTargeting(d.targeting, profile ?? NEW_PLAYER)) return { reason: 'NOT_TARGETED', variant: null };
  return { reason: 'ASSIGNED', variant: assignVariant(d.variants, bucketOf(d.key, userId)) };
}

/** A player analytics has not seen yet: no sessions, no platform or country, level 1. */
export const NEW_PLAYER: PlayerProfile = { sessions: 0, platform: null, country: null, level: 1 };

// Statistics. The normal distribution's CDF and quantile come from @stdlib (docs/decisions.md).

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for a proportion (successes of n) at `confidence` (two-sided):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Null when n is 0.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval | null {
  if (n <= 0) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // At 0 or n successes the bound is exactly 0 or 1 (floating point leaves a trace of it).
  return {
    low: successes === 0 ? 0 : Math.max(0, (centre - margin) / denominator),
    high: successes === n ? 1 : Math.min(1, (centre + margin) / denominator),
  };
}

export interface ZTest {
  /** (p₂ − p₁) ÷ √(p̄(1−p̄)(1/n₁ + 1/n₂)), p̄ the pooled rate. */
  z: number;
  /** Two-sided: 2 × (1 − Φ(|z|)). */
  pValue: number;
}

/**
 * The pooled two-proportion z-test of variant (c₂ of n₂) against control (c₁ of n₁), two-sided.
 * Null when either group is empty or the pooled rate is 0 or 1 (no variance: nothing to test).
 */
export function twoProportionZTest(c1: number, n1: number, c2: number, n2: number): ZTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (c1 + c2) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return null;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (c2 / n2 - c1 / n1) / se;
  return { z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z), 0, 1))) };
}

export const SIGNIFICANCE_LEVEL = 0.05;

export interface VariantCounts {
  variant: string;
  exposures: number;
  conversions: number;
}

export interface VariantResult extends VariantCounts {
  isControl: boolean;
  conversionRate: number | null;
  confidenceInterval: Interval | null;
  /** Against the control; null for the control itself and when the test is undefined. */
  upliftVsControl: number | null;
  zScore: number | null;
  pValue: number | null;
  significant: boolean;
}

/** Per variant (in the definition's order): rate, 95% Wilson interval, and the z-test against the control. */
export function experimentResults(variantKeys: readonly string[], counts: readonly VariantCounts[]): VariantResult[] {
  const byKey = new Map(counts.map((c) => [c.variant, c]));
  const rows = variantKeys.map((variant) => byKey.get(variant) ?? { variant, exposures: 0, conversions: 0 });
  const control = rows[0]!;
  return rows.map((row, i) => {
    const rate = row.exposures > 0 ? row.conversions / row.exposures : null;
    const test = i === 0 ? null : twoProportionZTest(control.conversions, control.exposures, row.conversions, row.exposures);
    const controlRate = control.exposures > 0 ? control.conversions / control.exposures : null;
    return {
      ...row,
      isControl: i === 0,
      conversionRate: rate,
      confidenceInterval: wilsonInterval(row.conversions, row.exposures),
      upliftVsControl: i === 0 || rate === null || controlRate === null ? null : rate - controlRate,
      zScore: test?.z ?? null,
      pValue: test?.pValue ?? null,
      significant: test !== null && test.pValue < SIGNIFICANCE_LEVEL,
    };
  });
}
