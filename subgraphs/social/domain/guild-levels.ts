import { BadUserInputError } from '../../../platform/errors.js';

/**
 * Guild levels: the XP a guild needs to reach each level, and the seats it adds. Index 0 is
 * level 1. A guild's XP is the coins its members contributed, one XP per coin.
 */
export const GUILD_LEVELS: readonly { level: number; xp: number; extraMembers: number }[] = [
  { level: 1, xp: 0, extraMembers: 0 },
  { level: 2, xp: 1_000, extraMembers: 5 },
  { level: 3, xp: 3_000, extraMembers: 10 },
  { level: 4, xp: 6_000, extraMembers: 15 },
  { level: 5, xp: 10_000, extraMembers: 20 },
  { level: 6, xp: 15_000, extraMembers: 25 },
  { level: 7, xp: 21_000, extraMembers: 30 },
  { level: 8, xp: 28_000, extraMembers: 35 },
  { level: 9, xp: 36_000, extraMembers: 40 },
  { level: 10, xp: 45_000, extraMembers: 50 },
];
export const GUILD_MAX_LEVEL = GUILD_LEVELS.length;

/** The most coins one contribution may carry. */
export const MAX_CONTRIBUTION = 1_000_000;

/** XP a contribution earns its guild: one per coin. */
export const contributionXp = (coins: number): number => coins;

/** The level a guild with this much XP has reached. */
export function guildLevelFor(xp: bigint | number): number {
  const total = Number(xp);
  let level = 1;
  for (const step of GUILD_LEVELS) if (total >= step.xp) level = step.level;
  return level;
}

/** The XP the next level needs, or null at the last one. */
export const xpForNextLevel = (level: number): number | null => GUILD_LEVELS[level]?.xp ?? null;

/** The most members a guild of this level holds, from the configured base. */
export const maxMembersAt = (level: number, base: number): number => base + (GUILD_LEVELS[level - 1]?.extraMembers ?? 0);

/** A contribution: 1 to 1,000,000 coins. */
export function validateContribution(coins: number): number {
  if (!Number.isInteger(coins) || coins < 1 || coins > MAX_CONTRIBUTION) throw new BadUserInputError(`A contribution is 1–${MAX_CONTRIBUTION.toLocaleString('en')} coins.`, 'coins');
  return coins;
}

/** A client's key for one contribution: 8–100 letters, digits, `-`, `_`, `:`, `.`. */
export function validateRequestKey(key: string): string {
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) throw new BadUserInputError('requestKey is 8–100 letters, digits, "-", "_", ":" or ".".', 'requestKey');
  return key;
}
