import type { DomainEvent, DomainEventType } from '../../../platform/events/types.js';
import type { ValidGameEvent } from './game-events.js';

/**
 * How other subgraphs' domain events become achievement events. Ids derive from the domain
 * event's id (plus the player, when one event concerns several), so a redelivered domain event
 * maps to the same achievement events and the event store recognises them.
 */
export type BusEventType = Extract<
  DomainEventType,
  | 'user.leveled_up'
  | 'chat.message_sent'
  | 'guild.created'
  | 'guild.member_joined'
  | 'guild.contribution_made'
  | 'guild.war_won'
  | 'tournament.match_won'
  | 'tournament.completed'
  | 'session.completed'
>;

const one = (event: DomainEvent, userId: string, type: string, data: Record<string, unknown>, at: string): ValidGameEvent[] => [
  { id: event.id, userId, type, data, occurredAt: new Date(at) },
];
const each = (event: DomainEvent, rows: { userId: string; data: Record<string, unknown> }[], type: string, at: string): ValidGameEvent[] =>
  rows.map(({ userId, data }) => ({ id: `${event.id}:${userId}`, userId, type, data, occurredAt: new Date(at) }));

export const BUS_EVENT_MAPPINGS: { [T in BusEventType]: (event: DomainEvent<T>) => ValidGameEvent[] } = {
  'user.leveled_up': (e) => one(e, e.payload.userId, 'LEVEL_UP', { level: e.payload.level, previousLevel: e.payload.previousLevel }, e.payload.leveledUpAt),
  'chat.message_sent': (e) => one(e, e.payload.authorId, 'SOCIAL_INTERACTION', { kind: 'chat', roomId: e.payload.roomId }, e.payload.sentAt),
  'guild.created': (e) => one(e, e.payload.founderId, 'GUILD_CREATED', { guildId: e.payload.guildId }, e.payload.createdAt),
  'guild.member_joined': (e) => one(e, e.payload.userId, 'GUILD_JOINED', { guildId: e.payload.guildId }, e.payload.joinedAt),
  'guild.contribution_made': (e) =>
    one(e, e.payload.userId, 'GUILD_CONTRIBUTION', { guildId: e.payload.guildId, amount: e.payload.amount }, e.payload.contributedAt),
  'guild.war_won': (e) =>
    each(e, e.payload.memberIds.map((userId) => ({ userId, data: { guildId: e.payload.guildId, warId: e.payload.warId } })), 'GUILD_WAR_WON', e.payload.wonAt),
  'tournament.match_won': (e) =>
    one(e, e.payload.winnerId, 'TOURNAMENT_MATCH_WON', { tournamentId: e.payload.tournamentId, round: e.payload.round }, e.payload.wonAt),
  'tournament.completed': (e) =>
    each(
      e,
      e.payload.placements.map(({ userId, placement, prize }) => ({ userId, data: { tournamentId: e.payload.tournamentId, placement, ...(prize === undefined ? {} : { prize }) } })),
      'TOURNAMENT_COMPLETED',
      e.payload.completedAt,
    ),
  'session.completed': (e) => one(e, e.payload.userId, 'SESSION_COMPLETED', { durationMinutes: e.payload.durationMinutes }, e.payload.endedAt),
};

/** The achievement events a domain event stands for (none for types this subgraph ignores). */
export function achievementEventsOf(event: DomainEvent): ValidGameEvent[] {
  const map = BUS_EVENT_MAPPINGS[event.type as BusEventType] as ((e: DomainEvent) => ValidGameEvent[]) | undefined;
  return map ? map(event) : [];
}
