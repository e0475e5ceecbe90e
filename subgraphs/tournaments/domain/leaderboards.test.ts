import { describe, expect, it } from 'vitest';
import {
  applySubmission,
  checkResetSchedule,
  checkScore,
  fromOrderedHex,
  mergeRankChanges,
  nextReset,
  orderedHex,
  parseRankingMember,
  readRankingMember,
  planSubmissions,
  rankChangesOf,
  rankingMember,
  repeatRefusal,
  sortRecords,
  SCORE_LIMIT,
  type ScoreOperator,
  type SortOrder,
} from './leaderboards.js';

const s = (score: number, subscore = 0) => ({ score, subscore });
const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';

describe('applySubmission', () => {
  it.each<[ScoreOperator, SortOrder, ReturnType<typeof s> | null, ReturnType<typeof s>, ReturnType<typeof s>, boolean]>([
    // operator, sort, previous, submitted → record, changed
    ['BEST', 'DESC', null, s(10, 1), s(10, 1), true],
    ['BEST', 'DESC', s(10), s(12), s(12), true],
    ['BEST', 'DESC', s(10), s(8), s(10), false],
    ['BEST', 'DESC', s(10, 5), s(10, 6), s(10, 6), true], // same score, better subscore
    ['BEST', 'DESC', s(10, 5), s(10, 5), s(10, 5), false], // equal: keeps its place in ties
    ['BEST', 'ASC', s(60), s(55), s(55), true], // a lap time: lower is better
    ['BEST', 'ASC', s(60), s(61), s(60), false],
    ['SET', 'DESC', s(10), s(3), s(3), true],
    ['SET', 'DESC', s(10), s(10), s(10), false],
    ['INCREMENT', 'DESC', s(10, 1), s(5, 2), s(15, 3), true],
    ['INCREMENT', 'DESC', null, s(5), s(5), true],
    ['INCREMENT', 'DESC', s(10), s(0), s(10), false],
    ['DECREMENT', 'DESC', s(10), s(4), s(6), true],
    ['DECREMENT', 'DESC', null, s(4), s(-4), true], // from zero
  ])('%s on a %s board: %o then %o → %o', (operator, sort, previous, submitted, expected, changed) => {
    expect(applySubmission(operator, sort, previous, submitted)).toEqual({ ...expected, changed });
  });

  it('refuses a sum that leaves the documented range', () => {
    expect(() => applySubmission('INCREMENT', 'DESC', s(SCORE_LIMIT), s(1))).toThrow(/between/);
  });
});

describe('planSubmissions', () => {
  const sub = (userId: string, score: number, metadata = '{}') => ({ userId, score, subscore: 0, metadata });
  const all = () => true;

  it('applies a group in arrival order, one version per change, as if each ran alone', () => {
    // U1 had 10 (version 5); U2 had nothing. Sequence values 100… are the group's.
    const current = new Map([[U1, { score: 10, subscore: 0, seq: 5n }]]);
    const plan = planSubmissions('INCREMENT', 'DESC', current, [sub(U1, 5, '{"a":1}'), sub(U2, 3), sub(U1, 0), sub(U1, 2, '{"b":2}')], all, [100n, 101n, 102n, 103n]);
    expect(plan.outcomes).toEqual([
      { kind: 'applied', userId: U1, record: { score: 15, subscore: 0, seq: 100n }, changed: true },
      { kind: 'applied', userId: U2, record: { score: 3, subscore: 0, seq: 101n }, changed: true },
      { kind: 'applied', userId: U1, record: { score: 15, subscore: 0, seq: 100n }, changed: false }, // +0 keeps its version (its place in ties)
      { kind: 'applied', userId: U1, record: { score: 17, subscore: 0, seq: 102n }, changed: true },
    ]);
    expect(plan.writes).toEqual([
      { userId: U1, existed: true, score: 17, subscore: 0, seq: 102n, submissions: 3, metadata: '{"b":2}' },
      { userId: U2, existed: false, score: 3, subscore: 0, seq: 101n, submissions: 1, metadata: '{}' },
    ]);
  });

  it('answers repeats without applying them, and a BEST that is not better keeps the record and its metadata', () => {
    const current = new Map([[U1, { score: 50, subscore: 0, seq: 7n }]]);
    const plan = planSubmissions('BEST', 'DESC', current, [sub(U1, 40, '{"worse":true}'), sub(U1, 99)], (i) => i === 0, [200n, 201n]);
    expect(plan.outcomes).toEqual([
      { kind: 'applied', userId: U1, record: { score: 50, subscore: 0, seq: 7n }, changed: false },
      { kind: 'repeat', userId: U1 },
    ]);
    expect(plan.writes).toEqual([{ userId: U1, existed: true, score: 50, subscore: 0, seq: 7n, submissions: 1, metadata: null }]);
  });

  it('refuses one submission whose sum leaves the range; the next sees the record as before', () => {
    const current = new Map([[U1, { score: SCORE_LIMIT - 1, subscore: 0, seq: 9n }]]);
    const plan = planSubmissions('INCREMENT', 'DESC', current, [sub(U1, 5), sub(U1, 1)], all, [300n, 301n]);
    expect(plan.outcomes[0]).toMatchObject({ kind: 'refused' });
    expect(plan.outcomes[1]).toEqual({ kind: 'applied', userId: U1, record: { score: SCORE_LIMIT, subscore: 0, seq: 300n }, changed: true });
    expect(plan.writes).toEqual([{ userId: U1, existed: true, score: SCORE_LIMIT, subscore: 0, seq: 300n, submissions: 1, metadata: '{}' }]);
  });

  it('writes nothing for a group of repeats and refusals', () => {
    const plan = planSubmissions('SET', 'ASC', new Map(), [sub(U1, 1)], () => false, []);
    expect(plan).toEqual({ outcomes: [{ kind: 'repeat', userId: U1 }], writes: [] });
  });
});

describe('repeatRefusal', () => {
  it.each<[string, string, string, boolean, RegExp | null]>([
    // the id was taken for, the repeat is for, a record in the current period → refusal
    ['the same player with a record: answered with it', U1, U1, true, null],
    ['the id taken for another player', U1, U2, true, /another player/],
    ['the id taken for another player who has no record', U1, U2, false, /another player/],
    ['a retry after the period it applied in ended', U1, U1, false, /period .* has since ended/],
  ])('%s', (_, takenFor, userId, hasRecord, refusal) => {
    const error = repeatRefusal(takenFor, userId, hasRecord);
    if (!refusal) return expect(error).toBeNull();
    expect(error).toMatchObject({ code: 'CONFLICT', details: { field: 'input.submissionId' } });
    expect(error!.message).toMatch(refusal);
  });
});

describe('checkScore', () => {
  it.each([NaN, Infinity, -Infinity, SCORE_LIMIT + 1, -SCORE_LIMIT - 1])('refuses %d', (value) => {
    expect(() => checkScore(value, 'score')).toThrow();
  });
  it.each([0, -0, 1.5, SCORE_LIMIT, -SCORE_LIMIT])('accepts %d', (value) => {
    expect(checkScore(value, 'score')).toBe(value === 0 ? 0 : value);
  });
});

describe('ranking members', () => {
  it('orders doubles by their hex, byte for byte', () => {
    const values = [-SCORE_LIMIT, -1.5, -1e-300, 0, 1e-300, 0.1, 1, 2, 1e15];
    const hexes = values.map(orderedHex);
    expect([...hexes].sort()).toEqual(hexes);
    expect(hexes.map(fromOrderedHex)).toEqual(values);
  });

  it('reads back every double it wrote, by a property over random bit patterns', () => {
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 2_000; i++) {
      view.setUint32(0, Math.floor(Math.random() * 2 ** 32));
      view.setUint32(4, Math.floor(Math.random() * 2 ** 32));
      const value = view.getFloat64(0);
      if (Number.isNaN(value)) continue;
      expect(fromOrderedHex(orderedHex(value))).toBe(value === 0 ? 0 : value);
    }
  });

  it('puts the earlier record first among equal scores and subscores, both sort orders', () => {
    // DESC boards are read in reverse member order; ASC boards in member order.
    const early = rankingMember('DESC', 3, 10n, U1);
    const late = rankingMember('DESC', 3, 11n, U2);
    expect(early > late).toBe(true);
    expect(rankingMember('DESC', 4, 99n, U2) > early).toBe(true); // better subscore first
    expect(rankingMember('ASC', 3, 10n, U1) < rankingMember('ASC', 3, 11n, U2)).toBe(true);
    expect(parseRankingMember('DESC', late)).toEqual({ subscore: 3, seq: 11n, userId: U2 });
    expect(parseRankingMember('ASC', rankingMember('ASC', -2.5, 7n, U1))).toEqual({ subscore: -2.5, seq: 7n, userId: U1 });
    expect(readRankingMember(late)).toEqual({ subscore: 3, userId: U2 });
  });

  it('sorts records as the sorted set does', () => {
    const records = [
      { userId: 'c', score: 5, subscore: 0, seq: 3n },
      { userId: 'a', score: 5, subscore: 0, seq: 1n },
      { userId: 'b', score: 7, subscore: 0, seq: 2n },
      { userId: 'd', score: 5, subscore: 1, seq: 4n },
    ];
    expect(sortRecords('DESC', records).map((r) => r.userId)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortRecords('ASC', records).map((r) => r.userId)).toEqual(['a', 'c', 'd', 'b']);
  });
});

describe('reset schedules', () => {
  it.each([
    ['0 0 * * 1', '2026-12-04T12:00:00Z', '2026-12-07T00:00:00.000Z'], // Friday noon → Monday 00:00
    ['0 0 1 * *', '2026-12-04T12:00:00Z', '2027-01-01T00:00:00.000Z'], // monthly
    ['*/15 * * * *', '2026-12-04T12:00:00Z', '2026-12-04T12:15:00.000Z'], // strictly after
    ['0 0 * * *', '2026-12-04T23:59:59Z', '2026-12-05T00:00:00.000Z'],
  ])('%s after %s → %s', (schedule, after, expected) => {
    expect(nextReset(checkResetSchedule(schedule, 'f'), new Date(after)).toISOString()).toBe(expected);
  });
  it.each(['61 * * * *', 'every monday', '', '* * * * * * * *'])('refuses %j', (schedule) => {
    expect(() => checkResetSchedule(schedule, 'input.resetSchedule')).toThrow(/cron|characters/);
  });
});

describe('rank changes', () => {
  it('tells each passed player their new and previous rank', () => {
    // The submitter is now 0-based rank 1 (2nd); they passed two players, now 3rd and 4th.
    expect(rankChangesOf('lb', 'me', 1, ['x', 'y'])).toEqual([
      { leaderboardId: 'lb', userId: 'x', rank: 3, previousRank: 2, passedBy: ['me'] },
      { leaderboardId: 'lb', userId: 'y', rank: 4, previousRank: 3, passedBy: ['me'] },
    ]);
  });
  it('tells only the passed players who listen, each at their own place', () => {
    // Passed x, y, z (now 3rd, 4th, 5th); only y listens.
    expect(rankChangesOf('lb', 'me', 1, ['x', 'y', 'z'], (id) => id === 'y')).toEqual([{ leaderboardId: 'lb', userId: 'y', rank: 4, previousRank: 3, passedBy: ['me'] }]);
  });
  it('coalesces a run of changes: latest rank, first previous rank, each passer once', () => {
    const a = { leaderboardId: 'lb', rank: 3, previousRank: 2, passedBy: ['p'] };
    const b = { leaderboardId: 'lb', rank: 5, previousRank: 4, passedBy: ['q', 'p'] };
    expect(mergeRankChanges(a, b)).toEqual({ leaderboardId: 'lb', rank: 5, previousRank: 2, passedBy: ['p', 'q'] });
  });
});
