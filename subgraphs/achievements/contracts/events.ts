// The domain events the achievements subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A player unlocked an achievement; users credits `rewards` once (idempotency key `achievement:<userId>:<achievementId>`). */
    'achievement.unlocked': AchievementUnlocked;
  }
}

export interface AchievementUnlocked {
  userId: string;
  achievementId: string;
  rarity: string;
  category: string;
  rewards: AchievementRewardPayload[];
  unlockedAt: string;
}

/** One reward of an unlocked achievement, as the catalog states it. */
export type AchievementRewardPayload =
  | { kind: 'XP'; amount: number }
  | { kind: 'PREMIUM_CURRENCY'; amount: number }
  | { kind: 'EXCLUSIVE_ITEM'; itemId: string };
