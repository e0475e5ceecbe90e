/**
 * The domain events services exchange on the bus: the contract between producers and consumers.
 * Add a type here before producing it; payloads only grow (new optional fields), never change shape.
 */
export interface DomainEventPayloads {
  /** A player created an account. */
  'user.registered': { userId: string; username: string; registeredAt: string };
  /** A player changed their public profile; `changed` names the fields. */
  'user.profile_updated': { userId: string; changed: string[]; updatedAt: string };
  /** A player's XP crossed one or more level thresholds. */
  'user.leveled_up': { userId: string; level: number; previousLevel: number; leveledUpAt: string };
  /** A player blocked another: the blocked player may no longer invite, message or see the blocker's presence. */
  'user.blocked': { blockerId: string; blockedId: string; blockedAt: string };
}

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
