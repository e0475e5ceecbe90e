/**
 * The level curve: reaching level L takes 100·(L−1)² XP in total, so each level asks a little
 * more than the last (level 2 at 100 XP, 3 at 400, 5 at 1,600, 10 at 8,100, 50 at 240,100).
 */
export const MAX_LEVEL = 100;

export function xpForLevel(level: number): number {
  return 100 * (Math.min(Math.max(level, 1), MAX_LEVEL) - 1) ** 2;
}

export function levelForXp(xp: number): number {
  if (xp <= 0) return 1;
  const level = Math.floor(Math.sqrt(xp / 100)) + 1;
  return Math.min(level, MAX_LEVEL);
}

/** Where a player stands on the curve. */
export function levelProgress(xp: number): { level: number; xpIntoLevel: number; xpForNextLevel: number | null } {
  const level = levelForXp(xp);
  if (level >= MAX_LEVEL) return { level, xpIntoLevel: xp - xpForLevel(level), xpForNextLevel: null };
  return { level, xpIntoLevel: xp - xpForLevel(level), xpForNextLevel: xpForLevel(level + 1) - xpForLevel(level) };
}
