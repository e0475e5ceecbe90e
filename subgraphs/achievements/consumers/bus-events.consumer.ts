import { randomUUID } from 'node:crypto';
import type { Sql } from '../../../platform/db/index.js';
import type { EventBatchHandlers, EventHandlers } from '../../../platform/events/consumer.js';
import type { DomainEvent } from '../../../platform/events/types.js';
import type { SubgraphConsumer } from '../../../platform/subgraph/define.js';
import type { SqlWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { notificationAdded } from '../contracts/live.js';
import { achievementEventsOf, BUS_EVENT_MAPPINGS } from '../domain/bus-events.js';
import { tournamentNotification, warDeclaredNotifications } from '../domain/notifications.js';
import { validTimezone } from '../domain/rules.js';
import type { BatchRecorder } from '../services/record-batch.service.js';
import type { NotificationsStore } from '../store/notifications.store.js';
import type { ProgressStore } from '../store/progress.store.js';

/** Only a profile change that sets the timezone concerns achievements; the others are acked without a transaction. */
export const busEventsWanted = (event: DomainEvent): boolean =>
  event.type !== 'user.profile_updated' || Boolean((event as DomainEvent<'user.profile_updated'>).payload?.timezone);

/**
 * How the bus feeds achievements. Each handler runs in the consumer's transaction, which also
 * records the domain event as handled; the achievement events it stands for are appended in that
 * same transaction (their ids derive from the domain event's), so a redelivery has no effect.
 * What they publish goes out once the consumer's transaction has committed. The handlers write
 * only SQL, so the consumer runs on the raw SQL port (`port: 'sql'`), as game servers' batches do:
 * every chat message is an event here, and Prisma's runtime was most of this consumer's CPU.
 */
export function busEventsConsumer(deps: {
  work: UnitOfWork;
  batches: BatchRecorder;
  store: ProgressStore;
  /** Told of each player once their row has committed, so game calls for them need no check. */
  playerKnown?: (userId: string) => void;
  /** The inbox: a finished tournament tells each of its players their place and prize; a war declared tells both guilds. */
  notifications?: NotificationsStore;
}): SubgraphConsumer {
  const { work, batches, store } = deps;
  const handlers: EventHandlers<Sql> = {
    // The player's timezone comes from users: streaks count the player's calendar days.
    'user.registered': async (event, sql) => {
      await store.ensurePlayers(sql, [{ userId: event.payload.userId, timezone: validTimezone(event.payload.timezone) }]);
      return () => deps.playerKnown?.(event.payload.userId);
    },
    'user.profile_updated': async (event, sql) => {
      if (event.payload.timezone) await store.setTimezone(sql, event.payload.userId, validTimezone(event.payload.timezone));
    },
  };
  if (deps.notifications) {
    const notifications = deps.notifications;
    handlers['guild.war_declared'] = async (event, sql) => {
      const within = work.withinSql(sql);
      await notifyWarDeclared(notifications, within.work, event);
      return within.committed;
    };
  }
  // A run of consecutive events of one type (up to a read's 100) is recorded as one batch: its
  // players locked once, in id order, like a game server's batch.
  const batchHandlers: EventBatchHandlers<Sql> = {};
  for (const type of Object.keys(BUS_EVENT_MAPPINGS) as (keyof typeof BUS_EVENT_MAPPINGS)[]) {
    batchHandlers[type] = (async (events: DomainEvent[], sql: Sql) => {
      const within = work.withinSql(sql);
      await batches.recordIn(within.work, events.flatMap(achievementEventsOf), events[0]!.producer);
      if (type === 'tournament.completed' && deps.notifications) {
        for (const event of events) await notifyPlacements(deps.notifications, within.work, event as DomainEvent<'tournament.completed'>);
      }
      return within.committed;
    });
  }
  return {
    port: 'sql',
    handlers,
    batchHandlers,
    wants: busEventsWanted,
    // The events of one read commit together. Two runs in one read lock their players in two
    // steps, each in id order; a game-server batch holding one of them could deadlock with it.
    // PostgreSQL then aborts one: the game server's recording runs again, and this read's events
    // are handled one by one (docs/decisions.md "Achievements records the bus's events in runs").
  };
}

/** Each placed player's inbox notice of a finished tournament, stored and published (after the commit) in the consumer's transaction. */
async function notifyPlacements(store: NotificationsStore, work: SqlWork, event: DomainEvent<'tournament.completed'>): Promise<void> {
  const createdAt = new Date(event.payload.completedAt);
  const rows = await store.insert(
    work.sql,
    event.payload.placements.map((p) => ({ id: randomUUID(), userId: p.userId, kind: 'TOURNAMENT_COMPLETED' as const, achievementId: null, createdAt, ...tournamentNotification({ name: event.payload.name, placement: p.placement, prize: p.prize }) })),
  );
  for (const row of rows) work.publish(notificationAdded, row.userId, row);
}

/** Both guilds' inbox notices of a war declared on one by the other (social's `guild.war_declared`), in the consumer's transaction. */
async function notifyWarDeclared(store: NotificationsStore, work: SqlWork, event: DomainEvent<'guild.war_declared'>): Promise<void> {
  const createdAt = new Date(event.payload.declaredAt);
  const rows = await store.insert(
    work.sql,
    warDeclaredNotifications(event.payload).map((n) => ({ id: randomUUID(), kind: 'GUILD_WAR_DECLARED' as const, achievementId: null, createdAt, ...n })),
  );
  for (const row of rows) work.publish(notificationAdded, row.userId, row);
}
