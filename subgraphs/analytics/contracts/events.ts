// The domain events the analytics subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A play session ended (reported to analytics). */
    'session.completed': { sessionId: string; userId: string; durationMinutes: number; endedAt: string };
  }
}

export {};
