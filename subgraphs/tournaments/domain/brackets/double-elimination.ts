import { resolveByes } from './elimination.js';
import { bracketSize } from './seeding.js';
import { winnersBracket } from './single-elimination.js';
import type { BracketMatch, Source } from './types.js';

/**
 * Double elimination for `n` players (2 or more) in seed order. Winners' bracket as in single
 * elimination; its losers drop into the losers' bracket, which alternates rounds among its own
 * survivors with rounds against the next winners' round's losers (dropped in reversed order every
 * other time, so early opponents do not meet again at once). The grand final sets the winners'
 * champion against the losers' champion: `2n − 2` matches, plus the reset `GF2` (conditional: played
 * only when the losers' champion wins `GF1`) with `grandFinalReset`, `2n − 1`.
 */
export function doubleElimination(n: number, options: { grandFinalReset?: boolean } = {}): BracketMatch[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`double elimination needs at least 2 players, got ${n}`);
  const size = bracketSize(n);
  const k = Math.log2(size);
  const raw: Parameters<typeof resolveByes>[0][number][] = winnersBracket(n, size);
  const losersOf = (round: number) => raw.filter((m) => m.side === 'WINNERS' && m.round === round).map((m): Source => ({ loserOf: m.key }));

  let survivors: Source[] = losersOf(1);
  let round = 0;
  const play = (pairs: [Source, Source][]) => {
    round++;
    survivors = pairs.map((players, i) => {
      const key = `L${round}-${i + 1}`;
      raw.push({ key, side: 'LOSERS', round, players });
      return { winnerOf: key };
    });
  };
  const halves = (list: Source[]) => Array.from({ length: list.length / 2 }, (_, i): [Source, Source] => [list[2 * i]!, list[2 * i + 1]!]);
  if (k >= 2) play(halves(survivors));
  for (let w = 2; w <= k; w++) {
    const dropping = losersOf(w);
    if (w % 2 === 0) dropping.reverse();
    play(survivors.map((s, i): [Source, Source] => [s, dropping[i]!]));
    if (survivors.length > 1) play(halves(survivors));
  }
  const champion: Source = { winnerOf: `W${k}-1` };
  raw.push({ key: 'GF1', side: 'GRAND_FINAL', round: 1, players: [champion, survivors[0]!] });
  if (options.grandFinalReset) {
    raw.push({ key: 'GF2', side: 'GRAND_FINAL', round: 2, players: [{ winnerOf: 'GF1' }, { loserOf: 'GF1' }], conditional: true });
  }
  return resolveByes(raw);
}
