import { doubleElimination } from './double-elimination.js';
import { roundRobin } from './round-robin.js';
import { singleElimination } from './single-elimination.js';
import { automaticSwissRounds, pairSwissRound, type SwissPlayer } from './swiss.js';
import { BYE, type BracketMatch } from './types.js';

export type { BracketMatch, Source } from './types.js';

/**
 * The matches known when play starts, for `players` seeds (1 = top): the whole bracket for the
 * elimination formats and round robin, round one for Swiss (later rounds are paired from results),
 * none for a ladder (players challenge each other).
 */
export function openingBracket(
  format: 'SINGLE_ELIMINATION' | 'DOUBLE_ELIMINATION' | 'ROUND_ROBIN' | 'SWISS' | 'LADDER',
  players: number,
  options: { thirdPlaceMatch: boolean; grandFinalReset: boolean },
): BracketMatch[] {
  switch (format) {
    case 'SINGLE_ELIMINATION':
      return singleElimination(players, { thirdPlace: options.thirdPlaceMatch });
    case 'DOUBLE_ELIMINATION':
      return doubleElimination(players, { grandFinalReset: options.grandFinalReset });
    case 'ROUND_ROBIN':
      return roundRobin(players);
    case 'SWISS':
      return swissRound(1, Array.from({ length: players }, (_, i) => ({ id: String(i + 1), seed: i + 1, score: 0, opponents: [], hadBye: false })));
    case 'LADDER':
      return [];
  }
}

/**
 * A Swiss round as bracket matches: the pairs in rank order, then the bye, if any, as a match whose
 * second slot is a bye (the player scores a win without playing).
 */
export function swissRound(round: number, players: readonly SwissPlayer[]): BracketMatch[] {
  const { pairs, bye } = pairSwissRound(players);
  const seedOf = new Map(players.map((p) => [p.id, p.seed]));
  const matches: BracketMatch[] = pairs.map(([a, b], i) => ({ key: `S${round}-${i + 1}`, side: 'SWISS', round, position: i + 1, players: [{ seed: seedOf.get(a)! }, { seed: seedOf.get(b)! }] }));
  if (bye) matches.push({ key: `S${round}-${pairs.length + 1}`, side: 'SWISS', round, position: pairs.length + 1, players: [{ seed: seedOf.get(bye)! }, BYE] });
  return matches;
}

/** A Swiss match as the next pairing needs it: `playerB` null for a bye. */
export interface PlayedSwissMatch {
  round: number;
  playerA: string | null;
  playerB: string | null;
  winnerId: string | null;
  status: string;
}

/**
 * The next Swiss round once every match of the latest round is finished, or null: while the round
 * is being played, and after the last round (`rounds`, or automatic when null). `seeded[i]` is seed
 * i + 1's player. Scores count wins and byes; a bye is remembered so nobody gets two while another
 * player has had none.
 */
export function nextSwissRound(seeded: readonly string[], played: readonly PlayedSwissMatch[], rounds: number | null): BracketMatch[] | null {
  const latest = Math.max(0, ...played.map((m) => m.round));
  if (latest === 0 || latest >= (rounds ?? automaticSwissRounds(seeded.length))) return null;
  if (played.some((m) => m.round === latest && m.status !== 'COMPLETED')) return null;
  const players = new Map<string, SwissPlayer & { opponents: string[] }>(seeded.map((id, i) => [id, { id, seed: i + 1, score: 0, opponents: [], hadBye: false }]));
  for (const m of played) {
    if (m.winnerId) players.get(m.winnerId)!.score += 1;
    if (m.playerA && m.playerB) {
      players.get(m.playerA)!.opponents.push(m.playerB);
      players.get(m.playerB)!.opponents.push(m.playerA);
    } else if (m.playerA) players.get(m.playerA)!.hadBye = true;
  }
  return swissRound(latest + 1, [...players.values()]);
}
