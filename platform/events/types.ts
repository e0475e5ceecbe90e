/**
 * The domain events services exchange on the bus, by type. Empty here: the platform holds the
 * mechanism only. Each producing subgraph declares its events in `subgraphs/<name>/contracts/events.ts`
 * by augmenting this interface, and consumers import their payload types from there.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEventPayloads {}

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
