import type { AchievementDefinition } from './catalog.js';

export type NotificationPriority = 'LOW' | 'MEDIUM' | 'HIGH';

const RANK = { COMMON: 0, UNCOMMON: 1, RARE: 2, EPIC: 3, LEGENDARY: 4 } as const satisfies Record<AchievementDefinition['rarity'], number>;

/** The brief's mapping: LEGENDARY → HIGH, EPIC → MEDIUM, everything else LOW. */
export function priorityFor(rarity: AchievementDefinition['rarity']): NotificationPriority {
  if (rarity === 'LEGENDARY') return 'HIGH';
  if (rarity === 'EPIC') return 'MEDIUM';
  return 'LOW';
}

/** Unlocks of RARE and above also go out as a push through the webhook. */
export const pushesFor = (rarity: AchievementDefinition['rarity']): boolean => RANK[rarity] >= RANK.RARE;

/** The inbox text for an unlock. Hidden achievements are revealed to their owner, so the real name is used. */
export function unlockNotification(definition: Pick<AchievementDefinition, 'name' | 'description' | 'rarity'>): {
  priority: NotificationPriority;
  title: string;
  body: string;
} {
  return {
    priority: priorityFor(definition.rarity),
    title: `Achievement unlocked: ${definition.name}`,
    body: definition.description,
  };
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** The inbox text for a finished tournament (from tournaments' `tournament.completed`). */
export function tournamentNotification(result: { name?: string; placement: number; prize?: number }): { priority: NotificationPriority; title: string; body: string } {
  const prize = result.prize ?? 0;
  return {
    priority: result.placement === 1 ? 'HIGH' : prize > 0 ? 'MEDIUM' : 'LOW',
    title: `${result.name ?? 'Your tournament'} is over: you placed ${ordinal(result.placement)}`,
    body: prize > 0 ? `You won ${prize.toLocaleString('en')} coins; they are in your wallet.` : 'Thanks for playing.',
  };
}
