import { BadUserInputError, DomainError, ErrorCode } from '../../../../platform/errors.js';

/**
 * A ladder: players ranked top (index 0) to bottom. A player may challenge anyone up to `range`
 * places above them; a challenger who wins takes the defender's place and everyone from there down
 * to the challenger's old place moves down one. A defender who wins keeps the ladder as it was.
 */
export type Ladder = readonly string[];

/** Why `challenger` may not challenge `defender`, or null when they may. */
export function challengeRefusal(ladder: Ladder, challenger: string, defender: string, range: number): 'NOT_ON_LADDER' | 'NOT_ABOVE' | 'OUT_OF_RANGE' | null {
  const from = ladder.indexOf(challenger);
  const to = ladder.indexOf(defender);
  if (from < 0 || to < 0) return 'NOT_ON_LADDER';
  if (to >= from) return 'NOT_ABOVE';
  if (from - to > range) return 'OUT_OF_RANGE';
  return null;
}

export function assertCanChallenge(ladder: Ladder, challenger: string, defender: string, range: number): void {
  const refusal = challengeRefusal(ladder, challenger, defender, range);
  if (refusal === 'NOT_ON_LADDER') throw new BadUserInputError('Both players must be on the ladder.', 'defenderId');
  if (refusal === 'NOT_ABOVE') throw new DomainError(ErrorCode.CONFLICT, 'You can only challenge players ranked above you.', { field: 'defenderId', reason: refusal });
  if (refusal === 'OUT_OF_RANGE') throw new DomainError(ErrorCode.CONFLICT, `You can challenge at most ${range} places above you.`, { field: 'defenderId', reason: refusal, range });
}

/** The ladder after a challenge `winner` won (the challenge must be allowed). */
export function afterChallenge(ladder: Ladder, challenger: string, defender: string, winner: string): string[] {
  const next = [...ladder];
  if (winner !== challenger) return next;
  const from = next.indexOf(challenger);
  const to = next.indexOf(defender);
  next.splice(from, 1);
  next.splice(to, 0, challenger);
  return next;
}

/** A decided challenge, in the order the results came. */
export interface DecidedChallenge {
  challenger: string;
  defender: string;
  winner: string;
}

/** The ladder now: the seeds' order (top seed on top) with every decided challenge applied in order. */
export function ladderAfter(seeds: readonly string[], decided: readonly DecidedChallenge[]): string[] {
  let ladder = [...seeds];
  for (const c of decided) ladder = afterChallenge(ladder, c.challenger, c.defender, c.winner);
  return ladder;
}

/** A ladder challenge's match key: `LD<n>`, the n-th challenge of the tournament. */
export const ladderMatchKey = (n: number) => `LD${n}`;

/** The ladder's decided challenges among a tournament's matches, in the order their results came. */
export function decidedChallenges(
  matches: readonly { side: string; status: string; playerA: string | null; playerB: string | null; winnerId: string | null; completedAt: Date | null; round: number }[],
): DecidedChallenge[] {
  return matches
    .filter((m) => m.side === 'LADDER' && m.status === 'COMPLETED' && m.playerA && m.playerB && m.winnerId)
    .sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0) || a.round - b.round)
    .map((m) => ({ challenger: m.playerA!, defender: m.playerB!, winner: m.winnerId! }));
}
