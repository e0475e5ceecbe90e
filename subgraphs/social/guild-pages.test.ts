import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import type { RedisPort } from '../../platform/redis/index.js';
import { newTestRedis, openTestDatabase, subgraphClient } from '../../platform/testing.js';
import { GUILD_PAGE_TTL_SECONDS } from './store/guild-pages.cache.js';
import type { Context } from './context.js';
import { socialSubgraph } from './subgraph.js';

// The guild page cache (issue 16, item 8): Guild.members pages are served from Redis for 30
// minutes, dropped after each change commits, and never served stale — not even when that drop
// fails, because every entry names the guild's version and every change moves the version on in
// its own transaction. Stale entries are planted by hand: a page the database no longer holds.

let db: Database;
/** The Redis twin, with a switch that makes every DEL fail (an invalidation lost after the commit). */
const redis = newTestRedis();
let failDeletes = false;
const sets: { key: string; ttl: number }[] = [];
const flaky: RedisPort = new Proxy(redis, {
  get(target, prop, receiver) {
    if (prop === 'del') return async (keys: string[]) => (failDeletes ? Promise.reject(new Error('redis: connection lost')) : target.del(keys));
    if (prop === 'set') return async (key: string, value: string, ttl: number) => (sets.push({ key, ttl }), target.set(key, value, ttl));
    const value = Reflect.get(target, prop, receiver) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});
let social: ReturnType<typeof socialSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  social = socialSubgraph.create({ db, redis: flaky, config: { SOCIAL_GUILD_CREATION_FEE: 0 } });
  client = subgraphClient(social);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const ANONYMOUS: Viewer = { userId: null, role: null };
async function player(): Promise<Viewer> {
  const userId = randomUUID();
  await db.prisma.chatPlayer.create({ data: { userId, displayName: `p_${userId.slice(0, 8)}` } });
  return { userId, role: 'PLAYER' };
}
const MEMBERS = `query($g: ID!) { guild(id: $g) { members(first: 50) { edges { node { role user { id } } } } } }`;
const pageOf = async (guildId: string) => {
  const result = await client.execute<{ guild: { members: { edges: { node: { role: string; user: { id: string } } }[] } } }>(ANONYMOUS, MEMBERS, { g: guildId });
  expect(result.errors).toBeUndefined();
  return result.data!.guild.members.edges.map((e) => e.node.user.id);
};
const cacheKey = (guildId: string) => `social:guild-page:${guildId}`;
/** Replaces the cached page's members with a stranger, keeping the entry's version: a stale entry. */
async function plantStranger(guildId: string): Promise<string> {
  const entry = JSON.parse((await redis.get(cacheKey(guildId)))!) as { version: number; pages: [string, { userId: string }[]][] };
  const stranger = randomUUID();
  for (const [, rows] of entry.pages) rows.push({ ...rows[0]!, userId: stranger });
  await redis.set(cacheKey(guildId), JSON.stringify(entry), 60);
  return stranger;
}
async function guildWithMaster() {
  const master = await player();
  const guild = await social.createContext(master).guilds.createGuild(master, { name: `Cache ${randomUUID().slice(0, 8)}`, tag: randomUUID().replace(/-/g, '').slice(0, 5).toUpperCase() });
  return { master, guild };
}

describe('guild page cache', () => {
  it('serves a page from Redis for 30 minutes until the guild changes', async () => {
    const { master, guild } = await guildWithMaster();
    expect(await pageOf(guild.id)).toEqual([master.userId]);
    expect(sets.filter((s) => s.key === cacheKey(guild.id)).map((s) => s.ttl)).toEqual([GUILD_PAGE_TTL_SECONDS]);
    // The entry is what is served while nothing changed (the stranger shows it was read from Redis).
    const stranger = await plantStranger(guild.id);
    expect(await pageOf(guild.id)).toEqual([master.userId, stranger]);

    // A member joins: after the commit the entry is gone, and the page is the database's.
    const joiner = await player();
    await social.createContext(joiner).guilds.joinGuild(joiner, guild.id);
    expect(await redis.get(cacheKey(guild.id))).toBeNull();
    expect(await pageOf(guild.id)).toEqual([master.userId, joiner.userId]);
  });

  it('never serves a stale entry, even when the invalidation after the commit failed', async () => {
    const { master, guild } = await guildWithMaster();
    const joiner = await player();
    await social.createContext(joiner).guilds.joinGuild(joiner, guild.id);
    expect(await pageOf(guild.id)).toEqual([master.userId, joiner.userId]);
    const stranger = await plantStranger(guild.id);

    // Each change: its DEL fails (the change is committed all the same) and the stale entry stays in Redis…
    failDeletes = true;
    try {
      await social.createContext(master).guilds.changeRank(master, joiner.userId!, 'up');
      expect(await redis.get(cacheKey(guild.id))).not.toBeNull();
      // …but it names the version before the change: a miss, replaced by the database's page.
      const roles = await client.execute<{ guild: { members: { edges: { node: { role: string; user: { id: string } } }[] } } }>(ANONYMOUS, MEMBERS, { g: guild.id });
      expect(roles.data!.guild.members.edges.map((e) => [e.node.user.id, e.node.role])).toEqual([
        [master.userId, 'MASTER'],
        [joiner.userId, 'VETERAN'],
      ]);
      expect(await pageOf(guild.id)).not.toContain(stranger);

      await social.createContext(joiner).guilds.leaveGuild(joiner);
      expect(await pageOf(guild.id)).toEqual([master.userId]);
    } finally {
      failDeletes = false;
    }
  });

  it('moves the version on with every change of the guild or its members, in the changing transaction', async () => {
    const { master, guild } = await guildWithMaster();
    const versionOf = async () => (await db.prisma.guild.findUniqueOrThrow({ where: { id: guild.id } })).version;
    const steps: number[] = [await versionOf()];
    const joiner = await player();
    await social.createContext(joiner).guilds.joinGuild(joiner, guild.id);
    steps.push(await versionOf());
    await social.createContext(master).guilds.changeRank(master, joiner.userId!, 'up');
    steps.push(await versionOf());
    await social.createContext(master).guilds.updateSettings(master, { description: 'new words' });
    steps.push(await versionOf());
    await social.createContext(master).guilds.kickMember(master, joiner.userId!);
    steps.push(await versionOf());
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
  });

  it('keeps the member_count column equal to the members, whatever changes them (joins at once, kicks, leaves, rows written by hand)', async () => {
    const { master, guild } = await guildWithMaster();
    const counted = async () => {
      const [row, members] = await Promise.all([db.prisma.guild.findUniqueOrThrow({ where: { id: guild.id } }), db.prisma.guildMember.count({ where: { guildId: guild.id } })]);
      return [row.memberCount, members];
    };
    expect(await counted()).toEqual([1, 1]);
    const joiners = await Promise.all([1, 2, 3, 4].map(() => player()));
    const joined = await Promise.all(joiners.map((p) => social.createContext(p).guilds.joinGuild(p, guild.id)));
    expect(joined.map((j) => j.guild.memberCount).sort()).toEqual([2, 3, 4, 5]); // each payload as its join left the guild
    expect(await counted()).toEqual([5, 5]);
    await social.createContext(master).guilds.kickMember(master, joiners[0]!.userId!);
    await social.createContext(joiners[1]!).guilds.leaveGuild(joiners[1]!);
    const byHand = await player();
    await db.prisma.guildMember.create({ data: { guildId: guild.id, userId: byHand.userId!, role: 'RECRUIT' } });
    expect(await counted()).toEqual([4, 4]);
    const result = await client.execute<{ searchGuilds: { edges: { node: { id: string; memberCount: number } }[] } }>(ANONYMOUS, `query($t: String) { searchGuilds(text: $t, hasSpace: true) { edges { node { id memberCount } } } }`, { t: guild.tag });
    expect(result.data!.searchGuilds.edges.find((e) => e.node.id === guild.id)?.node.memberCount).toBe(4);
  });
});
