import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, gqlData, gqlRefusal, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { liveChannel } from '../platform/live.js';
import { subscribe, untilListening } from './support/ws.js';

// Guilds through the gateway (issue 16), as a game client uses them: founding with its chat room,
// name and tag rules, members with their players' fields, joining at once or by request with the
// officers told (inbox and live), the minimum level from users' level-ups, seats under a race,
// ranks, kicks, mastership, leaving and disbanding, and refusals that store nothing.

const ADMIN = uniqueName('guildadmin');
let platform: RunningPlatform;
let url: string;
const FEE = 100;
// Small guilds, so seats run out in a few joins.
const { client } = platformPerFile({ ADMIN_USERNAMES: ADMIN, SOCIAL_GUILD_MAX_MEMBERS: '4', SOCIAL_GUILD_CREATION_FEE: String(FEE) }, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = Awaited<ReturnType<typeof registerPlayer>>;

const must = <T>(player: Player | undefined, query: string, variables: Record<string, unknown> = {}) => gqlData<T>(url, query, variables, player?.token);
const refusal = (player: Player | undefined, query: string, variables: Record<string, unknown> = {}) => gqlRefusal(url, query, variables, player?.token);

const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`;
let admin: Player | undefined;
/** Credits the player's wallet through the admin (players start with no coins). */
async function fund(player: Player, coins: number, currency = 'COINS') {
  admin ??= await registerPlayer(url, ADMIN);
  await must(admin, APPLY, { input: { userId: player.id, idempotencyKey: `guild-test-${currency}-${player.id}-${coins}`, reason: 'test', changes: [{ currency, amount: coins }] } });
  return player;
}
/** A registered player who can pay the creation fee once. */
const founder = async () => fund(await registerPlayer(url), FEE);
const WALLET = `query { me { wallet { balances { currency amount } ledger(first: 10) { edges { node { amount reason } } } } } }`;
const walletOf = async (player: Player) => {
  const wallet = (await must<{ me: { wallet: { balances: { currency: string; amount: number }[]; ledger: { edges: { node: { amount: number; reason: string } }[] } } } }>(player, WALLET)).me.wallet;
  return { coins: wallet.balances.find((b) => b.currency === 'COINS')?.amount ?? 0, ledger: wallet.ledger.edges.map((e) => e.node) };
};

const CREATE = `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id name tag description isPublic requiresApproval minLevel maxMembers memberCount } } }`;
type Guild = { id: string; name: string; tag: string; memberCount: number };
let tags = 0;
/** A tag no other guild in this run or an earlier one holds (letters and digits, 5 at most). */
const freshTag = () => `${(Date.now() % 46_656).toString(36)}${(tags++ % 36).toString(36)}${Math.floor(Math.random() * 36).toString(36)}`.toUpperCase().slice(0, 5);
const found = async (master: Player, input: Record<string, unknown> = {}) =>
  (await must<{ createGuild: { guild: Guild } }>(master, CREATE, { input: { name: uniqueName('guild'), tag: freshTag(), ...input } })).createGuild.guild;

const JOIN = `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status guild { id memberCount } request { id user { id } guild { id } } } }`;
type Join = { status: string; guild: { id: string; memberCount: number }; request: { id: string } | null };
const join = async (player: Player, guildId: string) => (await must<{ joinGuild: Join }>(player, JOIN, { g: guildId })).joinGuild;
const ME = `query { me { id guild { id } guildRole guildPermissions chatRooms { room { kind guildId: id } } } }`;
const MEMBERS = `query($g: ID!, $first: Int, $after: String, $rank: GuildRole) { guild(id: $g) { memberCount members(first: $first, after: $after, rank: $rank) {
  edges { cursor node { role permissions joinedAt user { id username level } } } pageInfo { hasNextPage endCursor } } } }`;
type Members = { edges: { cursor: string; node: { role: string; permissions: string[]; user: { id: string; username: string; level: number } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const members = async (guildId: string, variables: Record<string, unknown> = {}) =>
  (await must<{ guild: { memberCount: number; members: Members } }>(undefined, MEMBERS, { g: guildId, ...variables })).guild;
const roleOf = async (guildId: string, userId: string) => (await members(guildId, { first: 100 })).members.edges.find((e) => e.node.user.id === userId)?.node.role;
const guildRoomMembers = async (guildId: string) => {
  const room = await platform.runtime.db.prisma.chatRoom.findUnique({ where: { guildId }, include: { members: true } });
  return room ? room.members.map((m) => m.userId).sort() : null;
};
const MEMBER_OP = (name: string, selection: string) => `mutation($u: ID!) { ${name}(input: { userId: $u }) { ${selection} } }`;
const KICK = MEMBER_OP('kickGuildMember', 'userId guild { memberCount }');
const PROMOTE = MEMBER_OP('promoteGuildMember', 'member { role user { id } }');
const DEMOTE = MEMBER_OP('demoteGuildMember', 'member { role user { id } }');
const TRANSFER = MEMBER_OP('transferGuildMastership', 'master { role user { id } } previousMaster { role user { id } }');
const LEAVE = `mutation { leaveGuild { guildId disbanded } }`;
const REQUEST_OP = (name: string, selection: string) => `mutation($r: ID!) { ${name}(input: { requestId: $r }) { ${selection} } }`;
const APPROVE = REQUEST_OP('approveGuildJoinRequest', 'member { role user { id } } guild { memberCount }');
const REJECT = REQUEST_OP('rejectGuildJoinRequest', 'requestId');
const CANCEL = REQUEST_OP('cancelGuildJoinRequest', 'requestId');
const INBOX = `query { me { guildNotifications(first: 10) { edges { node { kind guildId guildName requestId subject { id username } } } } } }`;
type Notice = { kind: string; guildId: string; guildName: string; requestId: string | null; subject: { id: string; username: string } };
const inbox = async (player: Player) => (await must<{ me: { guildNotifications: { edges: { node: Notice }[] } } }>(player, INBOX)).me.guildNotifications.edges.map((e) => e.node);

describe('founding a guild', () => {
  it('makes the founder MASTER with every permission, creates the GUILD room with them, and finds it by tag in any case', async () => {
    const master = await founder();
    const tag = freshTag();
    const guild = (await must<{ createGuild: { guild: Guild & Record<string, unknown> } }>(master, CREATE, {
      input: { name: uniqueName('Night Owls'), tag: tag.toLowerCase(), description: 'We hunt at night.', requiresApproval: true, minLevel: 3 },
    })).createGuild.guild;
    expect(guild).toMatchObject({ tag, description: 'We hunt at night.', isPublic: true, requiresApproval: true, minLevel: 3, maxMembers: 4, memberCount: 1 });

    const me = (await must<{ me: { guild: { id: string }; guildRole: string; guildPermissions: string[]; chatRooms: { room: { kind: string } }[] } }>(master, ME)).me;
    expect(me.guild.id).toBe(guild.id);
    expect(me.guildRole).toBe('MASTER');
    expect(me.guildPermissions).toHaveLength(10);
    expect(me.chatRooms.map((r) => r.room.kind)).toContain('GUILD');
    expect(await guildRoomMembers(guild.id)).toEqual([master.id]);

    const byTag = await must<{ guildByTag: { id: string } | null }>(undefined, `query($t: String!) { guildByTag(tag: $t) { id } }`, { t: tag.toLowerCase() });
    expect(byTag.guildByTag?.id).toBe(guild.id);
    expect((await must<{ guildByTag: null }>(undefined, `query { guildByTag(tag: "Q9Q9Q") { id } }`)).guildByTag).toBeNull();
  });

  it('refuses a taken name or tag (any case) with CONFLICT naming the field, a second guild, and bad input, storing nothing', async () => {
    const first = await founder();
    const guild = await found(first);
    const other = await registerPlayer(url);
    const before = await platform.runtime.db.prisma.guild.count();

    expect(await refusal(other, CREATE, { input: { name: guild.name.toUpperCase(), tag: freshTag() } })).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await refusal(other, CREATE, { input: { name: uniqueName('guild'), tag: guild.tag.toLowerCase() } })).toMatchObject({ code: 'CONFLICT', field: 'tag' });
    expect(await refusal(first, CREATE, { input: { name: uniqueName('guild'), tag: freshTag() } })).toMatchObject({ code: 'CONFLICT' });
    for (const [input, field] of [
      [{ name: 'ab', tag: 'ABC' }, 'name'],
      [{ name: uniqueName('guild'), tag: 'A' }, 'tag'],
      [{ name: uniqueName('guild'), tag: 'ABCDEF' }, 'tag'],
      [{ name: uniqueName('guild'), tag: 'A_B' }, 'tag'],
      [{ name: uniqueName('guild'), tag: freshTag(), minLevel: 0 }, 'minLevel'],
      [{ name: uniqueName('guild'), tag: freshTag(), description: 'x'.repeat(501) }, 'description'],
    ] as const) {
      expect(await refusal(other, CREATE, { input })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await refusal(undefined, CREATE, { input: { name: uniqueName('guild'), tag: freshTag() } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await platform.runtime.db.prisma.guild.count()).toBe(before);
    expect((await must<{ me: { guild: null } }>(other, ME)).me.guild).toBeNull();
  });

  it('lets two players race for one name: exactly one guild', async () => {
    const [a, b] = await Promise.all([founder(), founder()]);
    const name = uniqueName('race');
    const results = await Promise.all([a, b].map((p) => gql(url, CREATE, { input: { name, tag: freshTag() } }, { token: p.token })));
    expect(results.filter((r) => r.data?.createGuild).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });
});

describe('the creation fee', () => {
  it('is taken exactly once (a retry answers the same guild), and an unaffordable one is INSUFFICIENT_FUNDS with no guild', async () => {
    const master = await fund(await registerPlayer(url), FEE + 20);
    const input = { name: uniqueName('paid'), tag: freshTag() };
    const guild = (await must<{ createGuild: { guild: Guild } }>(master, CREATE, { input })).createGuild.guild;
    const retried = (await must<{ createGuild: { guild: Guild } }>(master, CREATE, { input })).createGuild.guild;
    expect(retried.id).toBe(guild.id);
    // Achievement rewards (banner_raiser) may land in the wallet too, at any moment: the ledger without them.
    const { ledger } = await walletOf(master);
    expect(ledger.filter((e) => e.reason !== 'achievement_reward')).toEqual([{ amount: -FEE, reason: 'guild_creation_fee' }, { amount: FEE + 20, reason: 'test' }]);

    const poor = await fund(await registerPlayer(url), FEE - 1);
    expect(await refusal(poor, CREATE, { input: { name: uniqueName('poor'), tag: freshTag() } })).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect((await walletOf(poor)).coins).toBe(FEE - 1);
    expect((await must<{ me: { guild: null } }>(poor, ME)).me.guild).toBeNull();
    expect(await platform.runtime.db.prisma.guild.count({ where: { createdBy: poor.id } })).toBe(0);
  });
});

describe('contributions and levels', () => {
  const CONTRIBUTE = `mutation($coins: Int!, $key: String!) { contributeToGuild(input: { coins: $coins, requestKey: $key }) { guild { id level xp xpForNextLevel maxMembers } } }`;
  type Progress = { id: string; level: number; xp: number; xpForNextLevel: number | null; maxMembers: number };

  it('turns coins into XP once per key, levels the guild up with more seats, tells subscribers, and reaches achievements', async () => {
    const master = await founder();
    const guild = await found(master);
    const member = await fund(await registerPlayer(url), 1_200);
    await join(member, guild.id);
    const live = subscribe(client(), `subscription($g: ID!) { guildUpdated(guildId: $g) { id level xp } }`, { g: guild.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildUpdated', guild.id));

    const key = `drive-${member.id}`;
    const first = (await must<{ contributeToGuild: { guild: Progress } }>(member, CONTRIBUTE, { coins: 1_000, key })).contributeToGuild.guild;
    expect(first).toEqual({ id: guild.id, level: 2, xp: 1_000, xpForNextLevel: 3_000, maxMembers: 4 + 5 });
    // The same key again: the same contribution, nothing paid twice.
    expect((await must<{ contributeToGuild: { guild: Progress } }>(member, CONTRIBUTE, { coins: 1_000, key })).contributeToGuild.guild.xp).toBe(1_000);
    expect(await refusal(member, CONTRIBUTE, { coins: 5, key })).toMatchObject({ code: 'CONFLICT', field: 'requestKey' });
    // Achievement rewards may land in the wallet too (joining, contributing): look at the contribution's entries.
    expect((await walletOf(member)).ledger.filter((e) => e.reason.startsWith('guild_'))).toEqual([{ amount: -1_000, reason: 'guild_contribution' }]);
    const row = (await members(guild.id, { rank: 'MEMBER' })).members.edges[0]!.node as unknown as { user: { id: string } };
    expect(row.user.id).toBe(member.id);
    const contributed = await must<{ guild: { members: { edges: { node: { contributed: number } }[] } } }>(undefined, `query($g: ID!) { guild(id: $g) { members(rank: MEMBER) { edges { node { contributed } } } } }`, { g: guild.id });
    expect(contributed.guild.members.edges[0]!.node.contributed).toBe(1_000);
    // Level 2 holds 9: seven more join, room included (the room was made for the largest guild).
    for (let i = 0; i < 7; i++) expect((await join(await registerPlayer(url), guild.id)).status).toBe('JOINED');
    expect(await refusal(await registerPlayer(url), JOIN, { g: guild.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await guildRoomMembers(guild.id)).toHaveLength(9);

    await expect.poll(() => live.results.length, { timeout: 5_000 }).toBe(1);
    expect(live.results[0]!.data!.guildUpdated).toEqual({ id: guild.id, level: 2, xp: 1_000 });
    live.stop();

    // generous_soul: 1,000 coins contributed in all (GUILD_CONTRIBUTION over the bus).
    await expect
      .poll(async () => (await must<{ me: { achievements: { achievement: { id: string } }[] } }>(member, `query { me { achievements(status: UNLOCKED) { achievement { id } } } }`)).me.achievements.map((a) => a.achievement.id), { timeout: 10_000, interval: 250 })
      .toContain('generous_soul');

    expect(await refusal(member, CONTRIBUTE, { coins: 1_000_000, key: `${key}-2` })).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await refusal(member, CONTRIBUTE, { coins: 0, key: `${key}-3` })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coins' });
    expect(await refusal(member, CONTRIBUTE, { coins: 1, key: 'short' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestKey' });
    expect(await refusal(await fund(await registerPlayer(url), 10), CONTRIBUTE, { coins: 1, key: `loner-${member.id}` })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await walletOf(member)).ledger.filter((e) => e.reason.startsWith('guild_'))).toHaveLength(1);
  });
});

describe('search', () => {
  const SEARCH = `query($text: String, $isPublic: Boolean, $hasSpace: Boolean, $minLevel: Int, $first: Int, $after: String) {
    searchGuilds(text: $text, isPublic: $isPublic, hasSpace: $hasSpace, minLevel: $minLevel, first: $first, after: $after) {
      edges { cursor node { id name tag } } pageInfo { hasNextPage endCursor } } }`;
  type Found = { edges: { cursor: string; node: { id: string; name: string; tag: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const search = async (variables: Record<string, unknown>) => (await must<{ searchGuilds: Found }>(undefined, SEARCH, variables)).searchGuilds;
  const ids = (found: Found) => found.edges.map((e) => e.node.id);

  it('ranks by relevance with prefixes, puts an exact tag first, filters, pages, and lists by XP without text', async () => {
    const word = `w${Math.random().toString(36).slice(2, 10)}`;
    const owls = await found(await founder(), { name: `${word} Night Owls`, minLevel: 5 });
    const wolves = await found(await founder(), { name: `${word} Wolves`, isPublic: false });
    const described = await found(await founder(), { name: uniqueName('quiet'), description: `Friends of ${word}.` });
    const tagged = await found(await founder(), { name: uniqueName('tagged'), tag: word.slice(0, 5) });

    const all = await search({ text: word });
    // Name matches above the description match; the guild tagged with a prefix of the word does not match the whole word.
    expect(ids(all).slice(0, 2).sort()).toEqual([owls.id, wolves.id].sort());
    expect(ids(all)).toEqual([...ids(all).slice(0, 2), described.id]);
    expect(ids(await search({ text: `${word.slice(0, 6)} nig` }))).toEqual([owls.id]);
    expect(ids(await search({ text: word.slice(0, 5) }))[0]).toBe(tagged.id);
    expect(ids(await search({ text: word, isPublic: false }))).toEqual([wolves.id]);
    expect(ids(await search({ text: word, minLevel: 3 }))).not.toContain(owls.id);
    expect(ids(await search({ text: word, hasSpace: false }))).toEqual([]);

    const first = await search({ text: word, first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await search({ text: word, first: 2, after: first.pageInfo.endCursor });
    expect([...ids(first), ...ids(rest)]).toEqual(ids(all));
    expect(rest.pageInfo.hasNextPage).toBe(false);

    expect((await search({ first: 5 })).edges.length).toBeGreaterThan(0);
    expect(await refusal(undefined, SEARCH, { text: '!!!' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(await refusal(undefined, SEARCH, { text: word, after: 'bogus' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('members', () => {
  it('pages members in joining order with their players’ fields from users, filtered by rank', async () => {
    const master = await founder();
    const guild = await found(master);
    const joiners = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of joiners) expect((await join(p, guild.id)).status).toBe('JOINED');

    const first = await members(guild.id, { first: 2 });
    expect(first.memberCount).toBe(4);
    expect(first.members.edges.map((e) => e.node.user.username)).toEqual([master.username, joiners[0]!.username]);
    expect(first.members.edges[0]!.node).toMatchObject({ role: 'MASTER', user: { level: 1 } });
    expect(first.members.pageInfo.hasNextPage).toBe(true);
    const rest = await members(guild.id, { first: 2, after: first.members.pageInfo.endCursor });
    expect(rest.members.edges.map((e) => e.node.user.id)).toEqual([joiners[1]!.id, joiners[2]!.id]);
    expect(rest.members.pageInfo.hasNextPage).toBe(false);
    expect((await members(guild.id, { rank: 'MEMBER' })).members.edges.map((e) => e.node.permissions)).toEqual([[], [], []]);
    expect(await refusal(undefined, MEMBERS, { g: guild.id, first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await refusal(undefined, MEMBERS, { g: guild.id, after: 'nonsense' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('joining', () => {
  it('takes a player at once into a public guild and its room; a retry changes nothing; a full guild is CONFLICT', async () => {
    const master = await founder();
    const guild = await found(master);
    const p1 = await registerPlayer(url);
    expect(await join(p1, guild.id)).toMatchObject({ status: 'JOINED', request: null, guild: { memberCount: 2 } });
    expect(await join(p1, guild.id)).toMatchObject({ status: 'JOINED', guild: { memberCount: 2 } });
    expect(await guildRoomMembers(guild.id)).toEqual([master.id, p1.id].sort());
    expect(await refusal(p1, JOIN, { g: (await found(await founder())).id })).toMatchObject({ code: 'CONFLICT' });

    await join(await registerPlayer(url), guild.id);
    await join(await registerPlayer(url), guild.id);
    const late = await registerPlayer(url);
    expect(await refusal(late, JOIN, { g: guild.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('full') });
    expect(await refusal(late, JOIN, { g: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(late, JOIN, { g: 'not-an-id' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(undefined, JOIN, { g: guild.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('gives a guild written without a room (before guilds had rooms) its room with every member when its membership next changes', async () => {
    const master = await founder();
    const guild = await found(master);
    const p1 = await registerPlayer(url);
    await join(p1, guild.id);
    const db = platform.runtime.db.prisma;
    await db.chatRoom.delete({ where: { guildId: guild.id } });
    expect(await guildRoomMembers(guild.id)).toBeNull();

    // The next join makes the room with the members it had and the newcomer; only the newcomer's join is announced.
    const p2 = await registerPlayer(url);
    expect(await join(p2, guild.id)).toMatchObject({ status: 'JOINED', guild: { memberCount: 3 } });
    expect(await guildRoomMembers(guild.id)).toEqual([master.id, p1.id, p2.id].sort());
    const room = (await db.chatRoom.findUnique({ where: { guildId: guild.id } }))!;
    expect(room).toMatchObject({ kind: 'GUILD', memberCount: 3 });
    expect((await db.chatMessage.findMany({ where: { roomId: room.id, kind: 'MEMBER_JOINED' } })).map((m) => m.subjectId)).toEqual([p2.id]);
    for (const p of [master, p1]) {
      const me = (await must<{ me: { chatRooms: { room: { kind: string; guildId: string } }[] } }>(p, ME)).me;
      expect(me.chatRooms.filter((r) => r.room.kind === 'GUILD').map((r) => r.room.guildId)).toEqual([room.id]);
    }

    // A leave in another roomless guild makes the room with those who stay.
    const other = await found(await founder());
    const p3 = await registerPlayer(url);
    await join(p3, other.id);
    await db.chatRoom.delete({ where: { guildId: other.id } });
    await must(p3, LEAVE);
    const stayed = await db.guildMember.findMany({ where: { guildId: other.id } });
    expect(await guildRoomMembers(other.id)).toEqual(stayed.map((m) => m.userId));
    expect(stayed).toHaveLength(1);
  });

  it('gives the last seat to exactly one of several players joining at once', async () => {
    const master = await founder();
    const guild = await found(master);
    await join(await registerPlayer(url), guild.id);
    await join(await registerPlayer(url), guild.id);
    const racers = await Promise.all([1, 2, 3, 4].map(() => registerPlayer(url)));
    const results = await Promise.all(racers.map((p) => gql<{ joinGuild: Join }>(url, JOIN, { g: guild.id }, { token: p.token })));
    expect(results.filter((r) => r.data?.joinGuild.status === 'JOINED')).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);
    expect((await members(guild.id)).memberCount).toBe(4);
    expect(await guildRoomMembers(guild.id)).toHaveLength(4);
  });

  it('turns a join into a request its officers hear of (inbox and live); approve, reject and cancel', async () => {
    const master = await founder();
    const officer = await registerPlayer(url);
    const guild = await found(master, { requiresApproval: true, isPublic: true });
    // The officer gets in by request too, approved by the master.
    const officerRequest = (await join(officer, guild.id)).request!;
    await must(master, APPROVE, { r: officerRequest.id });
    await must(master, PROMOTE, { u: officer.id });
    await must(master, PROMOTE, { u: officer.id });
    expect(await roleOf(guild.id, officer.id)).toBe('OFFICER');

    const live = subscribe(client(officer.token), `subscription { guildNotificationReceived { kind guildId requestId subject { id username } } }`);
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildNotification', officer.id));
    const asker = await registerPlayer(url);
    const asked = await join(asker, guild.id);
    expect(asked).toMatchObject({ status: 'REQUESTED', guild: { memberCount: 2 }, request: { user: { id: asker.id }, guild: { id: guild.id } } });
    expect(await join(asker, guild.id)).toMatchObject({ status: 'REQUESTED', request: { id: asked.request!.id } });
    await expect.poll(() => live.results.length, { timeout: 5_000 }).toBe(1);
    expect(live.results[0]!.data!.guildNotificationReceived).toEqual({ kind: 'JOIN_REQUESTED', guildId: guild.id, requestId: asked.request!.id, subject: { id: asker.id, username: asker.username } });
    for (const officerOrMaster of [officer, master]) {
      expect((await inbox(officerOrMaster))[0]).toMatchObject({ kind: 'JOIN_REQUESTED', requestId: asked.request!.id, subject: { id: asker.id } });
    }
    const JOIN_REQUESTS = `query($g: ID!) { guild(id: $g) { joinRequests(first: 10) { edges { node { id user { id } } } } } }`;
    expect((await must<{ guild: { joinRequests: { edges: { node: { id: string } }[] } } }>(officer, JOIN_REQUESTS, { g: guild.id })).guild.joinRequests.edges.map((e) => e.node.id)).toEqual([asked.request!.id]);
    expect((await must<{ guild: { joinRequests: null } }>(asker, JOIN_REQUESTS, { g: guild.id })).guild.joinRequests).toBeNull();
    // Someone else's inbox is nobody's business.
    expect((await must<{ user: { guildNotifications: null } }>(asker, `query($id: ID!) { user(id: $id) { guildNotifications { edges { node { kind } } } } }`, { id: officer.id })).user.guildNotifications).toBeNull();

    // A plain member may not decide; a stranger's request cannot be cancelled by someone else.
    const member = await registerPlayer(url);
    await must(master, APPROVE, { r: (await join(member, guild.id)).request!.id });
    expect(await refusal(member, APPROVE, { r: asked.request!.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('MANAGE_JOIN_REQUESTS') });
    expect(await refusal(member, CANCEL, { r: asked.request!.id })).toMatchObject({ code: 'NOT_FOUND' });

    const approved = await must<{ approveGuildJoinRequest: { member: { role: string }; guild: { memberCount: number } } }>(officer, APPROVE, { r: asked.request!.id });
    expect(approved.approveGuildJoinRequest).toEqual({ member: { role: 'MEMBER', user: { id: asker.id } }, guild: { memberCount: 4 } });
    expect(await refusal(officer, APPROVE, { r: asked.request!.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await inbox(asker))[0]).toMatchObject({ kind: 'JOIN_APPROVED', guildId: guild.id });
    expect(await guildRoomMembers(guild.id)).toContain(asker.id);

    // Rejected and cancelled requests leave nothing behind.
    const secondMaster = await founder();
    const second = await found(secondMaster, { isPublic: false });
    const rejected = await registerPlayer(url);
    const rejectedRequest = (await join(rejected, second.id)).request!;
    expect(await refusal(undefined, REJECT, { r: rejectedRequest.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(master, REJECT, { r: rejectedRequest.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await must<{ rejectGuildJoinRequest: { requestId: string } }>(secondMaster, REJECT, { r: rejectedRequest.id })).rejectGuildJoinRequest.requestId).toBe(rejectedRequest.id);
    expect((await inbox(rejected))[0]).toMatchObject({ kind: 'JOIN_REJECTED', guildId: second.id });
    expect((await must<{ me: { guild: null } }>(rejected, ME)).me.guild).toBeNull();
    const canceller = await registerPlayer(url);
    const cancelled = (await join(canceller, second.id)).request!;
    expect((await must<{ cancelGuildJoinRequest: { requestId: string } }>(canceller, CANCEL, { r: cancelled.id })).cancelGuildJoinRequest.requestId).toBe(cancelled.id);
    expect(await refusal(canceller, CANCEL, { r: cancelled.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await platform.runtime.db.prisma.guildJoinRequest.count({ where: { guildId: second.id } })).toBe(0);
    live.stop();
  });

  it('checks the minimum level against users’ level-ups, heard over the bus', async () => {
    const master = await founder();
    const guild = await found(master, { minLevel: 3 });
    const player = await registerPlayer(url);
    expect(await refusal(player, JOIN, { g: guild.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minLevel: 3, level: 1 });
    // 550 XP is level 3 (users' curve).
    await fund(player, 550, 'XP');
    await expect.poll(async () => (await gql<{ joinGuild: Join }>(url, JOIN, { g: guild.id }, { token: player.token })).data?.joinGuild.status, { timeout: 10_000, interval: 200 }).toBe('JOINED');
  });
});

describe('invitations', () => {
  const INVITE = `mutation($u: ID!) { inviteToGuild(input: { userId: $u }) { invitation { id guild { id } user { id } invitedBy { id } } } }`;
  const ACCEPT = `mutation($i: ID!) { acceptGuildInvitation(input: { invitationId: $i }) { member { role user { id } } guild { memberCount } } }`;
  const DECLINE = `mutation($i: ID!) { declineGuildInvitation(input: { invitationId: $i }) { invitationId } }`;
  type Invitation = { id: string; guild: { id: string }; user: { id: string }; invitedBy: { id: string } };
  const invite = async (by: Player, to: Player) => (await must<{ inviteToGuild: { invitation: Invitation } }>(by, INVITE, { u: to.id })).inviteToGuild.invitation;

  it('lets ranks with INVITE invite; the invitee is told and joins past approval by accepting, or declines', async () => {
    const master = await founder();
    const guild = await found(master, { isPublic: false, requiresApproval: true });
    const veteran = await registerPlayer(url);
    const invitation = await invite(master, veteran);
    expect(invitation).toMatchObject({ guild: { id: guild.id }, user: { id: veteran.id }, invitedBy: { id: master.id } });
    expect((await invite(master, veteran)).id).toBe(invitation.id);
    expect((await inbox(veteran))[0]).toMatchObject({ kind: 'INVITED', guildId: guild.id, requestId: invitation.id, subject: { id: master.id } });
    expect(await refusal(master, ACCEPT, { i: invitation.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await must<{ acceptGuildInvitation: { member: { role: string }; guild: { memberCount: number } } }>(veteran, ACCEPT, { i: invitation.id })).acceptGuildInvitation)
      .toEqual({ member: { role: 'MEMBER', user: { id: veteran.id } }, guild: { memberCount: 2 } });
    expect(await guildRoomMembers(guild.id)).toContain(veteran.id);
    expect(await refusal(veteran, ACCEPT, { i: invitation.id })).toMatchObject({ code: 'NOT_FOUND' });

    // A MEMBER may not invite; a VETERAN may; a player in a guild cannot be invited.
    const friend = await registerPlayer(url);
    expect(await refusal(veteran, INVITE, { u: friend.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('INVITE') });
    await must(master, PROMOTE, { u: veteran.id });
    const second = await invite(veteran, friend);
    expect(await refusal(master, INVITE, { u: veteran.id })).toMatchObject({ code: 'CONFLICT', field: 'userId' });
    expect(await refusal(master, INVITE, { u: master.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(await refusal(master, INVITE, { u: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await must<{ declineGuildInvitation: { invitationId: string } }>(friend, DECLINE, { i: second.id })).declineGuildInvitation.invitationId).toBe(second.id);
    expect(await refusal(friend, ACCEPT, { i: second.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await must<{ me: { guild: null } }>(friend, ME)).me.guild).toBeNull();
  });
});

describe('settings and disbanding', () => {
  it('lets the master edit settings and disband; other ranks are FORBIDDEN naming the permission', async () => {
    const master = await founder();
    const guild = await found(master);
    const officer = await registerPlayer(url);
    await join(officer, guild.id);
    await must(master, PROMOTE, { u: officer.id });
    await must(master, PROMOTE, { u: officer.id });
    const UPDATE = `mutation($input: UpdateGuildSettingsInput!) { updateGuildSettings(input: $input) { guild { description isPublic requiresApproval minLevel } } }`;
    expect(await refusal(officer, UPDATE, { input: { description: 'Mine now.' } })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('EDIT_SETTINGS') });
    expect(await refusal(master, UPDATE, { input: { minLevel: 0 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minLevel' });
    expect((await must<{ updateGuildSettings: { guild: unknown } }>(master, UPDATE, { input: { description: 'Quiet nights.', requiresApproval: true } })).updateGuildSettings.guild)
      .toEqual({ description: 'Quiet nights.', isPublic: true, requiresApproval: true, minLevel: 1 });
    // A request now, not a join.
    expect((await join(await registerPlayer(url), guild.id)).status).toBe('REQUESTED');

    const DISBAND = `mutation { disbandGuild { guildId } }`;
    expect(await refusal(officer, DISBAND)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('DISBAND') });
    expect((await must<{ disbandGuild: { guildId: string } }>(master, DISBAND)).disbandGuild.guildId).toBe(guild.id);
    expect((await must<{ guild: null }>(undefined, `query($g: ID!) { guild(id: $g) { id } }`, { g: guild.id })).guild).toBeNull();
    expect(await guildRoomMembers(guild.id)).toEqual([]);
    expect((await must<{ me: { guild: null } }>(officer, ME)).me.guild).toBeNull();
    expect(await platform.runtime.db.prisma.guildJoinRequest.count({ where: { guildId: guild.id } })).toBe(0);
  });
});

describe('ranks, kicks, mastership, leaving', () => {
  it('follows the matrix, keeps the room in step, and disbands with the last member', async () => {
    const master = await founder();
    const guild = await found(master);
    const [officer, veteran, recruit] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of [officer, veteran, recruit]) await join(p, guild.id);

    await must(master, PROMOTE, { u: officer.id });
    expect((await must<{ promoteGuildMember: { member: { role: string } } }>(master, PROMOTE, { u: officer.id })).promoteGuildMember.member.role).toBe('OFFICER');
    // Nobody is promoted to MASTER, nor by an officer to their own rank.
    expect(await refusal(master, PROMOTE, { u: officer.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') });
    expect((await must<{ promoteGuildMember: { member: { role: string } } }>(officer, PROMOTE, { u: veteran.id })).promoteGuildMember.member.role).toBe('VETERAN');
    expect(await refusal(officer, PROMOTE, { u: veteran.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await must<{ demoteGuildMember: { member: { role: string } } }>(officer, DEMOTE, { u: recruit.id })).demoteGuildMember.member.role).toBe('RECRUIT');
    expect(await refusal(officer, DEMOTE, { u: recruit.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(veteran, KICK, { u: recruit.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('KICK') });
    expect(await refusal(officer, KICK, { u: master.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(officer, KICK, { u: (await registerPlayer(url)).id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(master, LEAVE)).toMatchObject({ code: 'FORBIDDEN', reason: 'TRANSFER_FIRST' });
    expect(await refusal(officer, TRANSFER, { u: veteran.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('TRANSFER_MASTERSHIP') });
    expect(await refusal(master, TRANSFER, { u: master.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });

    expect((await must<{ kickGuildMember: { guild: { memberCount: number } } }>(officer, KICK, { u: recruit.id })).kickGuildMember.guild.memberCount).toBe(3);
    expect(await guildRoomMembers(guild.id)).toEqual([master.id, officer.id, veteran.id].sort());
    expect((await must<{ me: { guild: null } }>(recruit, ME)).me.guild).toBeNull();

    const transfer = await must<{ transferGuildMastership: { master: { role: string; user: { id: string } }; previousMaster: { role: string } } }>(master, TRANSFER, { u: veteran.id });
    expect(transfer.transferGuildMastership).toEqual({ master: { role: 'MASTER', user: { id: veteran.id } }, previousMaster: { role: 'OFFICER', user: { id: master.id } } });

    expect((await must<{ leaveGuild: { disbanded: boolean } }>(master, LEAVE)).leaveGuild.disbanded).toBe(false);
    expect((await must<{ leaveGuild: { disbanded: boolean } }>(officer, LEAVE)).leaveGuild.disbanded).toBe(false);
    expect(await guildRoomMembers(guild.id)).toEqual([veteran.id]);
    expect(await must<{ leaveGuild: { guildId: string; disbanded: boolean } }>(veteran, LEAVE)).toEqual({ leaveGuild: { guildId: guild.id, disbanded: true } });
    expect((await must<{ guild: null }>(undefined, `query($g: ID!) { guild(id: $g) { id } }`, { g: guild.id })).guild).toBeNull();
    expect(await guildRoomMembers(guild.id)).toEqual([]);
    expect(await refusal(veteran, LEAVE)).toMatchObject({ code: 'FORBIDDEN' });
    // The name is free again.
    expect((await found(await fund(veteran, FEE), { name: guild.name })).name).toBe(guild.name);
  });
});

describe('refusals change nothing', () => {
  it('leaves the guild, its members, ranks, room, requests, invitations and the wallet as they were after every refusal', async () => {
    const master = await fund(await founder(), 50);
    const guild = await found(master, { requiresApproval: true });
    const [officer, member, outsider] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of [officer, member]) await must(master, APPROVE, { r: (await join(p, guild.id)).request!.id });
    await must(master, PROMOTE, { u: officer.id });
    await must(master, PROMOTE, { u: officer.id });
    const asked = (await join(outsider, guild.id)).request!;
    const db = platform.runtime.db.prisma;
    const snapshot = async () => ({
      guild: await db.guild.findUnique({ where: { id: guild.id }, select: { name: true, description: true, isPublic: true, requiresApproval: true, minLevel: true, maxMembers: true, xp: true, level: true } }),
      members: (await db.guildMember.findMany({ where: { guildId: guild.id }, orderBy: { userId: 'asc' } })).map((m) => [m.userId, m.role, String(m.contributed)]),
      room: await guildRoomMembers(guild.id),
      requests: await db.guildJoinRequest.count({ where: { guildId: guild.id } }),
      invitations: await db.guildInvitation.count({ where: { guildId: guild.id } }),
      wallet: (await walletOf(master)).coins,
      guilds: await db.guild.count(),
    });
    const before = await snapshot();
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';
    const refusals: [Player | undefined, string, Record<string, unknown>, string][] = [
      [undefined, KICK, { u: member.id }, 'UNAUTHENTICATED'],
      [member, KICK, { u: officer.id }, 'FORBIDDEN'],
      [officer, KICK, { u: UNKNOWN }, 'NOT_FOUND'],
      [member, PROMOTE, { u: member.id }, 'FORBIDDEN'],
      [officer, DEMOTE, { u: master.id }, 'FORBIDDEN'],
      [member, TRANSFER, { u: officer.id }, 'FORBIDDEN'],
      [master, TRANSFER, { u: outsider.id }, 'NOT_FOUND'],
      [master, LEAVE, {}, 'FORBIDDEN'],
      [member, APPROVE, { r: asked.id }, 'FORBIDDEN'],
      [officer, APPROVE, { r: UNKNOWN }, 'NOT_FOUND'],
      [officer, REJECT, { r: 'not-an-id' }, 'NOT_FOUND'],
      [member, CANCEL, { r: asked.id }, 'NOT_FOUND'],
      [member, `mutation { disbandGuild { guildId } }`, {}, 'FORBIDDEN'],
      [officer, `mutation($input: UpdateGuildSettingsInput!) { updateGuildSettings(input: $input) { guild { id } } }`, { input: { description: 'x' } }, 'FORBIDDEN'],
      [master, `mutation($input: UpdateGuildSettingsInput!) { updateGuildSettings(input: $input) { guild { id } } }`, { input: { minLevel: 0 } }, 'BAD_USER_INPUT'],
      [member, `mutation($u: ID!) { inviteToGuild(input: { userId: $u }) { invitation { id } } }`, { u: outsider.id }, 'FORBIDDEN'],
      [master, `mutation($u: ID!) { inviteToGuild(input: { userId: $u }) { invitation { id } } }`, { u: UNKNOWN }, 'NOT_FOUND'],
      [master, `mutation($i: ID!) { acceptGuildInvitation(input: { invitationId: $i }) { guild { id } } }`, { i: UNKNOWN }, 'NOT_FOUND'],
      [master, `mutation($i: ID!) { declineGuildInvitation(input: { invitationId: $i }) { invitationId } }`, { i: UNKNOWN }, 'NOT_FOUND'],
      [master, `mutation($coins: Int!, $key: String!) { contributeToGuild(input: { coins: $coins, requestKey: $key }) { guild { id } } }`, { coins: 1_000, key: `too-much-${master.id}` }, 'INSUFFICIENT_FUNDS'],
      [master, `mutation($coins: Int!, $key: String!) { contributeToGuild(input: { coins: $coins, requestKey: $key }) { guild { id } } }`, { coins: -5, key: `negative-${master.id}` }, 'BAD_USER_INPUT'],
      [master, CREATE, { input: { name: uniqueName('second'), tag: freshTag() } }, 'CONFLICT'],
      [outsider, CREATE, { input: { name: guild.name, tag: freshTag() } }, 'CONFLICT'],
      [outsider, CREATE, { input: { name: uniqueName('x'), tag: 'TOOLONG' } }, 'BAD_USER_INPUT'],
      [outsider, CREATE, { input: { name: uniqueName('broke'), tag: freshTag() } }, 'INSUFFICIENT_FUNDS'],
      [officer, JOIN, { g: UNKNOWN }, 'NOT_FOUND'],
    ];
    for (const [who, query, variables, code] of refusals) expect(await refusal(who, query, variables), query.slice(0, 60)).toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });
});
