import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  initialState,
  localDay,
  progressAt,
  ruleEventTypes,
  ruleSchema,
  RuleStateMismatchError,
  validTimezone,
  type GameEvent,
  type Rule,
  type RuleState,
} from './rules.js';

const UTC = { timezone: 'UTC' };
const LA = { timezone: 'America/Los_Angeles' };

const rule = (input: unknown): Rule => ruleSchema.parse(input);
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): GameEvent => ({ type, data, occurredAt: new Date(occurredAt) });

/** Folds the events from a fresh state; returns the last progress. */
function fold(r: Rule, events: GameEvent[], context = UTC) {
  let progress = { state: initialState(r), current: 0, target: r.target, completed: false };
  for (const e of events) progress = applyEvent(r, progress.state, e, context);
  return progress;
}

/** A session on each of the given UTC days, at noon. */
const sessionsOn = (...days: string[]) => days.map((d) => event('SESSION_COMPLETED', `${d}T12:00:00Z`));

describe('ruleSchema', () => {
  it.each([
    ['a count', { type: 'count', event: 'COMBAT_WON', target: 100 }],
    ['a filtered count', { type: 'count', event: 'COMBAT_WON', filter: { mode: 'pvp', boss: true }, target: 1 }],
    ['a sum in a rolling window', { type: 'sum', event: 'GUILD_CONTRIBUTION', field: 'amount', target: 1000, window: { kind: 'rolling', days: 7 } }],
    ['a distinct on a nested field', { type: 'distinct', event: 'QUEST_COMPLETED', field: 'place.region', target: 5 }],
    ['a streak in a fixed window', { type: 'streak', event: 'SESSION_COMPLETED', target: 5, window: { kind: 'fixed', from: '2026-12-18', to: '2027-01-06' } }],
    ['a run', { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 1000 }],
    ['a threshold', { type: 'threshold', event: 'LEVEL_UP', field: 'level', target: 10 }],
  ])('accepts %s', (_case, input) => {
    expect(ruleSchema.parse(input)).toEqual(input);
  });

  it.each([
    ['an unknown type', { type: 'consecutive', event: 'COMBAT_WON', target: 1 }, 'type'],
    ['a missing event', { type: 'count', target: 1 }, 'event'],
    ['a lower-case event', { type: 'count', event: 'combat_won', target: 1 }, 'event'],
    ['a zero target', { type: 'count', event: 'COMBAT_WON', target: 0 }, 'target'],
    ['a fractional count target', { type: 'count', event: 'COMBAT_WON', target: 1.5 }, 'target'],
    ['a sum without a field', { type: 'sum', event: 'GUILD_CONTRIBUTION', target: 10 }, 'field'],
    ['an unknown field on a count', { type: 'count', event: 'COMBAT_WON', target: 1, field: 'x' }, ''],
    ['a filter on an object value', { type: 'count', event: 'COMBAT_WON', target: 1, filter: { loot: { rare: true } } }, 'filter.loot'],
    ['a run without breaksOn', { type: 'run', event: 'COMBAT_WON', target: 10 }, 'breaksOn'],
    ['a run broken by its own event', { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_WON'], target: 10 }, 'breaksOn'],
    ['a streak in a rolling window', { type: 'streak', event: 'SESSION_COMPLETED', target: 7, window: { kind: 'rolling', days: 30 } }, 'window.kind'],
    ['a fixed window ending before it starts', { type: 'count', event: 'COMBAT_WON', target: 1, window: { kind: 'fixed', from: '2026-03-08', to: '2026-03-01' } }, 'window.to'],
    ['a fixed window with a bad date', { type: 'count', event: 'COMBAT_WON', target: 1, window: { kind: 'fixed', from: '2026-02-30', to: '2026-03-01' } }, 'window.from'],
    ['a rolling window of a thousand days', { type: 'count', event: 'COMBAT_WON', target: 1, window: { kind: 'rolling', days: 1000 } }, 'window.days'],
  ])('rejects %s', (_case, input, path) => {
    const result = ruleSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('ruleEventTypes', () => {
  it('lists the event that counts and, for a run, the events that break it', () => {
    expect(ruleEventTypes(rule({ type: 'count', event: 'COMBAT_WON', target: 1 }))).toEqual(['COMBAT_WON']);
    expect(ruleEventTypes(rule({ type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 1000 }))).toEqual(['COMBAT_WON', 'COMBAT_LOST']);
  });
});

describe('localDay', () => {
  it.each([
    ['2026-03-01T10:00:00Z', 'UTC', '2026-03-01'], // a Sunday
    ['2026-03-02T07:30:00Z', 'America/Los_Angeles', '2026-03-01'], // 23:30 on Sunday in LA (PST, UTC-8)
    ['2026-03-08T10:30:00Z', 'America/Los_Angeles', '2026-03-08'], // the morning DST starts (PDT, UTC-7)
    ['2026-03-01T15:30:00Z', 'Pacific/Kiritimati', '2026-03-02'], // UTC+14: already Monday
    ['2026-03-01T18:29:59.999Z', 'Asia/Kolkata', '2026-03-01'], // UTC+5:30: the last millisecond of Sunday…
    ['2026-03-01T18:30:00Z', 'Asia/Kolkata', '2026-03-02'], // …and the first of Monday, one minute apart in the cache
  ])('%s in %s is %s', (at, timezone, day) => {
    expect(localDay(new Date(at), timezone)).toBe(day);
    expect(localDay(new Date(at), timezone)).toBe(day); // the second answer comes from the cache
  });

  it('throws for an unknown timezone every time, cached or not', () => {
    expect(() => localDay(new Date(), 'Not/AZone')).toThrow(RangeError);
    expect(() => localDay(new Date(), 'Not/AZone')).toThrow(RangeError);
  });
});

describe('a precomputed day in the context', () => {
  it('is the day the rule uses, as localDay would have computed it', () => {
    const r = rule({ type: 'count', event: 'COMBAT_WON', target: 1, window: { kind: 'fixed', from: '2026-03-01', to: '2026-03-01' } });
    // 2026-03-02T05:00Z is still March 1st in Los Angeles.
    const late = event('COMBAT_WON', '2026-03-02T05:00:00Z');
    expect(applyEvent(r, initialState(r), late, { ...LA, day: localDay(late.occurredAt, LA.timezone) }).completed).toBe(true);
    expect(applyEvent(r, initialState(r), late, LA).completed).toBe(true);
    expect(applyEvent(r, initialState(r), late, UTC).completed).toBe(false);
  });
});

describe('validTimezone', () => {
  it.each([
    ['Europe/Madrid', 'Europe/Madrid'],
    ['Not/AZone', 'UTC'],
    ['', 'UTC'],
    [undefined, 'UTC'],
  ])('%s → %s', (timezone, expected) => {
    expect(validTimezone(timezone)).toBe(expected);
  });
});

describe('count', () => {
  const firstBlood = rule({ type: 'count', event: 'COMBAT_WON', target: 1 });
  const duelist = rule({ type: 'count', event: 'COMBAT_WON', filter: { mode: 'pvp' }, target: 3 });

  it('completes first_blood on the first win and ignores other events', () => {
    expect(fold(firstBlood, [event('COMBAT_LOST', '2026-03-01T10:00:00Z')])).toMatchObject({ current: 0, completed: false });
    expect(fold(firstBlood, [event('COMBAT_WON', '2026-03-01T10:05:00Z')])).toMatchObject({ current: 1, target: 1, completed: true });
  });

  it('counts only events whose data matches the filter', () => {
    const progress = fold(duelist, [
      event('COMBAT_WON', '2026-03-01T10:00:00Z', { mode: 'pvp' }),
      event('COMBAT_WON', '2026-03-01T10:10:00Z', { mode: 'pve' }),
      event('COMBAT_WON', '2026-03-01T10:20:00Z', {}),
      event('COMBAT_WON', '2026-03-01T10:30:00Z', { mode: 'pvp' }),
    ]);
    expect(progress).toMatchObject({ current: 2, target: 3, completed: false });
  });

  it('matches a filter on nested data and on booleans', () => {
    const flawlessBoss = rule({ type: 'count', event: 'COMBAT_WON', filter: { 'enemy.boss': true, flawless: true }, target: 1 });
    expect(fold(flawlessBoss, [event('COMBAT_WON', '2026-03-01T10:00:00Z', { enemy: { boss: true }, flawless: 'true' })]).completed).toBe(false);
    expect(fold(flawlessBoss, [event('COMBAT_WON', '2026-03-01T10:00:00Z', { enemy: { boss: true }, flawless: true })]).completed).toBe(true);
  });

  it('never mutates the state it is given', () => {
    const state = initialState(duelist);
    const frozen = JSON.stringify(state);
    applyEvent(duelist, state, event('COMBAT_WON', '2026-03-01T10:00:00Z', { mode: 'pvp' }), UTC);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});

describe('sum', () => {
  const generous = rule({ type: 'sum', event: 'GUILD_CONTRIBUTION', field: 'amount', target: 1000 });

  it('adds up a numeric field, skipping events where it is missing or not a number', () => {
    const progress = fold(generous, [
      event('GUILD_CONTRIBUTION', '2026-03-01T10:00:00Z', { amount: 400 }),
      event('GUILD_CONTRIBUTION', '2026-03-01T11:00:00Z', { amount: '500' }),
      event('GUILD_CONTRIBUTION', '2026-03-01T12:00:00Z', {}),
      event('GUILD_CONTRIBUTION', '2026-03-01T13:00:00Z', { amount: 350 }),
    ]);
    expect(progress).toMatchObject({ current: 750, completed: false });
  });

  it('reports at most the target once the sum passes it', () => {
    const progress = fold(generous, [
      event('GUILD_CONTRIBUTION', '2026-03-01T10:00:00Z', { amount: 900 }),
      event('GUILD_CONTRIBUTION', '2026-03-01T11:00:00Z', { amount: 250 }),
    ]);
    expect(progress).toMatchObject({ current: 1000, target: 1000, completed: true });
  });
});

describe('distinct', () => {
  const wanderer = rule({ type: 'distinct', event: 'QUEST_COMPLETED', field: 'region', target: 3 });

  it('counts each value once', () => {
    const quests = ['meadow', 'meadow', 'swamp', 'meadow', 'peaks'].map((region, i) =>
      event('QUEST_COMPLETED', `2026-03-0${i + 1}T10:00:00Z`, { region }),
    );
    expect(fold(wanderer, quests.slice(0, 4))).toMatchObject({ current: 2, completed: false });
    expect(fold(wanderer, quests)).toMatchObject({ current: 3, completed: true });
  });

  it('returns the same state for a value seen before (no window): nothing to write', () => {
    const first = fold(wanderer, [event('QUEST_COMPLETED', '2026-03-01T10:00:00Z', { region: 'meadow' })]);
    const again = applyEvent(wanderer, first.state, event('QUEST_COMPLETED', '2026-03-05T10:00:00Z', { region: 'meadow' }), UTC);
    expect(again.state).toBe(first.state);
    expect(applyEvent(wanderer, first.state, event('QUEST_COMPLETED', '2026-03-05T10:00:00Z', { region: 'swamp' }), UTC).state).not.toBe(first.state);
  });

  it('ignores events without a scalar value in the field', () => {
    const progress = fold(wanderer, [
      event('QUEST_COMPLETED', '2026-03-01T10:00:00Z', {}),
      event('QUEST_COMPLETED', '2026-03-01T11:00:00Z', { region: { name: 'meadow' } }),
      event('QUEST_COMPLETED', '2026-03-01T12:00:00Z', { region: null }),
    ]);
    expect(progress.current).toBe(0);
  });
});

describe('threshold', () => {
  const risingStar = rule({ type: 'threshold', event: 'LEVEL_UP', field: 'level', target: 10 });

  it.each([
    ['below the target', [4, 9], 9, false],
    ['exactly the target', [9, 10], 10, true],
    ['past the target in one jump', [7, 12], 10, true],
    ['out of order: the best value stays', [9, 5], 9, false],
  ])('level ups %s', (_case, levels, current, completed) => {
    const progress = fold(
      risingStar,
      levels.map((level, i) => event('LEVEL_UP', `2026-03-01T1${i}:00:00Z`, { level })),
    );
    expect(progress).toMatchObject({ current, completed });
  });

  it('returns the same state when a value is no new best (no window): nothing to write', () => {
    const best = fold(risingStar, [event('LEVEL_UP', '2026-03-01T10:00:00Z', { level: 7 })]);
    for (const level of [3, 7]) expect(applyEvent(risingStar, best.state, event('LEVEL_UP', '2026-03-02T10:00:00Z', { level }), UTC).state).toBe(best.state);
    expect(applyEvent(risingStar, best.state, event('LEVEL_UP', '2026-03-02T10:00:00Z', { level: 8 }), UTC)).toMatchObject({ current: 8 });
  });
});

describe('streak', () => {
  const weekWarrior = rule({ type: 'streak', event: 'SESSION_COMPLETED', target: 7 });
  const threeDays = rule({ type: 'streak', event: 'SESSION_COMPLETED', target: 3 });

  it('completes week_warrior after 7 consecutive days', () => {
    // Sunday 2026-03-01 to Saturday 2026-03-07, twice on the Wednesday.
    const week = sessionsOn('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07');
    expect(fold(weekWarrior, week.slice(0, -1))).toMatchObject({ current: 6, completed: false });
    expect(fold(weekWarrior, week)).toMatchObject({ current: 7, target: 7, completed: true });
  });

  it('starts over after a missed day', () => {
    // Sun, Mon, Tue, (Wednesday missed), Thu, Fri
    const progress = fold(weekWarrior, sessionsOn('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06'));
    expect(progress).toMatchObject({ current: 2, completed: false });
  });

  it("counts the player's local days: 23:30 in Los Angeles on two evenings is two days in a row", () => {
    const evenings = [
      event('SESSION_COMPLETED', '2026-03-02T07:30:00Z'), // Sunday 23:30 in LA, Monday in UTC
      event('SESSION_COMPLETED', '2026-03-03T07:30:00Z'), // Monday 23:30 in LA
    ];
    expect(fold(threeDays, evenings, LA).current).toBe(2);
    expect(fold(threeDays, evenings, UTC).current).toBe(2);

    // 00:30 and 23:30 on the same LA day (a Monday) are one day there, but two in UTC.
    const sameLocalDay = [event('SESSION_COMPLETED', '2026-03-02T08:30:00Z'), event('SESSION_COMPLETED', '2026-03-03T07:30:00Z')];
    expect(fold(threeDays, sameLocalDay, LA).current).toBe(1);
    expect(fold(threeDays, sameLocalDay, UTC).current).toBe(2);
  });

  it('keeps a streak across the night daylight saving time starts', () => {
    const evenings = [
      event('SESSION_COMPLETED', '2026-03-08T07:30:00Z'), // Saturday 23:30 PST
      event('SESSION_COMPLETED', '2026-03-09T06:30:00Z'), // Sunday 23:30 PDT (clocks went forward)
      event('SESSION_COMPLETED', '2026-03-10T06:30:00Z'), // Monday 23:30 PDT
    ];
    expect(fold(threeDays, evenings, LA)).toMatchObject({ current: 3, completed: true });
  });

  it('lets a late session fill its day when it is within target days of the newest', () => {
    // Mon, Wed arrive, then Tuesday's session (played 23:59, delivered late).
    const progress = fold(threeDays, [
      event('SESSION_COMPLETED', '2026-03-02T12:00:00Z'),
      event('SESSION_COMPLETED', '2026-03-04T12:00:00Z'),
      event('SESSION_COMPLETED', '2026-03-03T23:59:00Z'),
    ]);
    expect(progress).toMatchObject({ current: 3, completed: true });
  });

  it('ignores a session more than target days older than the newest applied day', () => {
    // Mon 2, Tue 3, then Sat 7, then Wed 4 arrives: Wed is outside Thu 5..Sat 7, so it cannot help.
    const progress = fold(threeDays, [...sessionsOn('2026-03-02', '2026-03-03', '2026-03-07', '2026-03-04')]);
    expect(progress.current).toBe(1);
    expect(progress.state).toEqual({ kind: 'streak', days: ['2026-03-07'], done: false });
  });

  it('keeps at most target days in the state', () => {
    const progress = fold(threeDays, sessionsOn('2026-03-01', '2026-03-02', '2026-03-10', '2026-03-11')); // Sun, Mon, then Tue and Wed a week later
    expect(progress.state).toEqual({ kind: 'streak', days: ['2026-03-10', '2026-03-11'], done: false });
  });

  it('shows a streak as broken once the player has missed a whole day', () => {
    const progress = fold(weekWarrior, sessionsOn('2026-03-01', '2026-03-02', '2026-03-03')); // Sun to Tue
    expect(progressAt(weekWarrior, progress.state, new Date('2026-03-04T20:00:00Z'), UTC).current).toBe(3); // Wed: still alive
    expect(progressAt(weekWarrior, progress.state, new Date('2026-03-05T01:00:00Z'), LA).current).toBe(3); // Wed evening in LA
    expect(progressAt(weekWarrior, progress.state, new Date('2026-03-05T01:00:00Z'), UTC).current).toBe(0); // Thu in UTC: Wed missed
  });
});

describe('run', () => {
  const legendaryWarrior = rule({ type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 1000 });
  const onARoll = rule({ type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 3 });
  const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00Z`;

  it('completes legendary_warrior after 1000 wins with no loss', () => {
    const wins = Array.from({ length: 1000 }, (_, i) => event('COMBAT_WON', new Date(Date.parse('2026-03-01T00:00:00Z') + i * 60_000).toISOString()));
    expect(fold(legendaryWarrior, wins.slice(0, 999))).toMatchObject({ current: 999, completed: false });
    expect(fold(legendaryWarrior, wins)).toMatchObject({ current: 1000, completed: true });
  });

  it('resets legendary_warrior on a COMBAT_LOST', () => {
    const progress = fold(legendaryWarrior, [
      ...Array.from({ length: 998 }, (_, i) => event('COMBAT_WON', new Date(Date.parse('2026-03-01T00:00:00Z') + i * 60_000).toISOString())),
      event('COMBAT_LOST', '2026-03-02T12:00:00Z'), // so close
      event('COMBAT_WON', '2026-03-02T12:05:00Z'),
      event('COMBAT_WON', '2026-03-02T12:10:00Z'),
    ]);
    expect(progress).toMatchObject({ current: 2, completed: false });
    expect(progress.state).toEqual({ kind: 'run', length: 2, since: '2026-03-02T12:00:00.000Z', done: false });
  });

  it('stays completed after a later loss', () => {
    const progress = fold(onARoll, [
      event('COMBAT_WON', at(1)),
      event('COMBAT_WON', at(2)),
      event('COMBAT_WON', at(3)),
      event('COMBAT_LOST', at(4)),
    ]);
    expect(progress).toMatchObject({ current: 3, completed: true });
  });

  it.each([
    // [case, events in arrival order as [type, minute], length]
    ['wins arriving out of order among themselves all count', [['COMBAT_WON', 2], ['COMBAT_WON', 1]], 2],
    ['a late win from before the latest loss is ignored', [['COMBAT_LOST', 5], ['COMBAT_WON', 6], ['COMBAT_WON', 4]], 1],
    ['a late win after the latest loss counts', [['COMBAT_LOST', 5], ['COMBAT_WON', 8], ['COMBAT_WON', 6]], 2],
    ['a loss older than the latest loss is ignored', [['COMBAT_LOST', 5], ['COMBAT_WON', 6], ['COMBAT_LOST', 3]], 1],
    ['a late loss in the middle of the run resets it: lateness never lengthens a run', [['COMBAT_WON', 1], ['COMBAT_WON', 3], ['COMBAT_LOST', 2]], 0],
    ['a win applied after a loss at the same instant counts (one batch without occurredAt)', [['COMBAT_LOST', 5], ['COMBAT_WON', 5]], 1],
    ['wins, a loss and wins at one instant: the loss resets, the later wins count', [['COMBAT_WON', 5], ['COMBAT_WON', 5], ['COMBAT_LOST', 5], ['COMBAT_WON', 5]], 1],
    ['a second loss at the same instant resets again', [['COMBAT_LOST', 5], ['COMBAT_WON', 5], ['COMBAT_LOST', 5]], 0],
    ['a win just before the loss, arriving after it, is still ignored', [['COMBAT_LOST', 5], ['COMBAT_WON', 4]], 0],
  ] as [string, [string, number][], number][])('%s', (_case, events, length) => {
    const progress = fold(legendaryWarrior, events.map(([type, minute]) => event(type, at(minute))));
    expect(progress.current).toBe(length);
  });

  it('ignores the filter for breaking events: any loss breaks a filtered run', () => {
    const pvpRun = rule({ type: 'run', event: 'COMBAT_WON', filter: { mode: 'pvp' }, breaksOn: ['COMBAT_LOST'], target: 3 });
    const progress = fold(pvpRun, [
      event('COMBAT_WON', at(1), { mode: 'pvp' }),
      event('COMBAT_WON', at(2), { mode: 'pve' }), // does not count
      event('COMBAT_LOST', at(3), { mode: 'pve' }),
      event('COMBAT_WON', at(4), { mode: 'pvp' }),
    ]);
    expect(progress.current).toBe(1);
  });
});

describe('windows', () => {
  const winterfest = { kind: 'fixed', from: '2026-12-18', to: '2027-01-06' };

  it('a fixed window ignores events outside it, in local days, both ends included', () => {
    const reveler = rule({ type: 'count', event: 'COMBAT_WON', target: 25, window: winterfest });
    const progress = fold(
      reveler,
      [
        event('COMBAT_WON', '2026-12-18T07:59:00Z'), // 23:59 on Dec 17 in LA: too early
        event('COMBAT_WON', '2026-12-18T08:00:00Z'), // 00:00 on Dec 18 in LA: the first minute
        event('COMBAT_WON', '2026-12-25T12:00:00Z'), // Christmas
        event('COMBAT_WON', '2027-01-07T07:59:00Z'), // 23:59 on Jan 6 in LA: the last minute
        event('COMBAT_WON', '2027-01-07T08:00:00Z'), // Jan 7 in LA: over
      ],
      LA,
    );
    expect(progress.current).toBe(3);
  });

  it('a fixed window bounds a streak too', () => {
    const devotee = rule({ type: 'streak', event: 'SESSION_COMPLETED', target: 3, window: winterfest });
    expect(fold(devotee, sessionsOn('2026-12-16', '2026-12-17', '2026-12-18')).current).toBe(1);
    expect(fold(devotee, sessionsOn('2026-12-18', '2026-12-19', '2026-12-20')).completed).toBe(true);
  });

  describe('rolling', () => {
    const rampage = rule({ type: 'count', event: 'COMBAT_WON', target: 5, window: { kind: 'rolling', days: 3 } });
    const wins = (...days: string[]) => days.map((d) => event('COMBAT_WON', `${d}T12:00:00Z`));

    it('counts only the last `days` local days, ending on the newest event', () => {
      // Two wins Sun 1, one Mon 2, one Wed 4: Sunday's fell out when Wednesday came (window Mon..Wed).
      const progress = fold(rampage, wins('2026-03-01', '2026-03-01', '2026-03-02', '2026-03-04'));
      expect(progress).toMatchObject({ current: 2, completed: false });
      expect(progress.state).toEqual({ kind: 'count', total: 2, buckets: [['2026-03-02', 1], ['2026-03-04', 1]], done: false });
    });

    it('completes when enough fall inside one window', () => {
      expect(fold(rampage, wins('2026-03-01', '2026-03-02', '2026-03-02', '2026-03-03', '2026-03-03')).completed).toBe(true);
      expect(fold(rampage, wins('2026-03-01', '2026-03-01', '2026-03-02', '2026-03-04', '2026-03-04')).completed).toBe(false);
    });

    it('keeps one bucket per day, at most `days` of them', () => {
      const month = Array.from({ length: 30 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
      const progress = fold(rule({ type: 'count', event: 'COMBAT_WON', target: 1000, window: { kind: 'rolling', days: 3 } }), wins(...month, ...month.slice(-2)));
      expect(progress.state).toMatchObject({ total: 5, buckets: [['2026-03-28', 1], ['2026-03-29', 2], ['2026-03-30', 2]] });
    });

    it('takes a late event still inside the window and drops one already outside', () => {
      const progress = fold(rampage, wins('2026-03-04', '2026-03-03', '2026-03-01'));
      expect(progress.state).toMatchObject({ total: 2, buckets: [['2026-03-03', 1], ['2026-03-04', 1]] });
    });

    it('sums, keeps bests and distinct values per window', () => {
      const weeklyDonor = rule({ type: 'sum', event: 'GUILD_CONTRIBUTION', field: 'amount', target: 100, window: { kind: 'rolling', days: 2 } });
      const donations = [
        event('GUILD_CONTRIBUTION', '2026-03-01T10:00:00Z', { amount: 60 }),
        event('GUILD_CONTRIBUTION', '2026-03-02T10:00:00Z', { amount: 30 }),
        event('GUILD_CONTRIBUTION', '2026-03-03T10:00:00Z', { amount: 50 }), // the 60 fell out
      ];
      expect(fold(weeklyDonor, donations)).toMatchObject({ current: 80, completed: false });

      const dailyBest = rule({ type: 'threshold', event: 'SESSION_COMPLETED', field: 'durationMinutes', target: 240, window: { kind: 'rolling', days: 1 } });
      const sessions = [event('SESSION_COMPLETED', '2026-03-01T10:00:00Z', { durationMinutes: 200 }), event('SESSION_COMPLETED', '2026-03-02T10:00:00Z', { durationMinutes: 30 })];
      expect(fold(dailyBest, sessions)).toMatchObject({ current: 30, state: { best: 30 } });

      const explorer = rule({ type: 'distinct', event: 'QUEST_COMPLETED', field: 'region', target: 3, window: { kind: 'rolling', days: 2 } });
      const quests = [
        event('QUEST_COMPLETED', '2026-03-01T10:00:00Z', { region: 'meadow' }),
        event('QUEST_COMPLETED', '2026-03-02T10:00:00Z', { region: 'swamp' }),
        event('QUEST_COMPLETED', '2026-03-03T10:00:00Z', { region: 'peaks' }), // meadow fell out
      ];
      expect(fold(explorer, quests)).toMatchObject({ current: 2, state: { seen: { swamp: '2026-03-02', peaks: '2026-03-03' } } });
      expect(fold(explorer, [...quests, event('QUEST_COMPLETED', '2026-03-03T11:00:00Z', { region: 'meadow' })]).completed).toBe(true);
    });

    it('shows days that have passed as gone when read later', () => {
      const progress = fold(rampage, wins('2026-03-01', '2026-03-02', '2026-03-02'));
      expect(progressAt(rampage, progress.state, new Date('2026-03-03T09:00:00Z'), UTC).current).toBe(3);
      expect(progressAt(rampage, progress.state, new Date('2026-03-04T09:00:00Z'), UTC).current).toBe(2);
      expect(progressAt(rampage, progress.state, new Date('2026-03-09T09:00:00Z'), UTC).current).toBe(0);
    });
  });
});

describe('completion', () => {
  it('latches: once completed, later events change nothing', () => {
    const rampage = rule({ type: 'count', event: 'COMBAT_WON', target: 2, window: { kind: 'rolling', days: 1 } });
    const done = fold(rampage, [event('COMBAT_WON', '2026-03-01T10:00:00Z'), event('COMBAT_WON', '2026-03-01T11:00:00Z')]);
    expect(done.completed).toBe(true);
    const later = applyEvent(rampage, done.state, event('COMBAT_WON', '2026-03-09T10:00:00Z'), UTC);
    expect(later).toMatchObject({ current: 2, completed: true });
    expect(later.state).toBe(done.state);
    expect(progressAt(rampage, done.state, new Date('2026-04-01T00:00:00Z'), UTC).completed).toBe(true);
  });

  it('refuses a state made for another kind of rule', () => {
    const count = rule({ type: 'count', event: 'COMBAT_WON', target: 2 });
    const run = rule({ type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 2 });
    expect(() => applyEvent(run, initialState(count), event('COMBAT_WON', '2026-03-01T10:00:00Z'), UTC)).toThrow(RuleStateMismatchError);
  });
});

describe('state survives storage', () => {
  // A deterministic pseudo-random source, so a failure replays the same way.
  function random(seed: number) {
    return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  }
  const types = ['COMBAT_WON', 'COMBAT_LOST', 'QUEST_COMPLETED', 'SESSION_COMPLETED', 'LEVEL_UP'];
  const rules: Rule[] = [
    { type: 'count', event: 'COMBAT_WON', filter: { mode: 'pvp' }, target: 40 },
    { type: 'count', event: 'COMBAT_WON', target: 15, window: { kind: 'rolling', days: 4 } },
    { type: 'sum', event: 'QUEST_COMPLETED', field: 'gold', target: 5000, window: { kind: 'fixed', from: '2026-03-05', to: '2026-03-20' } },
    { type: 'distinct', event: 'QUEST_COMPLETED', field: 'region', target: 6, window: { kind: 'rolling', days: 5 } },
    { type: 'streak', event: 'SESSION_COMPLETED', target: 10 },
    { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 30 },
    { type: 'threshold', event: 'LEVEL_UP', field: 'level', target: 45, window: { kind: 'rolling', days: 3 } },
  ].map((r) => ruleSchema.parse(r));

  function randomEvents(next: () => number, count: number): GameEvent[] {
    const start = Date.parse('2026-03-01T00:00:00Z'); // a Sunday
    return Array.from({ length: count }, (_, i) => ({
      type: types[Math.floor(next() * types.length)]!,
      // Mostly forward in time, sometimes up to a day and a half late.
      occurredAt: new Date(start + i * 40 * 60_000 - (next() < 0.2 ? Math.floor(next() * 36 * 3_600_000) : 0)),
      data: { mode: next() < 0.5 ? 'pvp' : 'pve', gold: Math.floor(next() * 300), region: `r${Math.floor(next() * 9)}`, level: Math.floor(next() * 50) },
    }));
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('folding with a JSON round-trip between events gives the same result (seed %i)', (seed) => {
    const events = randomEvents(random(seed), 600);
    for (const r of rules) {
      for (const context of [UTC, LA, { timezone: 'Asia/Tokyo' }]) {
        let direct = initialState(r);
        let stored: RuleState = JSON.parse(JSON.stringify(initialState(r)));
        for (const e of events) {
          const a = applyEvent(r, direct, e, context);
          const b = applyEvent(r, stored, e, context);
          expect(b.current).toBe(a.current);
          expect(b.completed).toBe(a.completed);
          direct = a.state;
          stored = JSON.parse(JSON.stringify(b.state));
        }
        expect(stored).toEqual(direct);
      }
    }
  });
});
