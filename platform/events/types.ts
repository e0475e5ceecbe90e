/**
 * The domain events services exchange on the bus: the contract between producers and consumers.
 * Add a type here before producing it; payloads only grow (new optional fields), never change shape.
 */
export interface DomainEventPayloads {
  /** A player created an account. */
  'user.registered': { userId: string; username: string; registeredAt: string; /** IANA timezone (absent in events before it was added: UTC). */ timezone?: string };
  /** A player changed their public profile; `changed` names the fields. */
  'user.profile_updated': { userId: string; changed: string[]; updatedAt: string; /** The new timezone, when `changed` includes it. */ timezone?: string };
  /** A player's XP crossed one or more level thresholds. */
  'user.leveled_up': { userId: string; level: number; previousLevel: number; leveledUpAt: string };
  /** A player blocked another: the blocked player may no longer invite, message or see the blocker's presence. */
  'user.blocked': { blockerId: string; blockedId: string; blockedAt: string };

  /** A player unlocked an achievement; users credits `rewards` once (idempotency key `achievement:<userId>:<achievementId>`). */
  'achievement.unlocked': {
    userId: string;
    achievementId: string;
    rarity: string;
    category: string;
    rewards: AchievementRewardPayload[];
    unlockedAt: string;
  };

  /** A player posted a chat message. */
  'chat.message_sent': { messageId: string; roomId: string; authorId: string; sentAt: string };
  /** A player founded a guild. */
  'guild.created': { guildId: string; founderId: string; createdAt: string };
  /** A player joined a guild. */
  'guild.member_joined': { guildId: string; userId: string; joinedAt: string };
  /** A player contributed to their guild's treasury. */
  'guild.contribution_made': { guildId: string; userId: string; amount: number; contributedAt: string };
  /** A guild won a war; `memberIds` are the members who fought in it. */
  'guild.war_won': { guildId: string; warId: string; memberIds: string[]; wonAt: string };
  /** A player won a tournament match. */
  'tournament.match_won': { tournamentId: string; matchId: string; winnerId: string; round: number; wonAt: string };
  /** A tournament ended; `placements` gives each participant's final place (1 = winner). */
  'tournament.completed': { tournamentId: string; placements: { userId: string; placement: number }[]; completedAt: string };
  /** A play session ended (reported to analytics). */
  'session.completed': { sessionId: string; userId: string; durationMinutes: number; endedAt: string };
}

/** One reward of an unlocked achievement, as the catalog states it. */
export type AchievementRewardPayload =
  | { kind: 'XP'; amount: number }
  | { kind: 'PREMIUM_CURRENCY'; amount: number }
  | { kind: 'EXCLUSIVE_ITEM'; itemId: string };

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Unique per event; consumers use it to apply each event once. */
  id: string;
  type: T;
  /** The service that produced it. */
  producer: string;
  occurredAt: string;
  payload: DomainEventPayloads[T];
}

/** The Redis stream every domain event is published to. */
export const DOMAIN_EVENTS_STREAM = 'domain-events';
