// The domain events the users subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A player created an account. */
    'user.registered': UserRegistered;
    /** A player changed their public profile; `changed` names the fields. */
    'user.profile_updated': UserProfileUpdated;
    /** A player's XP crossed one or more level thresholds. */
    'user.leveled_up': UserLeveledUp;
    /** A player blocked another: the blocked player may no longer invite, message or see the blocker's presence. */
    'user.blocked': UserBlocked;
    /** A player lifted their block of another (the other player's own block of them, if any, stands). */
    'user.unblocked': UserUnblocked;
    /** An admin changed a player's role (their tokens carry the old one until they expire). */
    'user.role_changed': UserRoleChanged;
  }
}

export interface UserRegistered {
  userId: string;
  username: string;
  /** The name shown to other players (absent in events before it was added: the username). */
  displayName?: string;
  registeredAt: string;
  /** IANA timezone (absent in events before it was added: UTC). */
  timezone?: string;
}

export interface UserProfileUpdated {
  userId: string;
  changed: string[];
  updatedAt: string;
  /** The new timezone, when `changed` includes it. */
  timezone?: string;
  /** The new display name, when `changed` includes it (absent in events before it was added). */
  displayName?: string;
}

export interface UserLeveledUp {
  userId: string;
  level: number;
  previousLevel: number;
  leveledUpAt: string;
}

export interface UserBlocked {
  blockerId: string;
  blockedId: string;
  blockedAt: string;
}

export interface UserUnblocked {
  blockerId: string;
  blockedId: string;
  unblockedAt: string;
}

export interface UserRoleChanged {
  userId: string;
  role: 'PLAYER' | 'MODERATOR' | 'ORGANIZER' | 'ADMIN';
  changedAt: string;
}
