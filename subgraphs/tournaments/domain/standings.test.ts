import { describe, expect, it } from 'vitest';
import { doubleElimination } from './brackets/double-elimination.js';
import { playOut } from './brackets/play-out.js';
import { singleElimination } from './brackets/single-elimination.js';
import { finalStandings, isBracketFinished, type PlayedMatch } from './standings.js';

const done = (side: string, round: number, playerA: string, playerB: string | null, winnerId: string): PlayedMatch => ({ side, round, status: 'COMPLETED', playerA, playerB, winnerId });
const order = (standings: { userId: string }[]) => standings.map((s) => s.userId);

/** Plays a generated elimination bracket with `pick` and returns its matches as stored. */
function played(bracket: ReturnType<typeof singleElimination>, seeds: string[], pick: (a: string, b: string) => string): PlayedMatch[] {
  const results = playOut(bracket, seeds, pick);
  return bracket.map((m) => {
    const r = results.get(m.key);
    if (!r) return { side: m.side, round: m.round, status: 'SKIPPED', playerA: null, playerB: null, winnerId: null };
    const [a, b] = m.players.map((s) => ('seed' in s ? seeds[s.seed - 1]! : null));
    return done(m.side, m.round, a ?? r.winner, b ?? r.loser, r.winner);
  });
}

describe('finalStandings', () => {
  it.each([
    // 4 players, the favourite always wins: seeds in order, the third-place match decides 3 and 4.
    ['single elimination, favourites win, third-place match', 4, true, (a: string, b: string) => (a < b ? a : b), ['p1', 'p2', 'p3', 'p4']],
    // The underdog always wins: p4 beats p1, p3 beats p2, p4 beats p3; p1 beats p2 for third.
    ['single elimination, underdogs win, third-place match', 4, true, (a: string, b: string) => (a > b ? a : b), ['p4', 'p3', 'p2', 'p1']],
    // Without a third-place match the semi-final losers tie on stage and wins: the better seed is third.
    ['single elimination, underdogs win, no third-place match', 4, false, (a: string, b: string) => (a > b ? a : b), ['p4', 'p3', 'p1', 'p2']],
  ])('%s', (_name, n, thirdPlace, pick, expected) => {
    const seeds = Array.from({ length: n }, (_, i) => `p${i + 1}`);
    const matches = played(singleElimination(n, { thirdPlace }), seeds, pick);
    expect(isBracketFinished('SINGLE_ELIMINATION', matches)).toBe(true);
    expect(order(finalStandings('SINGLE_ELIMINATION', seeds, matches))).toEqual(expected);
  });

  it('single elimination of 5: the bye does not cost the top seed its place; semi-final losers by seed, not wins', () => {
    const seeds = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const matches = played(singleElimination(5, { thirdPlace: false }), seeds, (a, b) => (a < b ? a : b));
    const standings = finalStandings('SINGLE_ELIMINATION', seeds, matches);
    expect(order(standings)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(standings[0]).toMatchObject({ placement: 1, wins: 2, losses: 0 }); // the bye is no win
    expect(standings[4]).toMatchObject({ placement: 5, wins: 0, losses: 1 });
  });

  it.each([
    ['the winners’ champion takes the first final (no reset played)', (a: string, b: string) => (a < b ? a : b), ['p1', 'p2', 'p3', 'p4']],
    // p4 wins everything from the start: p1 drops to the losers’ side and comes back to lose both finals.
    ['the underdog wins everything', (a: string, b: string) => (a > b ? a : b), ['p4', 'p3', 'p2', 'p1']],
  ])('double elimination with a reset: %s', (_name, pick, expected) => {
    const seeds = ['p1', 'p2', 'p3', 'p4'];
    const matches = played(doubleElimination(4, { grandFinalReset: true }), seeds, pick);
    expect(isBracketFinished('DOUBLE_ELIMINATION', matches)).toBe(true);
    expect(order(finalStandings('DOUBLE_ELIMINATION', seeds, matches))).toEqual(expected);
  });

  it('double elimination: the losers’ champion who wins the grand final and its reset is first', () => {
    const seeds = ['p1', 'p2', 'p3', 'p4'];
    // p2 loses W1-2 to p3 ... choose: favourites win except every grand final, won by the losers' side.
    const matches = played(doubleElimination(4, { grandFinalReset: true }), seeds, (a, b) => (a < b ? a : b));
    const gf1 = matches.find((m) => m.side === 'GRAND_FINAL' && m.round === 1)!;
    // Replay the finals as the losers' champion winning both.
    const [champ, runnerUp] = [gf1.playerB!, gf1.playerA!];
    const finals = matches.filter((m) => m.side !== 'GRAND_FINAL').concat([done('GRAND_FINAL', 1, runnerUp, champ, champ), done('GRAND_FINAL', 2, champ, runnerUp, champ)]);
    expect(order(finalStandings('DOUBLE_ELIMINATION', seeds, finals)).slice(0, 2)).toEqual([champ, runnerUp]);
  });

  it('round robin: wins, then Sonneborn-Berger, then seed', () => {
    // a beats b, b beats c, c beats a (a three-way tie on 1 win each, SB equal), d loses all.
    const matches = [done('ROUND_ROBIN', 1, 'a', 'b', 'a'), done('ROUND_ROBIN', 1, 'c', 'd', 'c'), done('ROUND_ROBIN', 2, 'b', 'c', 'b'), done('ROUND_ROBIN', 2, 'a', 'd', 'a'), done('ROUND_ROBIN', 3, 'c', 'a', 'c'), done('ROUND_ROBIN', 3, 'b', 'd', 'b')];
    // Wins: a 2, b 2, c 2, d 0. SB: a beat b(2)+d(0)=2, b beat c(2)+d(0)=2, c beat d(0)+a(2)=2: seed decides.
    expect(order(finalStandings('ROUND_ROBIN', ['c', 'a', 'b', 'd'], matches))).toEqual(['c', 'a', 'b', 'd']);
    // Break the tie: d beats b instead, so b has 1 win; a and c on 2: a beat b(1)+d(1)=2, c beat d(1)+a(2)=3.
    const changed = matches.map((m) => (m.playerA === 'b' && m.playerB === 'd' ? { ...m, winnerId: 'd' } : m));
    expect(order(finalStandings('ROUND_ROBIN', ['a', 'b', 'c', 'd'], changed))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('Swiss: score, then Buchholz, a bye counting as a win', () => {
    // Round 1: a beats b, c beats d, e has the bye. Round 2: a beats c, e beats b, d has the bye.
    const matches = [done('SWISS', 1, 'a', 'b', 'a'), done('SWISS', 1, 'c', 'd', 'c'), done('SWISS', 1, 'e', null, 'e'), done('SWISS', 2, 'a', 'c', 'a'), done('SWISS', 2, 'e', 'b', 'e'), done('SWISS', 2, 'd', null, 'd')];
    // Scores: a 2, e 2, c 1, d 1, b 0. Buchholz: a = b(0)+c(1) = 1, e = b(0) = 0; c = d(1)+a(2) = 3, d = c(1) = 1.
    expect(order(finalStandings('SWISS', ['a', 'b', 'c', 'd', 'e'], matches))).toEqual(['a', 'e', 'c', 'd', 'b']);
  });

  it('ladder: the ladder’s order', () => {
    expect(order(finalStandings('LADDER', ['a', 'b', 'c'], [], ['c', 'a', 'b']))).toEqual(['c', 'a', 'b']);
  });

  it.each([
    ['every match done or skipped', [{ status: 'COMPLETED' }, { status: 'SKIPPED' }], true],
    ['a match still open', [{ status: 'COMPLETED' }, { status: 'READY' }], false],
    ['a disputed match', [{ status: 'DISPUTED' }], false],
    ['no matches', [], false],
  ] as const)('isBracketFinished: %s', (_name, matches, finished) => {
    expect(isBracketFinished('SWISS', matches)).toBe(finished);
  });
});
