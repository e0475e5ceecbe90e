import { describe, expect, it } from 'vitest';
import type { DomainEvent, DomainEventPayloads, DomainEventType } from '../../../platform/events/types.js';
import { readCatalogFile } from '../services/catalog.service.js';
import { achievementEventsOf, BUS_EVENT_MAPPINGS } from './bus-events.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const AT = '2026-11-28T12:00:00.000Z';
const ID = '33333333-3333-4333-8333-333333333333';
const domainEvent = <T extends DomainEventType>(type: T, payload: DomainEventPayloads[T]): DomainEvent =>
  ({ id: ID, type, producer: 'test', occurredAt: AT, payload });

describe('domain events → achievement events', () => {
  it.each<[DomainEvent, { userId: string; type: string; data: Record<string, unknown> }[]]>([
    [domainEvent('user.leveled_up', { userId: A, level: 10, previousLevel: 9, leveledUpAt: AT }), [{ userId: A, type: 'LEVEL_UP', data: { level: 10, previousLevel: 9 } }]],
    [
      domainEvent('chat.message_sent', { messageId: 'm', roomId: 'r', authorId: A, sentAt: AT }),
      [{ userId: A, type: 'SOCIAL_INTERACTION', data: { kind: 'chat', roomId: 'r' } }],
    ],
    [domainEvent('guild.created', { guildId: 'g', founderId: A, createdAt: AT }), [{ userId: A, type: 'GUILD_CREATED', data: { guildId: 'g' } }]],
    [domainEvent('guild.member_joined', { guildId: 'g', userId: A, joinedAt: AT }), [{ userId: A, type: 'GUILD_JOINED', data: { guildId: 'g' } }]],
    [
      domainEvent('guild.contribution_made', { guildId: 'g', userId: A, amount: 250, contributedAt: AT }),
      [{ userId: A, type: 'GUILD_CONTRIBUTION', data: { guildId: 'g', amount: 250 } }],
    ],
    [
      domainEvent('tournament.match_won', { tournamentId: 't', matchId: 'm', winnerId: A, round: 2, wonAt: AT }),
      [{ userId: A, type: 'TOURNAMENT_MATCH_WON', data: { tournamentId: 't', round: 2 } }],
    ],
    [
      domainEvent('session.completed', { sessionId: 's', userId: A, durationMinutes: 45, endedAt: AT }),
      [{ userId: A, type: 'SESSION_COMPLETED', data: { durationMinutes: 45 } }],
    ],
  ])('maps %o', (event, expected) => {
    const mapped = achievementEventsOf(event);
    expect(mapped.map(({ userId, type, data }) => ({ userId, type, data }))).toEqual(expected);
    // One player: the domain event's id, so a redelivery is the same achievement event.
    expect(mapped.map((e) => e.id)).toEqual([ID]);
    expect(mapped.every((e) => e.occurredAt.toISOString() === AT)).toBe(true);
  });

  it('gives each player of a multi-player event their own event, with a stable id', () => {
    const mapped = achievementEventsOf(
      domainEvent('tournament.completed', { tournamentId: 't', placements: [{ userId: A, placement: 1 }, { userId: B, placement: 2 }], completedAt: AT }),
    );
    expect(mapped).toEqual([
      { id: `${ID}:${A}`, userId: A, type: 'TOURNAMENT_COMPLETED', data: { tournamentId: 't', placement: 1 }, occurredAt: new Date(AT) },
      { id: `${ID}:${B}`, userId: B, type: 'TOURNAMENT_COMPLETED', data: { tournamentId: 't', placement: 2 }, occurredAt: new Date(AT) },
    ]);
    const war = achievementEventsOf(domainEvent('guild.war_won', { guildId: 'g', warId: 'w', memberIds: [A, B], wonAt: AT }));
    expect(war.map((e) => [e.id, e.userId, e.type])).toEqual([
      [`${ID}:${A}`, A, 'GUILD_WAR_WON'],
      [`${ID}:${B}`, B, 'GUILD_WAR_WON'],
    ]);
  });

  it('ignores domain events that are not about achievements', () => {
    expect(achievementEventsOf(domainEvent('user.blocked', { blockerId: A, blockedId: B, blockedAt: AT }))).toEqual([]);
  });

  it('covers every mapping above, and each produces only event types the catalog declares', () => {
    const declared = new Set(readCatalogFile().eventTypes);
    const samples = [
      domainEvent('user.leveled_up', { userId: A, level: 2, previousLevel: 1, leveledUpAt: AT }),
      domainEvent('chat.message_sent', { messageId: 'm', roomId: 'r', authorId: A, sentAt: AT }),
      domainEvent('guild.created', { guildId: 'g', founderId: A, createdAt: AT }),
      domainEvent('guild.member_joined', { guildId: 'g', userId: A, joinedAt: AT }),
      domainEvent('guild.contribution_made', { guildId: 'g', userId: A, amount: 1, contributedAt: AT }),
      domainEvent('guild.war_won', { guildId: 'g', warId: 'w', memberIds: [A], wonAt: AT }),
      domainEvent('tournament.match_won', { tournamentId: 't', matchId: 'm', winnerId: A, round: 1, wonAt: AT }),
      domainEvent('tournament.completed', { tournamentId: 't', placements: [{ userId: A, placement: 1 }], completedAt: AT }),
      domainEvent('session.completed', { sessionId: 's', userId: A, durationMinutes: 1, endedAt: AT }),
    ];
    expect(samples.map((e) => e.type).sort()).toEqual(Object.keys(BUS_EVENT_MAPPINGS).sort());
    for (const sample of samples) {
      const mapped = achievementEventsOf(sample);
      expect(mapped).toHaveLength(1);
      expect(declared.has(mapped[0]!.type), `${sample.type} → ${mapped[0]!.type}`).toBe(true);
    }
  });
});
