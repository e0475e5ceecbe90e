import { Counter, Gauge, type Registry } from 'prom-client';

export interface PresenceMetrics {
  /** Players coming online (`online="true"`) and going offline (`online="false"`) in a room. */
  transitions: Counter<'online'>;
  typingEvents: Counter<'typing'>;
}

/**
 * Presence metrics: transitions and typing events counted by the replica that made them, and the
 * players online across every room, read from Redis when /metrics is scraped (the same on every
 * replica).
 */
export function createPresenceMetrics(registry: Registry, online: () => Promise<number>): PresenceMetrics {
  new Gauge({
    name: 'social_presence_online',
    help: 'Players online in chat rooms, one per player per room (counting those expired in the last sweep interval)',
    registers: [registry],
    async collect() {
      this.set(await online());
    },
  });
  return {
    transitions: new Counter({
      name: 'social_presence_transitions_total',
      help: 'Players coming online (online="true") or going offline (online="false") in a chat room',
      labelNames: ['online'],
      registers: [registry],
    }),
    typingEvents: new Counter({
      name: 'social_typing_events_total',
      help: 'Typing indicators sent (typing="true") or ended (typing="false"); coalesced calls are not counted',
      labelNames: ['typing'],
      registers: [registry],
    }),
  };
}
