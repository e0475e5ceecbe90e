import { z } from 'zod';

/**
 * Achievement rules as data, and their incremental evaluators.
 *
 * A rule's progress is a small JSON state folded one event at a time: `applyEvent` never needs the
 * player's history, so evaluating an event costs the same for a new player and for a veteran.
 * Everything here is pure; the player's timezone comes in as an argument.
 *
 * Calendar days ("local days") are the player's: `2026-03-02T07:30:00Z` is 2026-03-01 in
 * America/Los_Angeles. Streaks, fixed windows and rolling windows all count in local days.
 */

export const eventTypeSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE event type');

// `level` or `loot.rarity` (a dot reaches into nested data).
const fieldPath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'must be a data field name such as `level` or `loot.rarity`');
const whole = z.number().int().positive();
const localDate = z.iso.date({ error: 'must be a date such as 2026-12-20' });

const fixedWindow = z.strictObject({ kind: z.literal('fixed'), from: localDate, to: localDate });
// Capped so a rolling state (one bucket per day) stays small.
const rollingWindow = z.strictObject({ kind: z.literal('rolling'), days: z.number().int().min(1).max(366) });
const anyWindow = z.discriminatedUnion('kind', [fixedWindow, rollingWindow]);

const common = {
  /** The event type that makes progress. */
  event: eventTypeSchema,
  /** Only events whose data fields equal these values count, e.g. `{ "mode": "pvp" }`. */
  filter: z.record(fieldPath, z.union([z.string(), z.number(), z.boolean()])).optional(),
};

export const ruleSchema = z
  .discriminatedUnion('type', [
    /** Matching events, e.g. 100 COMBAT_WON. */
    z.strictObject({ type: z.literal('count'), ...common, target: whole, window: anyWindow.optional() }),
    /** The sum of a numeric data field over matching events, e.g. 10,000 gold contributed. */
    z.strictObject({ type: z.literal('sum'), ...common, field: fieldPath, target: z.number().positive(), window: anyWindow.optional() }),
    /** Distinct values of a data field, e.g. quests in 5 different regions. */
    z.strictObject({ type: z.literal('distinct'), ...common, field: fieldPath, target: whole, window: anyWindow.optional() }),
    /** Consecutive local days with at least one matching event; a missed day starts over. */
    z.strictObject({
      type: z.literal('streak'),
      ...common,
      // The state keeps up to `target` days.
      target: whole.max(366),
      window: fixedWindow.optional(),
    }),
    /** Matching events with none of `breaksOn` in between, e.g. 1000 COMBAT_WON without a COMBAT_LOST. */
    z.strictObject({
      type: z.literal('run'),
      ...common,
      breaksOn: z.array(eventTypeSchema).min(1),
      target: whole,
      window: fixedWindow.optional(),
    }),
    /** A data field reaching `target` in a single event, e.g. LEVEL_UP with level ≥ 10. */
    z.strictObject({ type: z.literal('threshold'), ...common, field: fieldPath, target: z.number().positive(), window: anyWindow.optional() }),
  ])
  .superRefine((rule, ctx) => {
    if (rule.window?.kind === 'fixed' && rule.window.from > rule.window.to) {
      ctx.addIssue({ code: 'custom', path: ['window', 'to'], message: 'must not be before `from`' });
    }
    if (rule.type === 'run' && rule.breaksOn.includes(rule.event)) {
      ctx.addIssue({ code: 'custom', path: ['breaksOn'], message: `cannot include the rule's own event "${rule.event}"` });
    }
  });

export type Rule = z.infer<typeof ruleSchema>;
export type RuleWindow = z.infer<typeof anyWindow>;

/** Per local day (YYYY-MM-DD), oldest first: the day's total (count, sum) or best value (threshold). */
export type DayBuckets = [day: string, value: number][];

/**
 * The progress of one rule for one player: plain JSON, safe to store and reload. `done` latches:
 * once a rule completes, later events change nothing (an unlock is forever, even if a run breaks
 * or a rolling window empties afterwards).
 */
export type RuleState = TotalState | DistinctState | StreakState | RunState | ThresholdState;
/** count and sum: the running total. With a rolling window, `buckets` holds at most `days` days and `total` is their sum. */
export interface TotalState { kind: 'count' | 'sum'; total: number; buckets?: DayBuckets; done: boolean }
/** distinct: each value seen (as a string) → the last local day it was seen; at most `target` entries before completion. */
export interface DistinctState { kind: 'distinct'; seen: Record<string, string>; newestDay: string | null; done: boolean }
/** streak: the local days played, ascending, only those within `target` days of the newest. */
export interface StreakState { kind: 'streak'; days: string[]; done: boolean }
/** run: matching events since the latest break; `since` is that break's instant (ISO), null before any. */
export interface RunState { kind: 'run'; length: number; since: string | null; done: boolean }
/** threshold: the highest value seen (null before any). With a rolling window, per-day bests in `buckets` and `best` is their max. */
export interface ThresholdState { kind: 'threshold'; best: number | null; buckets?: DayBuckets; done: boolean }

export interface GameEvent {
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export interface RuleContext {
  /** The player's IANA timezone, e.g. `America/Los_Angeles`. */
  timezone: string;
  /** The event's calendar day in that timezone, when the caller computed it once for all the rules it applies. */
  day?: string;
}

export interface RuleProgress {
  state: RuleState;
  /** Progress towards `target`, between 0 and `target`. */
  current: number;
  target: number;
  completed: boolean;
}

/** A stored state does not belong to this rule (the rule's type changed): rebuild its progress from the event log. */
export class RuleStateMismatchError extends Error {
  constructor(
    readonly ruleType: Rule['type'],
    readonly stateKind: unknown,
  ) {
    super(`A "${String(stateKind)}" progress state cannot be used with a "${ruleType}" rule`);
    this.name = 'RuleStateMismatchError';
  }
}

export function initialState(rule: Rule): RuleState {
  const rolling = rule.window?.kind === 'rolling';
  switch (rule.type) {
    case 'count':
    case 'sum':
      return rolling ? { kind: rule.type, total: 0, buckets: [], done: false } : { kind: rule.type, total: 0, done: false };
    case 'distinct':
      return { kind: 'distinct', seen: {}, newestDay: null, done: false };
    case 'streak':
      return { kind: 'streak', days: [], done: false };
    case 'run':
      return { kind: 'run', length: 0, since: null, done: false };
    case 'threshold':
      return rolling ? { kind: 'threshold', best: null, buckets: [], done: false } : { kind: 'threshold', best: null, done: false };
  }
}

/** The event types that can change the rule's progress: index rules by these. */
export function ruleEventTypes(rule: Rule): string[] {
  return rule.type === 'run' ? [rule.event, ...rule.breaksOn] : [rule.event];
}

/**
 * Folds one event into the state; returns the new state and the progress it means. Never mutates
 * `state`. Events that do not concern the rule return the state unchanged.
 *
 * Events may arrive out of order (occurredAt not monotonic):
 * - count, sum, distinct, threshold: order does not matter. With a rolling window the window ends
 *   on the newest local day applied so far; a late event still inside it counts, an older one is dropped.
 * - streak: a late day within `target` days of the newest applied day still fills its gap (a session
 *   at 23:59 that arrives after the next day's one keeps the streak); older days are ignored.
 * - run: a matching event before the latest applied break is ignored (it happened before the
 *   run began), and so is a break older than that one. A newer break always resets, even when it
 *   arrives after matching events that happened later: lateness can shorten a run, never grant one.
 *   Events at the same instant as the break are taken in the order they are applied: a batch
 *   reported without occurredAt shares one instant, and its order is the only order there is.
 */
export function applyEvent(rule: Rule, state: RuleState, event: GameEvent, context: RuleContext): RuleProgress {
  if (state.kind !== rule.type) throw new RuleStateMismatchError(rule.type, state.kind);
  if (state.done) return progressOf(rule, state);
  const breaks = rule.type === 'run' && rule.breaksOn.includes(event.type);
  if (!breaks && !matches(rule, event)) return progressOf(rule, state);
  if (Number.isNaN(event.occurredAt.getTime())) throw new TypeError(`Event ${event.type} has an invalid occurredAt`);

  const day = context.day ?? localDay(event.occurredAt, context.timezone);
  if (rule.window?.kind === 'fixed' && (day < rule.window.from || day > rule.window.to)) return progressOf(rule, state);
  const rollingDays = rule.window?.kind === 'rolling' ? rule.window.days : null;
  const next = fold(rule, state, event, day, rollingDays, breaks);
  // Nothing changed, unless the catalog lowered the target under what the state already holds.
  if (next === state) return progressOf(rule, rawCurrent(state) >= rule.target ? { ...state, done: true } : state);
  return progressOf(rule, { ...next, done: rawCurrent(next) >= rule.target });
}

/**
 * Progress as a player sees it at `now`, without an event: a streak whose newest day is before
 * yesterday is over, and rolling windows drop days that have passed. `applyEvent`'s progress is
 * as of the newest event; use this to display stored progress later.
 */
export function progressAt(rule: Rule, state: RuleState, now: Date, context: RuleContext): RuleProgress {
  if (state.kind !== rule.type) throw new RuleStateMismatchError(rule.type, state.kind);
  if (state.done) return progressOf(rule, state);
  const today = localDay(now, context.timezone);
  if (state.kind === 'streak') {
    const newest = state.days.at(-1);
    if (newest !== undefined && newest < addDays(today, -1)) return progressOf(rule, { ...state, days: [] });
  }
  if (rule.window?.kind === 'rolling') {
    const start = addDays(today, 1 - rule.window.days);
    if ((state.kind === 'count' || state.kind === 'sum' || state.kind === 'threshold') && state.buckets) {
      return progressOf(rule, withBuckets(state, state.buckets.filter(([d]) => d >= start)));
    }
    if (state.kind === 'distinct') {
      return progressOf(rule, { ...state, seen: Object.fromEntries(Object.entries(state.seen).filter(([, d]) => d >= start)) });
    }
  }
  return progressOf(rule, state);
}

function fold(rule: Rule, state: RuleState, event: GameEvent, day: string, rollingDays: number | null, breaks: boolean): RuleState {
  switch (state.kind) {
    case 'count':
    case 'sum': {
      const amount = rule.type === 'sum' ? numberAt(event.data, rule.field) : 1;
      if (amount === undefined) return state;
      if (rollingDays === null || !state.buckets) return { ...state, total: state.total + amount };
      const buckets = addToBuckets(state.buckets, day, amount, rollingDays, (a, b) => a + b);
      return buckets ? withBuckets(state, buckets) : state;
    }
    case 'threshold': {
      const value = numberAt(event.data, (rule as Extract<Rule, { type: 'threshold' }>).field);
      if (value === undefined) return state;
      if (rollingDays === null || !state.buckets) {
        // Not a new best: nothing changed, and returning the same state writes nothing.
        if (state.best !== null && value <= state.best) return state;
        return { ...state, best: value };
      }
      const buckets = addToBuckets(state.buckets, day, value, rollingDays, Math.max);
      return buckets ? withBuckets(state, buckets) : state;
    }
    case 'distinct': {
      const raw = valueAt(event.data, (rule as Extract<Rule, { type: 'distinct' }>).field);
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return state;
      const key = String(raw);
      const newestDay = state.newestDay === null || day > state.newestDay ? day : state.newestDay;
      const start = rollingDays === null ? null : addDays(newestDay, 1 - rollingDays);
      if (start !== null && day < start) return state;
      const previous = state.seen[key];
      // Without a window only which values were seen counts, not when: a value seen before
      // changes nothing (no copy of the map, no progress row to write).
      if (rollingDays === null && previous !== undefined) return state;
      const seen: Record<string, string> = {};
      for (const [value, lastDay] of Object.entries(state.seen)) if (start === null || lastDay >= start) seen[value] = lastDay;
      seen[key] = previous !== undefined && previous > day ? previous : day;
      return { ...state, seen, newestDay };
    }
    case 'streak': {
      const newest = state.days.length && state.days.at(-1)! > day ? state.days.at(-1)! : day;
      const start = addDays(newest, 1 - rule.target);
      if (day < start || state.days.includes(day)) return state;
      return { ...state, days: [...state.days, day].filter((d) => d >= start).sort() };
    }
    case 'run': {
      const at = event.occurredAt.toISOString();
      if (state.since !== null && at < state.since) return state;
      return breaks ? { ...state, length: 0, since: at } : { ...state, length: state.length + 1 };
    }
  }
}

/** The rule's measure before clamping: what `target` is compared with. */
function rawCurrent(state: RuleState): number {
  switch (state.kind) {
    case 'count':
    case 'sum':
      return state.total;
    case 'threshold':
      return state.best ?? 0;
    case 'distinct':
      return Object.keys(state.seen).length;
    case 'streak':
      return streakEndingOn(state.days);
    case 'run':
      return state.length;
  }
}

function progressOf(rule: Rule, state: RuleState): RuleProgress {
  const current = state.done ? rule.target : Math.min(Math.max(rawCurrent(state), 0), rule.target);
  return { state, current, target: rule.target, completed: state.done };
}

/** Consecutive days ending on the newest one. */
function streakEndingOn(days: readonly string[]): number {
  let length = days.length ? 1 : 0;
  for (let i = days.length - 1; i > 0 && addDays(days[i - 1]!, 1) === days[i]; i--) length++;
  return length;
}

function withBuckets<S extends TotalState | ThresholdState>(state: S, buckets: DayBuckets): S {
  if (state.kind === 'threshold') return { ...state, buckets, best: buckets.length ? Math.max(...buckets.map(([, v]) => v)) : null };
  return { ...state, buckets, total: buckets.reduce((sum, [, v]) => sum + v, 0) };
}

/** Adds `value` to `day`'s bucket, keeping only the `days` days ending on the newest; null when `day` is already out of the window. */
function addToBuckets(buckets: DayBuckets, day: string, value: number, days: number, combine: (a: number, b: number) => number): DayBuckets | null {
  const newest = buckets.length && buckets.at(-1)![0] > day ? buckets.at(-1)![0] : day;
  const start = addDays(newest, 1 - days);
  if (day < start) return null;
  const kept = buckets.filter(([d]) => d >= start && d !== day);
  const existing = buckets.find(([d]) => d === day);
  kept.push([day, existing ? combine(existing[1], value) : value]);
  return kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function matches(rule: Rule, event: GameEvent): boolean {
  if (event.type !== rule.event) return false;
  if (!rule.filter) return true;
  return Object.entries(rule.filter).every(([path, expected]) => valueAt(event.data, path) === expected);
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function numberAt(data: Record<string, unknown>, path: string): number | undefined {
  const value = valueAt(data, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Days by timezone and UTC minute: a day starts on a whole minute in every timezone. */
const days = new Map<string, string>();
const MINUTE_MS = 60_000;

/** The calendar day (YYYY-MM-DD) `at` falls on in `timezone`; throws RangeError for an unknown timezone. */
export function localDay(at: Date, timezone: string): string {
  if (timezone === 'UTC') return at.toISOString().slice(0, 10);
  // formatToParts costs ≈ 2 µs and allocates; a batch's events mostly share a few minutes.
  const key = `${timezone} ${Math.floor(at.getTime() / MINUTE_MS)}`;
  let day = days.get(key);
  if (day === undefined) {
    day = formatDay(at, timezone);
    if (days.size >= 10_000) days.clear();
    days.set(key, day);
  }
  return day;
}

function formatDay(at: Date, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timezone, format);
  }
  const parts: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(at)) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `timezone` when it is a timezone this runtime knows, UTC otherwise (an unknown one would make every local day fail). */
export function validTimezone(timezone: string | null | undefined): string {
  if (!timezone) return 'UTC';
  try {
    localDay(new Date(0), timezone);
    return timezone;
  } catch {
    return 'UTC';
  }
}
