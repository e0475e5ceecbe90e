/**
 * The domain events services exchange on the bus: the contract between producers and consumers.
 * Add a type here before producing it; payloads only grow (new optional fields), never change shape.
 */
export interface DomainEventPayloads {
  /** A player created an account. */
  'user.registered': { userId: string; username: string; registeredAt: string };
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
