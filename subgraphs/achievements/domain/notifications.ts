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
