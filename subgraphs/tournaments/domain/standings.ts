import { swissStandings, type SwissGame } from './brackets/swiss.js';
import type { MatchStatus } from './results.js';

export type StandingsFormat = 'SINGLE_ELIMINATION' | 'DOUBLE_ELIMINATION' | 'ROUND_ROBIN' | 'SWISS' | 'LADDER';

/** A match as the standings see it. A bye has `playerB` null. */
export interface PlayedMatch {
  side: string;
  round: number;
  status: MatchStatus;
  playerA: string | null;
  playerB: string | null;
  winnerId: string | null;
}

export interface Standing {
  userId: string;
  /** 1 = the winner; every place held by one player. */
  placement: number;
  wins: number;
  losses: number;
}

/** Play order of the elimination sides: a later one means the player got further. */
const STAGE = ['WINNERS', 'LOSERS', 'GRAND_FINAL'];

/**
 * True once nothing is left to play: every match has a result or was skipped. (A Swiss round's last
 * result pairs the next before this is asked, so an unfinished Swiss has open matches.) A ladder
 * has no bracket and never completes by itself.
 */
export function isBracketFinished(format: StandingsFormat, matches: readonly Pick<PlayedMatch, 'status'>[]): boolean {
  return format !== 'LADDER' && matches.length > 0 && matches.every((m) => m.status === 'COMPLETED' || m.status === 'SKIPPED');
}

/**
 * Final standings of a finished bracket; `seeds[0]` is seed 1's player.
 * - Elimination: by how far a player got — the stage of the last match they played (winners'
 *   rounds, then losers' rounds, then the grand final), its winner above its loser; players who
 *   went out at the same stage by the third-place match (its winner first), then seed (not wins: a
 *   player given a bye played one match fewer).
 * - Round robin: wins, then Sonneborn-Berger (the wins of those they beat), then seed.
 * - Swiss: score (a bye counts as a win), then Buchholz, then Sonneborn-Berger, then seed.
 * - Ladder: the ladder's order (`ladder`, top first).
 */
export function finalStandings(format: StandingsFormat, seeds: readonly string[], matches: readonly PlayedMatch[], ladder?: readonly string[]): Standing[] {
  const played = matches.filter((m) => m.status === 'COMPLETED' && m.winnerId);
  const wins = new Map(seeds.map((id) => [id, 0]));
  const losses = new Map(seeds.map((id) => [id, 0]));
  for (const m of played) {
    wins.set(m.winnerId!, (wins.get(m.winnerId!) ?? 0) + 1);
    const loser = loserOf(m);
    if (loser) losses.set(loser, (losses.get(loser) ?? 0) + 1);
  }
  const seedOf = new Map(seeds.map((id, i) => [id, i + 1]));
  const place = (order: readonly string[]): Standing[] =>
    order.map((userId, i) => ({ userId, placement: i + 1, wins: wins.get(userId) ?? 0, losses: losses.get(userId) ?? 0 }));

  if (format === 'LADDER') return place(ladder ?? seeds);
  if (format === 'ROUND_ROBIN' || format === 'SWISS') {
    const games: SwissGame[] = played.map((m) => ({ white: m.playerA!, black: m.playerB, winner: m.winnerId }));
    const table = swissStandings(seeds.map((id, i) => ({ id, seed: i + 1 })), games);
    if (format === 'SWISS') return place(table.map((s) => s.id));
    const byId = new Map(table.map((s) => [s.id, s]));
    const order = [...seeds].sort((a, b) => byId.get(b)!.score - byId.get(a)!.score || byId.get(b)!.sonnebornBerger - byId.get(a)!.sonnebornBerger || seedOf.get(a)! - seedOf.get(b)!);
    return place(order);
  }

  // Elimination: the last match each player played outside the third-place match.
  const last = new Map<string, { stage: number; round: number; won: boolean }>();
  const thirdPlace = new Map<string, number>();
  for (const m of played) {
    if (!m.playerB) continue;
    if (m.side === 'THIRD_PLACE') {
      thirdPlace.set(m.winnerId!, 1);
      thirdPlace.set(loserOf(m)!, 0);
      continue;
    }
    const stage = STAGE.indexOf(m.side);
    for (const id of [m.playerA!, m.playerB]) {
      const seen = last.get(id);
      if (!seen || stage > seen.stage || (stage === seen.stage && m.round > seen.round)) last.set(id, { stage, round: m.round, won: m.winnerId === id });
    }
  }
  const none = { stage: -1, round: 0, won: false };
  const order = [...seeds].sort((a, b) => {
    const [x, y] = [last.get(a) ?? none, last.get(b) ?? none];
    return (
      y.stage - x.stage ||
      y.round - x.round ||
      Number(y.won) - Number(x.won) ||
      (thirdPlace.get(b) ?? -1) - (thirdPlace.get(a) ?? -1) ||
      seedOf.get(a)! - seedOf.get(b)!
    );
  });
  return place(order);
}

const loserOf = (m: PlayedMatch): string | null => (m.playerB === null ? null : m.winnerId === m.playerA ? m.playerB : m.playerA);
