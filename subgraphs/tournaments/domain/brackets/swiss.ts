import maximumWeightMatching from 'edmonds-blossom-fixed';

/** A player as the Swiss pairing sees them before a round. */
export interface SwissPlayer {
  id: string;
  /** 1 = the top-rated player. */
  seed: number;
  /** Points so far: 1 a win or a bye, ½ a draw. */
  score: number;
  /** Everyone they have already played. */
  opponents: readonly string[];
  hadBye: boolean;
}

export interface SwissPairing {
  /** Higher-ranked player first. */
  pairs: [string, string][];
  /** Who sits out (scoring a win), or null when the count is even. */
  bye: string | null;
  /** Pairs that meet again: 0 unless no pairing without a rematch exists (see the fallback). */
  rematches: number;
}

/** Ranking order within a round: score, then seed. */
const byRank = (a: SwissPlayer, b: SwissPlayer) => b.score - a.score || a.seed - b.seed;

/**
 * The next Swiss round. Players are ranked by score, then seed. With an odd count the
 * lowest-ranked player who has not had a bye sits out (everyone has had one: the lowest-ranked).
 * The rest are paired within their score group, top half against bottom half (1 meets g/2 + 1 in a
 * group of g); an odd group floats its lowest player down to the next group's top. Nobody meets an
 * opponent twice.
 *
 * The pairing is a maximum-weight perfect matching (Edmonds' blossom algorithm), where a pair is
 * worth less the further apart the two are on that preference line. It first tries only
 * rematch-free pairs near each other on the line (24, then 96 places: fast); when no perfect
 * pairing exists among those, it weighs every pair, rematches worth almost nothing. The fallback, when no rematch-free
 * pairing exists at all (late rounds, few players), is therefore the pairing with the fewest
 * rematches, then the closest scores; the bye is chosen first and never moves to avoid a rematch.
 */
export function pairSwissRound(players: readonly SwissPlayer[]): SwissPairing {
  if (players.length < 2) throw new RangeError(`a Swiss round needs at least 2 players, got ${players.length}`);
  const ranked = [...players].sort(byRank);
  let bye: SwissPlayer | null = null;
  if (ranked.length % 2 === 1) {
    bye = [...ranked].reverse().find((p) => !p.hadBye) ?? ranked.at(-1)!;
    ranked.splice(ranked.indexOf(bye), 1);
  }
  const line = preferenceLine(ranked);
  const opponents = new Map(ranked.map((p) => [p.id, new Set(p.opponents)]));
  const met = (a: SwissPlayer, b: SwissPlayer) => opponents.get(a.id)!.has(b.id) || opponents.get(b.id)!.has(a.id);

  const m = line.length;
  const maxScoreGap = line.length ? line[0]!.score - line.at(-1)!.score : 0;
  const distanceUnit = m + 1; // a score gap outweighs any distance on the line
  const maxPenalty = (maxScoreGap * 2) ** 2 * distanceUnit * (m / 2 + 1) + m;
  const penalty = (i: number, j: number) => ((line[i]!.score - line[j]!.score) * 2) ** 2 * distanceUnit * (m / 2 + 1) + (j - i - 1);
  const fresh = (i: number, j: number) => maxPenalty * (m / 2 + 1) + 2 - penalty(i, j);

  // Rematch-free pairs near each other on the line first, in widening windows; then every pair.
  let mate: number[] = [];
  for (const window of [24, 96]) {
    const near: [number, number, number][] = [];
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < Math.min(m, i + 1 + window); j++) if (!met(line[i]!, line[j]!)) near.push([i, j, fresh(i, j)]);
    }
    mate = match(near, m);
    if (!mate.includes(-1) || window >= m) break;
  }
  if (mate.includes(-1)) {
    const every: [number, number, number][] = [];
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) every.push([i, j, met(line[i]!, line[j]!) ? 1 : fresh(i, j)]);
    mate = match(every, m);
  }
  const pairs: [string, string][] = [];
  let rematches = 0;
  for (let i = 0; i < m; i++) {
    const j = mate[i]!;
    if (j <= i) continue;
    const [a, b] = byRank(line[i]!, line[j]!) <= 0 ? [line[i]!, line[j]!] : [line[j]!, line[i]!];
    pairs.push([a.id, b.id]);
    if (met(a, b)) rematches++;
  }
  const rank = new Map(ranked.map((p, i) => [p.id, i]));
  pairs.sort((x, y) => rank.get(x[0])! - rank.get(y[0])!);
  return { pairs, bye: bye?.id ?? null, rematches };
}

/**
 * Ranked players ordered so that the preferred opponent is the neighbour: each score group's top
 * half interleaved with its bottom half (`1, g/2+1, 2, g/2+2, …`), an odd group's lowest player last,
 * next to the following group's top.
 */
function preferenceLine(ranked: readonly SwissPlayer[]): SwissPlayer[] {
  const line: SwissPlayer[] = [];
  for (let start = 0; start < ranked.length; ) {
    let end = start;
    while (end < ranked.length && ranked[end]!.score === ranked[start]!.score) end++;
    const group = ranked.slice(start, end);
    const half = Math.floor(group.length / 2);
    for (let i = 0; i < half; i++) line.push(group[i]!, group[half + i]!);
    if (group.length % 2 === 1) line.push(group.at(-1)!);
    start = end;
  }
  return line;
}

function match(edges: [number, number, number][], vertices: number): number[] {
  const mate = edges.length ? maximumWeightMatching(edges, true) : [];
  return Array.from({ length: vertices }, (_, i) => mate[i] ?? -1);
}

/** One finished Swiss game: `winner` null for a draw; `black` null for a bye. */
export interface SwissGame {
  white: string;
  black: string | null;
  winner: string | null;
}

export interface SwissStanding {
  id: string;
  score: number;
  /** The sum of the opponents' scores (a bye adds nothing). */
  buchholz: number;
  /** The sum of the scores of opponents beaten, plus half of those drawn. */
  sonnebornBerger: number;
  /** 1-based. */
  place: number;
}

/**
 * Swiss standings: score, then Buchholz, then Sonneborn-Berger, then seed. A win and a bye score 1,
 * a draw ½.
 */
export function swissStandings(players: readonly { id: string; seed: number }[], games: readonly SwissGame[]): SwissStanding[] {
  const score = new Map(players.map((p) => [p.id, 0]));
  const add = (id: string, points: number) => score.set(id, (score.get(id) ?? 0) + points);
  for (const g of games) {
    if (g.black === null) add(g.white, 1);
    else if (g.winner === null) {
      add(g.white, 0.5);
      add(g.black, 0.5);
    } else add(g.winner, 1);
  }
  const buchholz = new Map(players.map((p) => [p.id, 0]));
  const sb = new Map(players.map((p) => [p.id, 0]));
  for (const g of games) {
    if (g.black === null) continue;
    const [w, b] = [g.white, g.black];
    buchholz.set(w, buchholz.get(w)! + score.get(b)!);
    buchholz.set(b, buchholz.get(b)! + score.get(w)!);
    if (g.winner === null) {
      sb.set(w, sb.get(w)! + score.get(b)! / 2);
      sb.set(b, sb.get(b)! + score.get(w)! / 2);
    } else {
      const loser = g.winner === w ? b : w;
      sb.set(g.winner, sb.get(g.winner)! + score.get(loser)!);
    }
  }
  const seed = new Map(players.map((p) => [p.id, p.seed]));
  return players
    .map((p) => ({ id: p.id, score: score.get(p.id)!, buchholz: buchholz.get(p.id)!, sonnebornBerger: sb.get(p.id)! }))
    .sort((a, b) => b.score - a.score || b.buchholz - a.buchholz || b.sonnebornBerger - a.sonnebornBerger || seed.get(a.id)! - seed.get(b.id)!)
    .map((s, i) => ({ ...s, place: i + 1 }));
}

/** Rounds for `auto`: enough for one unbeaten winner, ⌈log2 n⌉. */
export const automaticSwissRounds = (players: number): number => Math.max(1, Math.ceil(Math.log2(players)));
