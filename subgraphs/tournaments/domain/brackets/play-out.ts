import type { BracketMatch, Source } from './types.js';

/** A match's result as the bracket needs it. */
export interface Outcome {
  winner: string;
  loser: string;
}

/**
 * Who plays in a slot given the results so far: a seed's player, an earlier match's winner or
 * loser, or undefined while that match is unplayed (null for a bye). `seeds[0]` is seed 1.
 */
export function playerIn(source: Source, seeds: readonly string[], results: ReadonlyMap<string, Outcome>): string | null | undefined {
  if ('seed' in source) return seeds[source.seed - 1];
  if ('winnerOf' in source) return results.get(source.winnerOf)?.winner;
  if ('loserOf' in source) return results.get(source.loserOf)?.loser;
  return null;
}

/**
 * Plays an elimination bracket to the end, `pick` choosing each winner; a conditional match (the
 * grand final's reset) is played only when the losers' side won the match before it. Returns the
 * results in the order played.
 */
export function playOut(matches: readonly BracketMatch[], seeds: readonly string[], pick: (a: string, b: string, match: BracketMatch) => string): Map<string, Outcome> {
  const results = new Map<string, Outcome>();
  for (const match of matches) {
    if (match.conditional && !resetNeeded(matches, match, results, seeds)) continue;
    const [a, b] = match.players.map((s) => playerIn(s, seeds, results));
    if (!a || !b) throw new Error(`match ${match.key} has no players: ${JSON.stringify(match.players)}`);
    const winner = pick(a, b, match);
    results.set(match.key, { winner, loser: winner === a ? b : a });
  }
  return results;
}

/** The grand final's reset is played when the losers' champion (the second slot) won the first final. */
export function resetNeeded(matches: readonly BracketMatch[], reset: BracketMatch, results: ReadonlyMap<string, Outcome>, seeds: readonly string[]): boolean {
  const source = reset.players[0];
  if (!('winnerOf' in source)) return true;
  const first = matches.find((m) => m.key === source.winnerOf)!;
  const outcome = results.get(first.key);
  return outcome !== undefined && outcome.winner === playerIn(first.players[1], seeds, results);
}
