/** The smallest power of two that holds `n` players. */
export function bracketSize(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/**
 * Seeds in bracket order for a power-of-two bracket: neighbours meet in round one, seed 1 meets
 * the lowest seed, and seeds 1 and 2 can meet only in the final (`[1, 8, 4, 5, 2, 7, 3, 6]` for 8).
 */
export function standardSeedOrder(size: number): number[] {
  if (size < 1 || (size & (size - 1)) !== 0) throw new RangeError(`bracket size must be a power of two, got ${size}`);
  let order = [1];
  while (order.length < size) {
    const next = order.length * 2 + 1;
    order = order.flatMap((seed) => [seed, next - seed]);
  }
  return order;
}

/** A player as seeding sees them. */
export interface Entrant {
  id: string;
  rating: number;
  /** Earlier sign-up seeds higher among equal ratings. */
  registeredAt: Date;
}

/** Players in seed order: highest rating first; equal ratings by sign-up time, then id. */
export function seedByRating<T extends Entrant>(players: readonly T[]): T[] {
  return [...players].sort(
    (a, b) => b.rating - a.rating || a.registeredAt.getTime() - b.registeredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
