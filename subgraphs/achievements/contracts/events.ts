// The domain events the achievements subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A player unlocked an achievement; users credits `rewards` once (idempotency key `achievement:<userId>:<achievementId>`). */
    'achievement.unlocked': AchievementUnlocked;
    /**
     * A game server reported one of GAME_EVENTS_ON_THE_BUS for a player (`recordGameEvent(s)`),
     * once per event id (a repeated report is a duplicate and is not announced again).
     */
    'game.event_reported': GameEventReported;
  }
}

/** The game events other subgraphs hear of (guild wars score them); the others stay in achievements. */
export const GAME_EVENTS_ON_THE_BUS: ReadonlySet<string> = new Set(['COMBAT_WON', 'QUEST_COMPLETED']);

export interface GameEventReported {
  /** The game server's event id. */
  eventId: string;
  userId: string;
  /** One of GAME_EVENTS_ON_THE_BUS. */
  type: string;
  occurredAt: string;
}

export interface AchievementUnlocked {
  userId: string;
  achievementId: string;
  rarity: string;
  category: string;
  rewards: AchievementRewardPayload[];
  unlockedAt: string;
  /** The achievement's points (absent in events recorded before they were added). */
  points?: number;
}

/** One reward of an unlocked achievement, as the catalog states it. */
export type AchievementRewardPayload =
  | { kind: 'XP'; amount: number }
  | { kind: 'PREMIUM_CURRENCY'; amount: number }
  | { kind: 'EXCLUSIVE_ITEM'; itemId: string };
