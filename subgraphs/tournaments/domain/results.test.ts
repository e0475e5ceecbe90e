import { describe, expect, it } from 'vitest';
import { doubleElimination } from './brackets/double-elimination.js';
import { playOut } from './brackets/play-out.js';
import { singleElimination } from './brackets/single-elimination.js';
import { advance, decideReport, undecidedAfter, type BracketSlot, type Claim, type MatchState, type Reporter } from './results.js';

const ready: MatchState = { key: 'W1-1', status: 'READY', playerA: 'ana', playerB: 'bo', winnerId: null, claimA: null, claimB: null };
const win = (winnerId: string, score: string | null = '2-1'): Claim => ({ winnerId, score });
const SERVICE: Reporter = { kind: 'SERVICE' };
const ORGANIZER: Reporter = { kind: 'ORGANIZER' };
const ana: Reporter = { kind: 'PLAYER', userId: 'ana' };
const bo: Reporter = { kind: 'PLAYER', userId: 'bo' };

describe('decideReport', () => {
  it.each<[string, Partial<MatchState>, Reporter, Claim, ReturnType<typeof decideReport>]>([
    ['the game server decides', {}, SERVICE, win('bo'), { kind: 'COMPLETE', winnerId: 'bo', score: '2-1', decidedBy: 'SERVICE' }],
    ['the organizer decides', {}, ORGANIZER, win('ana', null), { kind: 'COMPLETE', winnerId: 'ana', score: null, decidedBy: 'ORGANIZER' }],
    ['the organizer settles a dispute', { status: 'DISPUTED', claimA: win('ana'), claimB: win('bo') }, ORGANIZER, win('bo'), { kind: 'COMPLETE', winnerId: 'bo', score: '2-1', decidedBy: 'ORGANIZER' }],
    ['a first player’s report waits for the other', {}, ana, win('ana'), { kind: 'CLAIM', side: 'A', claim: win('ana') }],
    ['the second report agreeing completes', { claimA: win('ana', '2-0') }, bo, win('ana', null), { kind: 'COMPLETE', winnerId: 'ana', score: '2-0', decidedBy: 'PLAYERS' }],
    ['the second report disagreeing disputes', { claimB: win('bo') }, ana, win('ana'), { kind: 'DISPUTE', side: 'A', claim: win('ana') }],
    ['a player repeating their report', { claimA: win('ana') }, ana, win('ana'), { kind: 'REPLAY' }],
    ['a player repeating their report in a dispute', { status: 'DISPUTED', claimA: win('ana'), claimB: win('bo') }, ana, win('ana'), { kind: 'REPLAY' }],
    ['the same result again once finished', { status: 'COMPLETED', winnerId: 'bo' }, SERVICE, win('bo'), { kind: 'REPLAY' }],
    ['a player confirming the finished result', { status: 'COMPLETED', winnerId: 'bo' }, ana, win('bo'), { kind: 'REPLAY' }],
  ])('%s', (_name, change, reporter, claim, outcome) => {
    expect(decideReport({ ...ready, ...change }, reporter, claim)).toEqual(outcome);
  });

  it.each<[string, Partial<MatchState>, Reporter, Claim, Record<string, unknown>]>([
    ['another result for a finished match', { status: 'COMPLETED', winnerId: 'bo' }, ORGANIZER, win('ana'), { code: 'CONFLICT', details: { field: 'matchId', reason: 'MATCH_FINISHED' } }],
    ['a match whose players are not known', { status: 'PENDING', playerB: null }, SERVICE, win('ana'), { code: 'CONFLICT', details: { field: 'matchId', reason: 'MATCH_NOT_READY' } }],
    ['a skipped reset', { status: 'SKIPPED' }, SERVICE, win('ana'), { code: 'CONFLICT', details: { field: 'matchId', reason: 'MATCH_NOT_READY' } }],
    ['a winner not in the match', {}, SERVICE, win('cy'), { code: 'BAD_USER_INPUT', details: { field: 'winnerId' } }],
    ['a player outside the match', {}, { kind: 'PLAYER', userId: 'cy' }, win('ana'), { code: 'FORBIDDEN' }],
    ['a player outside the match sending a blank score', {}, { kind: 'PLAYER', userId: 'cy' }, win('ana', '  '), { code: 'FORBIDDEN' }],
    ['a player changing their report', { claimA: win('ana') }, ana, win('bo'), { code: 'CONFLICT', details: { field: 'matchId', reason: 'ALREADY_REPORTED' } }],
    ['a player reporting into a dispute', { status: 'DISPUTED', claimB: win('bo') }, ana, win('ana'), { code: 'CONFLICT', details: { field: 'matchId', reason: 'DISPUTED' } }],
    ['a player changing their report in a dispute', { status: 'DISPUTED', claimA: win('ana'), claimB: win('bo') }, ana, win('bo'), { code: 'CONFLICT', details: { field: 'matchId', reason: 'DISPUTED' } }],
    ['a blank score', {}, SERVICE, win('ana', '  '), { code: 'BAD_USER_INPUT', details: { field: 'score' } }],
    ['a score of 33 characters', {}, SERVICE, win('ana', 'x'.repeat(33)), { code: 'BAD_USER_INPUT', details: { field: 'score' } }],
  ])('refuses %s', (_name, change, reporter, claim, error) => {
    expect(() => decideReport({ ...ready, ...change }, reporter, claim)).toThrow(expect.objectContaining(error));
  });
});

/** Plays a bracket through `advance` alone, as the service would, and compares with playOut. */
function advanceThrough(matches: ReturnType<typeof doubleElimination>, seeds: string[], pick: (a: string, b: string) => string) {
  const slots = new Map<string, BracketSlot>(
    matches.map((m) => {
      const seedOf = (s: (typeof m.players)[number]) => ('seed' in s ? seeds[s.seed - 1]! : null);
      const [a, b] = [seedOf(m.players[0]), seedOf(m.players[1])];
      return [m.key, { key: m.key, sourceA: m.players[0], sourceB: m.players[1], playerA: a, playerB: b, conditional: m.conditional ?? false, status: a && b ? 'READY' : 'PENDING' }];
    }),
  );
  const winners = new Map<string, string>();
  for (;;) {
    const next = [...slots.values()].find((s) => s.status === 'READY');
    if (!next) break;
    const winnerId = pick(next.playerA!, next.playerB!);
    const loserId = winnerId === next.playerA ? next.playerB! : next.playerA!;
    next.status = 'COMPLETED';
    winners.set(next.key, winnerId);
    for (const u of advance([...slots.values()], { key: next.key, winnerId, loserId, playerB: next.playerB! })) Object.assign(slots.get(u.key)!, u);
  }
  return { slots, winners };
}

describe('advance', () => {
  it('moves winners and losers on and opens matches as both players become known, as the bracket says', () => {
    for (const n of [2, 3, 5, 8, 13]) {
      const matches = doubleElimination(n, { grandFinalReset: true });
      const seeds = Array.from({ length: n }, (_, i) => `p${i + 1}`);
      let flip = 0;
      const pick = (a: string, b: string) => (flip++ % 3 === 0 ? b : a);
      const { slots, winners } = advanceThrough(matches, seeds, pick);
      flip = 0;
      const expected = playOut(matches, seeds, (a, b) => pick(a, b));
      expect(Object.fromEntries(winners)).toEqual(Object.fromEntries([...expected].map(([k, r]) => [k, r.winner])));
      expect([...slots.values()].filter((s) => s.status !== 'COMPLETED').map((s) => [s.key, s.status])).toEqual(expected.has('GF2') ? [] : [['GF2', 'SKIPPED']]);
    }
  });

  it('sends the semi-final losers to the third-place match', () => {
    const matches = singleElimination(4, { thirdPlace: true });
    const { winners } = advanceThrough(matches, ['a', 'b', 'c', 'd'], (x) => x);
    expect(winners.get('3P')).toBe('d'); // 1–4 and 2–3 first: d and c lost the semis (x picks the first player)
  });
});

describe('undecidedAfter', () => {
  it.each([
    ['a final decided: nothing left', 1, [], 0],
    ['a first-round match feeding a PENDING slot', 7, [{ key: 'W2-1', playerA: 'a' }], 6],
    ['a match opening the next (READY stays undecided)', 6, [{ key: 'W2-1', playerB: 'b', status: 'READY' as const }], 5],
    ['the winners’ champion wins GF1: the reset is SKIPPED too', 2, [{ key: 'GF2', playerA: 'a', playerB: 'b', status: 'SKIPPED' as const }], 0],
  ])('%s', (_name, before, updates, after) => {
    expect(undecidedAfter(before, updates)).toBe(after);
  });

  it('agrees with counting the bracket, result by result, through a whole double elimination with a reset', () => {
    const bracket = doubleElimination(6, { grandFinalReset: true });
    const slots: BracketSlot[] = bracket.map((m) => ({ key: m.key, sourceA: m.players[0], sourceB: m.players[1], playerA: null, playerB: null, conditional: m.conditional ?? false, status: 'PENDING' }));
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    for (const s of slots) {
      if ('seed' in s.sourceA) s.playerA = ids[s.sourceA.seed - 1] ?? null;
      if ('seed' in s.sourceB) s.playerB = ids[s.sourceB.seed - 1] ?? null;
      if ('bye' in s.sourceA || 'bye' in s.sourceB) s.status = 'SKIPPED';
      else if (s.playerA && s.playerB) s.status = 'READY';
    }
    const undecided = () => slots.filter((s) => s.status !== 'COMPLETED' && s.status !== 'SKIPPED').length;
    for (let guard = 0; guard < 100; guard++) {
      const next = slots.find((s) => s.status === 'READY');
      if (!next) break;
      const before = undecided();
      // The lower player (B) wins: the losers' champion takes GF1, so the reset is played.
      const finished = { key: next.key, winnerId: next.playerB!, loserId: next.playerA!, playerB: next.playerB! };
      next.status = 'COMPLETED';
      const updates = advance(slots, finished);
      for (const u of updates) Object.assign(slots.find((s) => s.key === u.key)!, u);
      expect(undecided()).toBe(undecidedAfter(before, updates));
    }
    expect(undecided()).toBe(0);
  });
});
