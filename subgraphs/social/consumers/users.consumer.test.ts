import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.js';
import type { DomainEvent, DomainEventType } from '../../../platform/events/types.js';
import { openTestDatabase } from '../../../platform/testing.js';
import { BlocksStore } from '../store/blocks.store.js';
import { PlayersStore } from '../store/players.store.js';
import { usersConsumer } from './users.consumer.js';

let db: Database;
let players: PlayersStore;
let handle: <T extends DomainEventType>(type: T, payload: DomainEvent<T>['payload']) => Promise<void>;

beforeAll(async () => {
  db = await openTestDatabase();
  players = new PlayersStore(db.prisma);
  const { handlers } = usersConsumer({ blocks: new BlocksStore(db.prisma), players });
  handle = async (type, payload) => {
    const handler = handlers?.[type] as ((event: DomainEvent, tx: unknown) => Promise<unknown>) | undefined;
    const event = { id: randomUUID(), type, producer: 'users', occurredAt: new Date().toISOString(), payload } as DomainEvent;
    await db.prisma.$transaction((tx) => handler!(event, tx));
  };
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe("chat's names of players, from users' events", () => {
  it('takes the display name a player registered with, and each change of it; other profile changes leave it', async () => {
    const userId = randomUUID();
    await handle('user.registered', { userId, username: 'ana_99', displayName: 'Ana', registeredAt: new Date().toISOString() });
    expect(await players.nameOf(userId)).toBe('Ana');
    await handle('user.profile_updated', { userId, changed: ['bio'], updatedAt: new Date().toISOString() });
    expect(await players.nameOf(userId)).toBe('Ana');
    await handle('user.profile_updated', { userId, changed: ['displayName'], displayName: 'Ana Banana', updatedAt: new Date().toISOString() });
    expect(await players.nameOf(userId)).toBe('Ana Banana');
  });

  it('falls back to the username for registrations recorded before events carried the display name', async () => {
    const userId = randomUUID();
    await handle('user.registered', { userId, username: 'old_timer', registeredAt: new Date().toISOString() });
    expect(await players.nameOf(userId)).toBe('old_timer');
  });
});
