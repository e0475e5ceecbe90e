import { BYE, isBye, type BracketMatch, type BracketSide, type Source } from './types.js';

interface RawMatch {
  key: string;
  side: BracketSide;
  round: number;
  players: [Source, Source];
  conditional?: boolean;
}

/**
 * Drops the matches a bye decides: a player facing a bye goes straight on (references to the
 * match's winner become that player's source, to its loser a bye), two byes make a bye. Then
 * numbers the remaining rounds and positions contiguously and keys them by those numbers. `raw` must list every match after the
 * matches it refers to.
 */
export function resolveByes(raw: readonly RawMatch[]): BracketMatch[] {
  const decided = new Map<string, { winner: Source; loser: Source }>();
  const resolve = (s: Source): Source => {
    if ('winnerOf' in s) return decided.get(s.winnerOf)?.winner ?? s;
    if ('loserOf' in s) return decided.get(s.loserOf)?.loser ?? s;
    return s;
  };
  const kept: RawMatch[] = [];
  for (const match of raw) {
    const [a, b] = match.players.map(resolve) as [Source, Source];
    if (isBye(a) || isBye(b)) decided.set(match.key, { winner: isBye(a) ? b : a, loser: BYE });
    else kept.push({ ...match, players: [a, b] });
  }
  const rounds = new Map<BracketSide, number[]>();
  for (const m of kept) rounds.set(m.side, [...(rounds.get(m.side) ?? []), m.round]);
  const positions = new Map<string, number>();
  const renamed = new Map<string, string>();
  const numbered = kept.map((m) => {
    const distinct = [...new Set(rounds.get(m.side))].sort((x, y) => x - y);
    const round = distinct.indexOf(m.round) + 1;
    const slot = `${m.side}:${round}`;
    const position = (positions.get(slot) ?? 0) + 1;
    positions.set(slot, position);
    const key = PREFIX[m.side] === undefined ? m.key : `${PREFIX[m.side]}${round}-${position}`;
    renamed.set(m.key, key);
    return { ...m, key, round, position };
  });
  const rename = (s: Source): Source =>
    'winnerOf' in s ? { winnerOf: renamed.get(s.winnerOf)! } : 'loserOf' in s ? { loserOf: renamed.get(s.loserOf)! } : s;
  return numbered.map((m) => ({ ...m, players: [rename(m.players[0]), rename(m.players[1])] }));
}

/** Matches renamed after their final round and position; the others (`GF1`, `3P`) keep their key. */
const PREFIX: Partial<Record<BracketSide, string>> = { WINNERS: 'W', LOSERS: 'L' };
