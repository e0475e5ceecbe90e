/**
 * A prize pool's coins: the fixed amount plus `feeSharePercent` of the entry fees collected,
 * rounded down (the pool never pays out more than it holds).
 */
export function prizePoolTotal(pool: { fixed: number; feeSharePercent: number }, feesCollected: number): number {
  return pool.fixed + Math.floor((feesCollected * pool.feeSharePercent) / 100);
}

/**
 * Each place's prize: `distribution[i]` percent of the pool for place i + 1, rounded down, the
 * coins rounding leaves over added to first place so the whole pool is paid. Places the
 * distribution names but nobody reached (fewer players than places) are not paid: their share
 * stays unpaid rather than inflating the others. Places beyond the distribution win 0.
 */
export function prizesByPlace(total: number, distribution: readonly number[], players: number): number[] {
  const prizes = Array.from({ length: players }, (_, i) => Math.floor((total * (distribution[i] ?? 0)) / 100));
  const paidShares = distribution.slice(0, players).reduce((sum, p) => sum + p, 0);
  const owed = Math.floor((total * paidShares) / 100);
  const leftover = owed - prizes.reduce((sum, p) => sum + p, 0);
  if (players > 0) prizes[0]! += leftover;
  return prizes;
}

/** The wallet key of a player's prize: the users subgraph applies it once, however often it is sent. */
export const prizeKey = (tournamentId: string, userId: string) => `tournament:${tournamentId}:prize:${userId}`;
