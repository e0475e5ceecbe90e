import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { newTestRedis, silentLogger } from '../testing.js';
import { defineSubgraph } from './define.js';

// A subgraph over the tournaments SDL with parts of its own: what the kit adds around them.
const probe = (withConsumer: boolean) =>
  defineSubgraph({
    name: 'tournaments',
    loadConfig: (env) => loadConfig(z.object({ TOURNAMENTS_PORT: z.coerce.number().default(0), TOURNAMENTS_CONSUMER_NAME: z.string().optional() }), env),
    resolvers: {},
    build: (kit) => ({
      context: (viewer) => ({ viewer, setting: kit.config.TOURNAMENTS_PORT }),
      workers: [{ start: () => undefined, stop: async () => undefined }],
      consumer: withConsumer ? { handlers: {} } : undefined,
    }),
  });

const fakeDb = { prisma: {} as never, transaction: (() => undefined) as never, sql: {} as never };

describe('defineSubgraph', () => {
  it('puts the outbox relay first and the consumer last, around the subgraph\'s workers', () => {
    const built = probe(true).create({ db: fakeDb, redis: newTestRedis(), logger: silentLogger });
    expect(built.workers?.[0]).toBe(built.relay);
    expect(built.workers?.at(-1)).toBe(built.consumer);
    expect(built.workers).toHaveLength(3);
  });

  it('makes no consumer for a subgraph that consumes nothing', () => {
    const built = probe(false).create({ db: fakeDb, redis: newTestRedis() });
    expect(built.consumer).toBeNull();
    expect(built.workers).toHaveLength(2);
  });

  it('builds with the defaults plus the overrides it is given, and a context per viewer', () => {
    const built = probe(false).create({ db: fakeDb, redis: newTestRedis(), config: { TOURNAMENTS_PORT: 4321 } });
    expect(built.createContext({ userId: 'u1', role: 'PLAYER' })).toEqual({ viewer: { userId: 'u1', role: 'PLAYER' }, setting: 4321 });
    expect(built.name).toBe('tournaments');
  });

  it('names the consumer from <NAME>_CONSUMER_NAME, else by host and process', () => {
    const named = probe(true).create({ db: fakeDb, redis: newTestRedis(), config: { TOURNAMENTS_CONSUMER_NAME: 'replica-a' } });
    expect((named.consumer as unknown as { options: { consumer: string; group: string } }).options).toMatchObject({ consumer: 'replica-a', group: 'tournaments' });
    const unnamed = probe(true).create({ db: fakeDb, redis: newTestRedis() });
    expect((unnamed.consumer as unknown as { options: { consumer: string } }).options.consumer).toMatch(new RegExp(`^tournaments-.+-${process.pid}$`));
  });
});
