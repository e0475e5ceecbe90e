import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { acceptanceCalls, HUGE, type Player } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { liveChannel } from '../platform/live.js';
import { subscribe, untilListening, type Subscription } from './support/ws.js';

// Guilds as a studio reads schema/social/guilds.graphql: who may do what (the permission matrix on
// GuildRole), the refusals each docstring names (code, extensions.field, reason), defaults, the
// creation fee taken once, retries that change nothing, and hostile input on every argument.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const FEE = 1_000; // SOCIAL_GUILD_CREATION_FEE's documented default

const { must, refusal, expectRefusals } = acceptanceCalls(() => url);

let admin: string | undefined;
let service: string | undefined;
const adminToken = async () => (admin ??= await signInAsAdmin(platform, url));
const serviceToken = async () => (service ??= await gameServerToken(platform, url));
async function fund(player: Player, coins: number) {
  await must(await adminToken(), `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
    input: { userId: player.id, idempotencyKey: `acc-guild-${randomUUID()}`, reason: 'test', changes: [{ currency: 'COINS', amount: coins }] },
  });
  return player;
}
const coinsOf = async (player: Player) =>
  (await must<{ me: { wallet: { balances: { currency: string; amount: number }[] } } }>(player, `query { me { wallet { balances { currency amount } } } }`)).me.wallet.balances.find(
    (b) => b.currency === 'COINS',
  )?.amount ?? 0;

let tags = 0;
const freshTag = () => `${(Date.now() % 1_679_616).toString(36)}${(tags++ % 36).toString(36)}`.toUpperCase().slice(-5);
const CREATE = `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id name tag description isPublic requiresApproval minLevel memberCount level xp xpForNextLevel maxMembers } } }`;
type Guild = { id: string; name: string; tag: string; memberCount: number; level: number; xp: number; maxMembers: number };
async function found(input: Record<string, unknown> = {}) {
  const master = await fund(await registerPlayer(url), FEE);
  const guild = (await must<{ createGuild: { guild: Guild } }>(master, CREATE, { input: { name: uniqueName('guild'), tag: freshTag(), ...input } })).createGuild.guild;
  return { master, guild };
}
const JOIN = `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status guild { id memberCount } request { id } } }`;
const join = async (player: Player, guildId: string) =>
  (await must<{ joinGuild: { status: string; guild: { memberCount: number }; request: { id: string } | null } }>(player, JOIN, { g: guildId })).joinGuild;
const MEMBER_OP = (name: string, selection: string) => `mutation($u: ID!) { ${name}(input: { userId: $u }) { ${selection} } }`;
const KICK = MEMBER_OP('kickGuildMember', 'userId guild { memberCount }');
const PROMOTE = MEMBER_OP('promoteGuildMember', 'member { role permissions user { id } }');
const DEMOTE = MEMBER_OP('demoteGuildMember', 'member { role user { id } }');
const TRANSFER = MEMBER_OP('transferGuildMastership', 'master { role user { id } } previousMaster { role user { id } }');
const INVITE = MEMBER_OP('inviteToGuild', 'invitation { id guild { id } user { id } invitedBy { id } }');
const LEAVE = `mutation { leaveGuild { guildId disbanded } }`;
const GUILD = `query($id: ID!) { guild(id: $id) { id name memberCount } }`;
const ROLE = `query($id: ID!) { user(id: $id) { guild { id } guildRole guildPermissions } }`;
const roleOf = async (player: Player) => (await must<{ user: { guild: { id: string } | null; guildRole: string | null; guildPermissions: string[] | null } }>(undefined, ROLE, { id: player.id })).user;
const MATRIX: Record<string, string[]> = {
  MASTER: ['INVITE', 'MANAGE_JOIN_REQUESTS', 'KICK', 'PROMOTE', 'DEMOTE', 'EDIT_SETTINGS', 'DECLARE_WAR', 'START_CONTRIBUTION_DRIVE', 'DISBAND', 'TRANSFER_MASTERSHIP'],
  OFFICER: ['INVITE', 'MANAGE_JOIN_REQUESTS', 'KICK', 'PROMOTE', 'DEMOTE', 'DECLARE_WAR', 'START_CONTRIBUTION_DRIVE'],
  VETERAN: ['INVITE'],
  MEMBER: [],
  RECRUIT: [],
};

describe('acceptance: founding a guild', () => {
  it('createGuild refuses each broken rule naming the field, storing nothing and taking no coins', async () => {
    const ana = await fund(await registerPlayer(url), FEE);
    // Guilds bearing a name these refusals sent (none may exist): counted by name because the database
    // may be shared with test files running alongside, which found guilds too.
    const sent: string[] = [];
    const input = (over: Record<string, unknown>) => {
      const fields = { name: uniqueName('guild'), tag: freshTag(), ...over };
      if (typeof fields.name === 'string') sent.push(fields.name, fields.name.trim().toLowerCase());
      return { input: fields };
    };
    const guilds = () => platform.runtime.db.prisma.guild.count({ where: { OR: [{ name: { in: sent } }, { nameKey: { in: sent } }] } });
    await expectRefusals(CREATE, [
      ['signed out', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), input({}), { code: 'FORBIDDEN' }],
      ['a 2-character name', ana, input({ name: 'ab' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 33-character name', ana, input({ name: 'n'.repeat(33) }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a name on two lines', ana, input({ name: 'Night\nOwls' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 100 KB name', ana, input({ name: HUGE }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['an empty name', ana, input({ name: '' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 1-character tag', ana, input({ tag: 'A' }), { code: 'BAD_USER_INPUT', field: 'tag' }],
      ['a 6-character tag', ana, input({ tag: 'ABCDEF' }), { code: 'BAD_USER_INPUT', field: 'tag' }],
      ['a tag with punctuation', ana, input({ tag: 'A-B' }), { code: 'BAD_USER_INPUT', field: 'tag' }],
      ['a tag with a non-ASCII letter', ana, input({ tag: 'ÄBC' }), { code: 'BAD_USER_INPUT', field: 'tag' }],
      ['an empty tag', ana, input({ tag: '' }), { code: 'BAD_USER_INPUT', field: 'tag' }],
      ['a 501-character description', ana, input({ description: 'd'.repeat(501) }), { code: 'BAD_USER_INPUT', field: 'description' }],
      ['a minimum level of 0', ana, input({ minLevel: 0 }), { code: 'BAD_USER_INPUT', field: 'minLevel' }],
      ['a minimum level of 101', ana, input({ minLevel: 101 }), { code: 'BAD_USER_INPUT', field: 'minLevel' }],
      ['a negative minimum level', ana, input({ minLevel: -2_147_483_648 }), { code: 'BAD_USER_INPUT', field: 'minLevel' }],
    ]);
    // A minLevel past Int is GraphQL's own refusal.
    expect((await refusal(ana, CREATE, input({ minLevel: 1e12 }))).code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    const poor = await fund(await registerPlayer(url), FEE - 1);
    expect(await refusal(poor, CREATE, input({}))).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await coinsOf(poor)).toBe(FEE - 1);
    expect(await coinsOf(ana)).toBe(FEE);
    expect(await guilds()).toBe(0);
  });

  it('founds with the documented defaults, the founder MASTER with every permission, the fee taken once; a retry answers the same guild', async () => {
    const ana = await fund(await registerPlayer(url), FEE + 5);
    const name = uniqueName('Night');
    const tag = freshTag().toLowerCase();
    const created = (await must<{ createGuild: { guild: Guild & Record<string, unknown> } }>(ana, CREATE, { input: { name, tag } })).createGuild.guild;
    expect(created).toMatchObject({ name, tag: tag.toUpperCase(), description: '', isPublic: true, requiresApproval: false, minLevel: 1, memberCount: 1, level: 1, xp: 0, xpForNextLevel: 1_000 });
    expect(await coinsOf(ana)).toBe(5);
    expect(await roleOf(ana)).toEqual({ guild: { id: created.id }, guildRole: 'MASTER', guildPermissions: MATRIX.MASTER });
    // The first master joined when the guild was founded, and has contributed nothing yet.
    const FOUNDER = `query($id: ID!) { guild(id: $id) { createdAt members { edges { node { joinedAt contributed user { id } } } } } }`;
    const founded = (await must<{ guild: { createdAt: string; members: { edges: { node: { joinedAt: string } }[] } } }>(undefined, FOUNDER, { id: created.id })).guild;
    expect(founded.members.edges.map((e) => e.node)).toEqual([{ joinedAt: founded.createdAt, contributed: 0, user: { id: ana.id } }]);
    // The same input again: the same guild, no second fee.
    const again = (await must<{ createGuild: { guild: Guild } }>(ana, CREATE, { input: { name, tag } })).createGuild.guild;
    expect(again.id).toBe(created.id);
    expect(await coinsOf(ana)).toBe(5);
    // guildByTag in any case; unknown and hostile tags are null, never an error.
    const BY_TAG = `query($t: String!) { guildByTag(tag: $t) { id } }`;
    expect(await must(undefined, BY_TAG, { t: tag.toUpperCase() })).toEqual({ guildByTag: { id: created.id } });
    for (const t of ['ZZZZZ9', '', '%', HUGE.slice(0, 5_000)]) {
      const result = await gql<{ guildByTag: unknown }>(url, BY_TAG, { t });
      expect(result.status, t.slice(0, 10)).toBeLessThan(500);
      if (result.errors) expect(result.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(result.data?.guildByTag).toBeNull();
    }
    for (const id of [randomUUID(), 'nope', '', HUGE.slice(0, 5_000)]) {
      const result = await gql<{ guild: unknown }>(url, GUILD, { id });
      expect(result.errors, id.slice(0, 10)).toBeUndefined();
      expect(result.data?.guild).toBeNull();
    }
  });

  it('createGuild: a taken name or tag (any case) is CONFLICT naming it; a player already in a guild is CONFLICT without a field', async () => {
    const { master, guild } = await found();
    const ben = await fund(await registerPlayer(url), FEE);
    await expectRefusals(CREATE, [
      ['a taken name in another case', ben, { input: { name: guild.name.toUpperCase(), tag: freshTag() } }, { code: 'CONFLICT', field: 'name' }],
      ['a taken tag in lower case', ben, { input: { name: uniqueName('guild'), tag: guild.tag.toLowerCase() } }, { code: 'CONFLICT', field: 'tag' }],
    ]);
    await fund(master, FEE);
    const inGuild = await refusal(master, CREATE, { input: { name: uniqueName('guild'), tag: freshTag() } });
    expect(inGuild.code).toBe('CONFLICT');
    expect(inGuild.field).toBeUndefined();
    expect(await coinsOf(ben)).toBe(FEE);
    expect(await coinsOf(master)).toBe(FEE);
  });
});

describe('acceptance: joining and leaving', () => {
  it('joinGuild: signed out, service tokens, unknown ids, another guild and a low level are refused with the documented codes', async () => {
    const { guild } = await found();
    const { guild: other, master: otherMaster } = await found();
    const high = (await found({ minLevel: 50 })).guild;
    const ana = await registerPlayer(url);
    await expectRefusals(JOIN, [
      ['signed out', undefined, { g: guild.id }, { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), { g: guild.id }, { code: 'FORBIDDEN' }],
      ['an unknown guild', ana, { g: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed id', ana, { g: 'nope' }, { code: 'NOT_FOUND' }],
      ['a huge id', ana, { g: HUGE }, { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
      ['below the minimum level', ana, { g: high.id }, { code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minLevel: 50, level: 1 }],
      ['the master of another guild', otherMaster, { g: guild.id }, { code: 'CONFLICT' }],
    ]);
    expect(await roleOf(ana)).toEqual({ guild: null, guildRole: null, guildPermissions: null });
    // A public guild without approval takes the player at once as MEMBER; a retry answers JOINED again.
    const joined = await join(ana, guild.id);
    expect(joined).toMatchObject({ status: 'JOINED', request: null, guild: { memberCount: 2 } });
    expect(await join(ana, guild.id)).toMatchObject({ status: 'JOINED', request: null, guild: { memberCount: 2 } });
    expect(await roleOf(ana)).toEqual({ guild: { id: guild.id }, guildRole: 'MEMBER', guildPermissions: [] });
    expect(await refusal(ana, JOIN, { g: other.id })).toMatchObject({ code: 'CONFLICT' });
  });

  it('leaveGuild: refusals, a member leaving, the master told to transfer first, and the last member disbanding the guild', async () => {
    const { master, guild } = await found();
    const ana = await registerPlayer(url);
    await expectRefusals(LEAVE, [
      ['signed out', undefined, {}, { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), {}, { code: 'FORBIDDEN' }],
      ['in no guild', ana, {}, { code: 'FORBIDDEN' }],
    ]);
    await join(ana, guild.id);
    expect(await refusal(master, LEAVE, {})).toMatchObject({ code: 'FORBIDDEN', reason: 'TRANSFER_FIRST' });
    expect(await must(ana, LEAVE)).toEqual({ leaveGuild: { guildId: guild.id, disbanded: false } });
    expect((await must<{ guild: { memberCount: number } }>(undefined, GUILD, { id: guild.id })).guild.memberCount).toBe(1);
    expect(await must(master, LEAVE)).toEqual({ leaveGuild: { guildId: guild.id, disbanded: true } });
    expect(await must(undefined, GUILD, { id: guild.id })).toEqual({ guild: null });
    // Its name and tag are free again.
    const again = await fund(await registerPlayer(url), FEE);
    expect((await must<{ createGuild: { guild: Guild } }>(again, CREATE, { input: { name: guild.name, tag: guild.tag } })).createGuild.guild.name).toBe(guild.name);
  });

  it('join requests: REQUESTED with a request (the same on a retry), officers see and decide them; the others are FORBIDDEN naming MANAGE_JOIN_REQUESTS', async () => {
    const { master, guild } = await found({ requiresApproval: true });
    const [ana, ben, cat, outsider] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), (await found()).master];
    const asked = await join(ana, guild.id);
    expect(asked).toMatchObject({ status: 'REQUESTED', guild: { memberCount: 1 }, request: { id: expect.any(String) } });
    expect((await join(ana, guild.id)).request?.id).toBe(asked.request!.id);
    const benAsked = await join(ben, guild.id);
    const REQUESTS = `query($g: ID!) { guild(id: $g) { joinRequests(first: 10) { edges { node { id user { id } } } } } }`;
    type Requests = { guild: { joinRequests: { edges: { node: { id: string; user: { id: string } } }[] } | null } };
    expect((await must<Requests>(master, REQUESTS, { g: guild.id })).guild.joinRequests!.edges.map((e) => e.node.user.id)).toEqual([ana.id, ben.id]);
    expect((await must<Requests>(ana, REQUESTS, { g: guild.id })).guild.joinRequests).toBeNull();
    expect((await must<Requests>(undefined, REQUESTS, { g: guild.id })).guild.joinRequests).toBeNull();
    const BAD_PAGE = `query($g: ID!, $first: Int, $after: String) { guild(id: $g) { joinRequests(first: $first, after: $after) { edges { cursor } } } }`;
    for (const [variables, field] of [[{ first: -1 }, 'first'], [{ first: 101 }, 'first'], [{ after: 'garbage' }, 'after']] as const) {
      expect(await refusal(master, BAD_PAGE, { g: guild.id, ...variables }), JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // The officers are told.
    const INBOX = `query { me { guildNotifications(first: 10) { edges { node { kind guildId requestId subject { id } } } } } }`;
    const notices = (await must<{ me: { guildNotifications: { edges: { node: Record<string, unknown> }[] } } }>(master, INBOX)).me.guildNotifications.edges.map((e) => e.node);
    expect(notices).toEqual(expect.arrayContaining([{ kind: 'JOIN_REQUESTED', guildId: guild.id, requestId: asked.request!.id, subject: { id: ana.id } }]));
    const otherInbox = await gql<{ user: { guildNotifications: unknown } }>(url, `query($id: ID!) { user(id: $id) { guildNotifications { edges { cursor } } } }`, { id: master.id }, { token: ana.token });
    expect(otherInbox.data?.user.guildNotifications).toBeNull();

    const REQUEST_OP = (name: string, selection: string) => `mutation($r: ID!) { ${name}(input: { requestId: $r }) { ${selection} } }`;
    const APPROVE = REQUEST_OP('approveGuildJoinRequest', 'member { role user { id } } guild { memberCount }');
    const REJECT = REQUEST_OP('rejectGuildJoinRequest', 'requestId');
    const CANCEL = REQUEST_OP('cancelGuildJoinRequest', 'requestId');
    for (const op of [APPROVE, REJECT]) {
      await expectRefusals(op, [
        ['signed out', undefined, { r: asked.request!.id }, { code: 'UNAUTHENTICATED' }],
        ['the asker', ana, { r: asked.request!.id }, { code: 'FORBIDDEN', message: expect.stringContaining('MANAGE_JOIN_REQUESTS') }],
        ['the master of another guild', outsider, { r: asked.request!.id }, { code: 'FORBIDDEN', message: expect.stringContaining('MANAGE_JOIN_REQUESTS') }],
        ['an unknown request', master, { r: randomUUID() }, { code: 'NOT_FOUND' }],
        ['a malformed request', master, { r: HUGE.slice(0, 5_000) }, { code: 'NOT_FOUND' }],
      ]);
    }
    await expectRefusals(CANCEL, [
      ['signed out', undefined, { r: asked.request!.id }, { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), { r: asked.request!.id }, { code: 'FORBIDDEN' }],
      ["someone else's", ben, { r: asked.request!.id }, { code: 'NOT_FOUND' }],
      ['an unknown request', ana, { r: randomUUID() }, { code: 'NOT_FOUND' }],
    ]);
    expect(await must(master, APPROVE, { r: asked.request!.id })).toEqual({ approveGuildJoinRequest: { member: { role: 'MEMBER', user: { id: ana.id } }, guild: { memberCount: 2 } } });
    expect(await refusal(master, APPROVE, { r: asked.request!.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(master, REJECT, { r: asked.request!.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await must(ben, CANCEL, { r: benAsked.request!.id })).toEqual({ cancelGuildJoinRequest: { requestId: benAsked.request!.id } });
    expect(await refusal(master, REJECT, { r: benAsked.request!.id })).toMatchObject({ code: 'NOT_FOUND' });
    const catAsked = await join(cat, guild.id);
    expect(await must(master, REJECT, { r: catAsked.request!.id })).toEqual({ rejectGuildJoinRequest: { requestId: catAsked.request!.id } });
    expect(await refusal(cat, CANCEL, { r: catAsked.request!.id })).toMatchObject({ code: 'NOT_FOUND' });
    const catNotices = (await must<{ me: { guildNotifications: { edges: { node: { kind: string } }[] } } }>(cat, INBOX)).me.guildNotifications.edges.map((e) => e.node.kind);
    expect(catNotices).toContain('JOIN_REJECTED');
    const anaNotices = (await must<{ me: { guildNotifications: { edges: { node: { kind: string } }[] } } }>(ana, INBOX)).me.guildNotifications.edges.map((e) => e.node.kind);
    expect(anaNotices).toContain('JOIN_APPROVED');
  });

  it('a guild that is not public records a request even without approval', async () => {
    const { guild } = await found({ isPublic: false });
    const ana = await registerPlayer(url);
    expect(await join(ana, guild.id)).toMatchObject({ status: 'REQUESTED', request: { id: expect.any(String) } });
  });
});

describe('acceptance: ranks', () => {
  it('the permission matrix: each rank reads its row; promote climbs one rank up to below the actor; demote stops at RECRUIT with CONFLICT', async () => {
    const { master, guild } = await found();
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of [ana, ben, cat]) await join(p, guild.id);
    const promote = async (actor: Player, target: Player) => (await must<{ promoteGuildMember: { member: { role: string; permissions: string[] } } }>(actor, PROMOTE, { u: target.id })).promoteGuildMember.member;
    expect(await promote(master, ana)).toEqual({ role: 'VETERAN', permissions: MATRIX.VETERAN, user: { id: ana.id } });
    expect(await promote(master, ana)).toEqual({ role: 'OFFICER', permissions: MATRIX.OFFICER, user: { id: ana.id } });
    // Nobody is promoted to MASTER.
    expect(await refusal(master, PROMOTE, { u: ana.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') });
    // An OFFICER promotes up to VETERAN only, and not another OFFICER.
    expect((await promote(ana, ben)).role).toBe('VETERAN');
    expect(await refusal(ana, PROMOTE, { u: ben.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') });
    expect(await roleOf(ben)).toMatchObject({ guildRole: 'VETERAN', guildPermissions: MATRIX.VETERAN });
    // Demote: down one, CONFLICT at RECRUIT.
    const DEMOTED = async (actor: Player, target: Player) => (await must<{ demoteGuildMember: { member: { role: string } } }>(actor, DEMOTE, { u: target.id })).demoteGuildMember.member.role;
    expect(await DEMOTED(ana, cat)).toBe('RECRUIT');
    expect(await refusal(ana, DEMOTE, { u: cat.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await roleOf(cat)).toMatchObject({ guildRole: 'RECRUIT', guildPermissions: MATRIX.RECRUIT });
    // Ranks not below the actor are FORBIDDEN, as are ranks without the permission.
    await expectRefusals(DEMOTE, [
      ['an officer demoting the master', ana, { u: master.id }, { code: 'FORBIDDEN', message: expect.stringContaining('DEMOTE') }],
      ['a veteran demoting', ben, { u: cat.id }, { code: 'FORBIDDEN', message: expect.stringContaining('DEMOTE') }],
    ]);
    await expectRefusals(PROMOTE, [
      ['a recruit promoting', cat, { u: ben.id }, { code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') }],
      ['a veteran promoting', ben, { u: cat.id }, { code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') }],
    ]);
    expect(await DEMOTED(master, ana)).toBe('VETERAN');
  });

  it('promoting the MASTER (oneself, or by an OFFICER) is FORBIDDEN naming PROMOTE', async () => {
    const { master, guild } = await found();
    const ana = await registerPlayer(url);
    await join(ana, guild.id);
    await must(master, PROMOTE, { u: ana.id });
    await must(master, PROMOTE, { u: ana.id }); // OFFICER
    await expectRefusals(PROMOTE, [
      ['the master promoting themself', master, { u: master.id }, { code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') }],
      ['an officer promoting the master', ana, { u: master.id }, { code: 'FORBIDDEN', message: expect.stringContaining('PROMOTE') }],
    ]);
  });

  it('kick, promote, demote and transfer: signed out, no guild, outsiders, unknown and hostile ids answer the documented codes and change nothing', async () => {
    const { master, guild } = await found();
    const [ana, loner] = [await registerPlayer(url), await registerPlayer(url)];
    const { master: stranger } = await found();
    await join(ana, guild.id);
    for (const [op, permission] of [[KICK, 'KICK'], [PROMOTE, 'PROMOTE'], [DEMOTE, 'DEMOTE'], [TRANSFER, 'TRANSFER_MASTERSHIP']] as const) {
      await expectRefusals(op, [
        [`${permission} signed out`, undefined, { u: ana.id }, { code: 'UNAUTHENTICATED' }],
        [`${permission} by a player in no guild`, loner, { u: ana.id }, { code: 'FORBIDDEN' }],
        [`${permission} by a MEMBER`, ana, { u: master.id }, { code: 'FORBIDDEN', message: expect.stringContaining(permission) }],
        [`${permission} a player of another guild`, master, { u: stranger.id }, { code: 'NOT_FOUND' }],
        [`${permission} a player in no guild`, master, { u: loner.id }, { code: 'NOT_FOUND' }],
        [`${permission} an unknown id`, master, { u: randomUUID() }, { code: 'NOT_FOUND' }],
        [`${permission} a huge id`, master, { u: HUGE }, { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
      ]);
    }
    expect(await refusal(master, TRANSFER, { u: master.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(await refusal(master, KICK, { u: master.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await roleOf(ana)).toMatchObject({ guild: { id: guild.id }, guildRole: 'MEMBER' });
    expect(await roleOf(stranger)).toMatchObject({ guildRole: 'MASTER' });
  });

  it('kick removes a lower rank only; transfer makes the old master an OFFICER with the matrix row', async () => {
    const { master, guild } = await found();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await join(ana, guild.id);
    await join(ben, guild.id);
    await must(master, PROMOTE, { u: ana.id });
    await must(master, PROMOTE, { u: ana.id }); // OFFICER
    expect(await must(ana, KICK, { u: ben.id })).toEqual({ kickGuildMember: { userId: ben.id, guild: { memberCount: 2 } } });
    expect(await roleOf(ben)).toEqual({ guild: null, guildRole: null, guildPermissions: null });
    expect(await refusal(ana, KICK, { u: ben.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(ana, KICK, { u: master.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('KICK') });
    expect(await must(master, TRANSFER, { u: ana.id })).toEqual({
      transferGuildMastership: { master: { role: 'MASTER', user: { id: ana.id } }, previousMaster: { role: 'OFFICER', user: { id: master.id } } },
    });
    expect(await roleOf(master)).toEqual({ guild: { id: guild.id }, guildRole: 'OFFICER', guildPermissions: MATRIX.OFFICER });
    expect(await roleOf(ana)).toMatchObject({ guildRole: 'MASTER', guildPermissions: MATRIX.MASTER });
    // An officer may not kick another officer (equal rank), nor transfer.
    await join(ben, guild.id);
    await must(ana, PROMOTE, { u: ben.id });
    await must(ana, PROMOTE, { u: ben.id });
    expect(await refusal(master, KICK, { u: ben.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('KICK') });
    expect(await refusal(master, TRANSFER, { u: ben.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('TRANSFER_MASTERSHIP') });
  });
});

describe('acceptance: invitations, settings, disbanding', () => {
  it('inviteToGuild: INVITE ranks only, oneself, unknown players and players in a guild refused; the same invitation again; accepting joins a private guild', async () => {
    const { master, guild } = await found({ isPublic: false, requiresApproval: true });
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const { master: stranger } = await found();
    await expectRefusals(INVITE, [
      ['signed out', undefined, { u: ana.id }, { code: 'UNAUTHENTICATED' }],
      ['an inviter in no guild', ben, { u: ana.id }, { code: 'FORBIDDEN' }],
      ['oneself', master, { u: master.id }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['an unknown player', master, { u: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed id', master, { u: 'nope' }, { code: 'NOT_FOUND' }],
      ['a player in a guild', master, { u: stranger.id }, { code: 'CONFLICT', field: 'userId' }],
    ]);
    type Invitation = { inviteToGuild: { invitation: { id: string; guild: { id: string }; user: { id: string }; invitedBy: { id: string } } } };
    const invited = (await must<Invitation>(master, INVITE, { u: ana.id })).inviteToGuild.invitation;
    expect(invited).toMatchObject({ guild: { id: guild.id }, user: { id: ana.id }, invitedBy: { id: master.id } });
    expect((await must<Invitation>(master, INVITE, { u: ana.id })).inviteToGuild.invitation.id).toBe(invited.id);
    const INBOX = `query { me { guildNotifications(first: 10) { edges { node { kind requestId subject { id } } } } } }`;
    const notices = (await must<{ me: { guildNotifications: { edges: { node: unknown }[] } } }>(ana, INBOX)).me.guildNotifications.edges.map((e) => e.node);
    expect(notices).toContainEqual({ kind: 'INVITED', requestId: invited.id, subject: { id: master.id } });

    const INVITATION_OP = (name: string, selection: string) => `mutation($i: ID!) { ${name}(input: { invitationId: $i }) { ${selection} } }`;
    const ACCEPT = INVITATION_OP('acceptGuildInvitation', 'member { role user { id } } guild { id memberCount }');
    const DECLINE = INVITATION_OP('declineGuildInvitation', 'invitationId');
    for (const op of [ACCEPT, DECLINE]) {
      await expectRefusals(op, [
        ['signed out', undefined, { i: invited.id }, { code: 'UNAUTHENTICATED' }],
        ['a service token', await serviceToken(), { i: invited.id }, { code: 'FORBIDDEN' }],
        ["someone else's", ben, { i: invited.id }, { code: 'NOT_FOUND' }],
        ['an unknown invitation', ana, { i: randomUUID() }, { code: 'NOT_FOUND' }],
        ['a huge id', ana, { i: HUGE }, { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
      ]);
    }
    expect(await must(ana, ACCEPT, { i: invited.id })).toEqual({ acceptGuildInvitation: { member: { role: 'MEMBER', user: { id: ana.id } }, guild: { id: guild.id, memberCount: 2 } } });
    expect(await refusal(ana, ACCEPT, { i: invited.id })).toMatchObject({ code: 'NOT_FOUND' });
    // A MEMBER may not invite; a VETERAN may.
    expect(await refusal(ana, INVITE, { u: cat.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('INVITE') });
    await must(master, PROMOTE, { u: ana.id });
    const catInvite = (await must<Invitation>(ana, INVITE, { u: cat.id })).inviteToGuild.invitation;
    expect(await must(cat, DECLINE, { i: catInvite.id })).toEqual({ declineGuildInvitation: { invitationId: catInvite.id } });
    expect(await refusal(cat, ACCEPT, { i: catInvite.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('updateGuildSettings: EDIT_SETTINGS (MASTER) only, bounds named by field, fields left out or null kept', async () => {
    const { master, guild } = await found({ description: 'first' });
    const ana = await registerPlayer(url);
    await join(ana, guild.id);
    await must(master, PROMOTE, { u: ana.id });
    await must(master, PROMOTE, { u: ana.id }); // OFFICER: no EDIT_SETTINGS
    const UPDATE = `mutation($input: UpdateGuildSettingsInput!) { updateGuildSettings(input: $input) { guild { description isPublic requiresApproval minLevel } } }`;
    await expectRefusals(UPDATE, [
      ['signed out', undefined, { input: { description: 'x' } }, { code: 'UNAUTHENTICATED' }],
      ['an OFFICER', ana, { input: { description: 'x' } }, { code: 'FORBIDDEN', message: expect.stringContaining('EDIT_SETTINGS') }],
      ['in no guild', await registerPlayer(url), { input: { description: 'x' } }, { code: 'FORBIDDEN' }],
      ['a 501-character description', master, { input: { description: 'd'.repeat(501) } }, { code: 'BAD_USER_INPUT', field: 'description' }],
      ['a 100 KB description', master, { input: { description: HUGE } }, { code: 'BAD_USER_INPUT', field: 'description' }],
      ['a minimum level of 0', master, { input: { minLevel: 0 } }, { code: 'BAD_USER_INPUT', field: 'minLevel' }],
      ['a minimum level of 101', master, { input: { minLevel: 101 } }, { code: 'BAD_USER_INPUT', field: 'minLevel' }],
      ['a valid description with a bad level', master, { input: { description: 'changed', minLevel: 0 } }, { code: 'BAD_USER_INPUT', field: 'minLevel' }],
    ]);
    const unchanged = { description: 'first', isPublic: true, requiresApproval: false, minLevel: 1 };
    expect(await must(master, UPDATE, { input: {} })).toEqual({ updateGuildSettings: { guild: unchanged } });
    expect(await must(master, UPDATE, { input: { description: null, isPublic: null, requiresApproval: null, minLevel: null } })).toEqual({ updateGuildSettings: { guild: unchanged } });
    expect(await must(master, UPDATE, { input: { description: 'd'.repeat(500), minLevel: 100, requiresApproval: true } })).toEqual({
      updateGuildSettings: { guild: { description: 'd'.repeat(500), isPublic: true, requiresApproval: true, minLevel: 100 } },
    });
    // Members below the new minimum stay.
    expect(await roleOf(ana)).toMatchObject({ guild: { id: guild.id } });
  });

  it('disbandGuild: DISBAND (MASTER) only; the guild is gone and its members free', async () => {
    const { master, guild } = await found();
    const ana = await registerPlayer(url);
    await join(ana, guild.id);
    const DISBAND = `mutation { disbandGuild { guildId } }`;
    await expectRefusals(DISBAND, [
      ['signed out', undefined, {}, { code: 'UNAUTHENTICATED' }],
      ['a MEMBER', ana, {}, { code: 'FORBIDDEN', message: expect.stringContaining('DISBAND') }],
      ['in no guild', await registerPlayer(url), {}, { code: 'FORBIDDEN' }],
    ]);
    expect(await must(master, DISBAND)).toEqual({ disbandGuild: { guildId: guild.id } });
    expect(await must(undefined, GUILD, { id: guild.id })).toEqual({ guild: null });
    expect(await roleOf(ana)).toEqual({ guild: null, guildRole: null, guildPermissions: null });
    expect(await roleOf(master)).toEqual({ guild: null, guildRole: null, guildPermissions: null });
  });
});

describe('acceptance: reading and contributing', () => {
  it('members and searchGuilds: page bounds and cursors refused naming the field; members in joining order, filtered by rank', async () => {
    const { master, guild } = await found({ description: 'acceptance owls' });
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await join(ana, guild.id);
    await join(ben, guild.id);
    const MEMBERS = `query($g: ID!, $first: Int, $after: String, $rank: GuildRole) { guild(id: $g) { members(first: $first, after: $after, rank: $rank) { edges { cursor node { role user { id } } } pageInfo { hasNextPage endCursor } } } }`;
    type Members = { guild: { members: { edges: { cursor: string; node: { role: string; user: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const all = (await must<Members>(undefined, MEMBERS, { g: guild.id })).guild.members;
    expect(all.edges.map((e) => e.node.user.id)).toEqual([master.id, ana.id, ben.id]);
    const page = (await must<Members>(undefined, MEMBERS, { g: guild.id, first: 1 })).guild.members;
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect((await must<Members>(undefined, MEMBERS, { g: guild.id, after: page.pageInfo.endCursor })).guild.members.edges.map((e) => e.node.user.id)).toEqual([ana.id, ben.id]);
    expect((await must<Members>(undefined, MEMBERS, { g: guild.id, rank: 'MASTER' })).guild.members.edges.map((e) => e.node.user.id)).toEqual([master.id]);
    expect((await must<Members>(undefined, MEMBERS, { g: guild.id, first: 0 })).guild.members.edges).toEqual([]);
    for (const [variables, field] of [[{ first: -1 }, 'first'], [{ first: 101 }, 'first'], [{ after: 'garbage' }, 'after'], [{ after: HUGE }, 'after']] as const) {
      expect(await refusal(undefined, MEMBERS, { g: guild.id, ...variables }), JSON.stringify(variables).slice(0, 40)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const SEARCH = `query($text: String, $minLevel: Int, $first: Int, $after: String, $isPublic: Boolean) { searchGuilds(text: $text, minLevel: $minLevel, first: $first, after: $after, isPublic: $isPublic) { edges { cursor node { id tag } } pageInfo { hasNextPage } } }`;
    await expectRefusals(SEARCH, [
      ['101 characters of text', undefined, { text: 'a'.repeat(101) }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['100 KB of text', undefined, { text: HUGE }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['text without a letter or digit', undefined, { text: '%%% ---' }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['a minimum level of 0', undefined, { minLevel: 0 }, { code: 'BAD_USER_INPUT', field: 'minLevel' }],
      ['first -1', undefined, { first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first 101', undefined, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a malformed cursor', undefined, { after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ]);
    type Search = { searchGuilds: { edges: { node: { id: string; tag: string } }[] } };
    // The tag searched alone comes first, in any case.
    expect((await must<Search>(undefined, SEARCH, { text: guild.tag.toLowerCase() })).searchGuilds.edges[0]?.node.id).toBe(guild.id);
    expect((await must<Search>(undefined, SEARCH, { text: guild.name })).searchGuilds.edges.map((e) => e.node.id)).toContain(guild.id);
    expect((await must<Search>(undefined, SEARCH, { text: guild.tag, isPublic: false })).searchGuilds.edges.map((e) => e.node.id)).not.toContain(guild.id);
    expect((await must<Search>(undefined, SEARCH, { first: 0 })).searchGuilds.edges).toEqual([]);
    // Search-language characters are words, never syntax errors.
    for (const text of ["o'brien", 'a & b | !c', 'owls:*', '(((', '\\']) {
      const result = await gql(url, SEARCH, { text });
      expect(result.status, text).toBeLessThan(500);
      if (result.errors) expect(result.errors[0]!.extensions?.code, text).toBe('BAD_USER_INPUT');
    }
  });

  it('contributeToGuild: members only, coin and key bounds named, a retry pays once, another amount on a key is CONFLICT', async () => {
    const { master, guild } = await found();
    await fund(master, 2_000);
    const loner = await fund(await registerPlayer(url), 10);
    const CONTRIBUTE = `mutation($c: Int!, $k: String!) { contributeToGuild(input: { coins: $c, requestKey: $k }) { guild { id xp level xpForNextLevel } } }`;
    const key = `acc-${randomUUID()}`;
    await expectRefusals(CONTRIBUTE, [
      ['signed out', undefined, { c: 1, k: key }, { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), { c: 1, k: key }, { code: 'FORBIDDEN' }],
      ['in no guild', loner, { c: 1, k: key }, { code: 'FORBIDDEN' }],
      ['0 coins', master, { c: 0, k: key }, { code: 'BAD_USER_INPUT', field: 'coins' }],
      ['negative coins', master, { c: -5, k: key }, { code: 'BAD_USER_INPUT', field: 'coins' }],
      ['1,000,001 coins', master, { c: 1_000_001, k: key }, { code: 'BAD_USER_INPUT', field: 'coins' }],
      ['a 7-character key', master, { c: 1, k: 'k'.repeat(7) }, { code: 'BAD_USER_INPUT', field: 'requestKey' }],
      ['a 101-character key', master, { c: 1, k: 'k'.repeat(101) }, { code: 'BAD_USER_INPUT', field: 'requestKey' }],
      ['a key with a space', master, { c: 1, k: 'key with space' }, { code: 'BAD_USER_INPUT', field: 'requestKey' }],
      ['a 100 KB key', master, { c: 1, k: HUGE }, { code: 'BAD_USER_INPUT', field: 'requestKey' }],
      ['more coins than held', master, { c: 2_001, k: `acc-${randomUUID()}` }, { code: 'INSUFFICIENT_FUNDS' }],
    ]);
    expect(await coinsOf(master)).toBe(2_000);
    const paid = await must<{ contributeToGuild: { guild: { xp: number; level: number; xpForNextLevel: number } } }>(master, CONTRIBUTE, { c: 1_000, k: key });
    expect(paid.contributeToGuild.guild).toMatchObject({ id: guild.id, xp: 1_000, level: 2, xpForNextLevel: 3_000 });
    expect((await must<{ contributeToGuild: { guild: { xp: number } } }>(master, CONTRIBUTE, { c: 1_000, k: key })).contributeToGuild.guild.xp).toBe(1_000);
    expect(await refusal(master, CONTRIBUTE, { c: 999, k: key })).toMatchObject({ code: 'CONFLICT', field: 'requestKey' });
    expect(await coinsOf(master)).toBe(1_000);
    // Level 2 adds five seats.
    const seats = await must<{ guild: { maxMembers: number } }>(undefined, `query($id: ID!) { guild(id: $id) { maxMembers } }`, { id: guild.id });
    expect(seats.guild.maxMembers).toBe(guild.maxMembers + 5);
  });
});

describe('acceptance: wars and contribution drives', () => {
  const DECLARE = `mutation($g: ID!) { declareWar(defendingGuildId: $g) { war { id status attacker { id } defender { id } attackerPoints defenderPoints declaredAt startsAt endsAt endedAt winner { id } isDraw } } }`;
  type War = { id: string; status: string; declaredAt: string; startsAt: string; endsAt: string } & Record<string, unknown>;

  it('declareWar: DECLARE_WAR ranks only, the documented refusals, the 24/72-hour schedule, one open war per pair and a 24-hour cooldown', async () => {
    const { master, guild } = await found();
    const { guild: enemy } = await found();
    const { guild: third } = await found();
    const [ana, loner] = [await registerPlayer(url), await registerPlayer(url)];
    await join(ana, guild.id);
    const wars = () => platform.runtime.db.prisma.guildWar.count({ where: { OR: [{ attackerId: guild.id }, { defenderId: guild.id }] } });
    await expectRefusals(DECLARE, [
      ['signed out', undefined, { g: enemy.id }, { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), { g: enemy.id }, { code: 'FORBIDDEN' }],
      ['a player in no guild', loner, { g: enemy.id }, { code: 'FORBIDDEN' }],
      ['a MEMBER', ana, { g: enemy.id }, { code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') }],
      ['on its own guild', master, { g: guild.id }, { code: 'BAD_USER_INPUT', field: 'defendingGuildId' }],
      ['an unknown guild', master, { g: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed id', master, { g: 'nope' }, { code: 'NOT_FOUND' }],
      ['a huge id', master, { g: HUGE }, { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
    ]);
    expect(await wars()).toBe(0);
    const war = (await must<{ declareWar: { war: War } }>(master, DECLARE, { g: enemy.id })).declareWar.war;
    expect(war).toMatchObject({ status: 'DECLARED', attacker: { id: guild.id }, defender: { id: enemy.id }, attackerPoints: 0, defenderPoints: 0, endedAt: null, winner: null, isDraw: false });
    const declared = Date.parse(war.declaredAt);
    expect(Date.parse(war.startsAt) - declared).toBe(24 * 3_600_000);
    expect(Date.parse(war.endsAt) - declared).toBe(72 * 3_600_000);
    // A retry is CONFLICT on the pair; another guild within 24 hours is the COOLDOWN.
    expect(await refusal(master, DECLARE, { g: enemy.id })).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId' });
    const cooldown = await refusal(master, DECLARE, { g: third.id });
    expect(cooldown).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId', reason: 'COOLDOWN' });
    expect(Date.parse(String(cooldown.availableAt)) - declared).toBe(24 * 3_600_000);
    expect(await wars()).toBe(1);
    // Both guilds list it; anyone reads it; unknown ids are null.
    const WARS = `query($g: ID!, $first: Int, $after: String) { guild(id: $g) { wars(first: $first, after: $after) { edges { node { id } } } } }`;
    for (const g of [guild.id, enemy.id]) expect((await must<{ guild: { wars: { edges: { node: { id: string } }[] } } }>(undefined, WARS, { g })).guild.wars.edges.map((e) => e.node.id)).toEqual([war.id]);
    for (const [variables, field] of [[{ first: -1 }, 'first'], [{ first: 101 }, 'first'], [{ after: 'garbage' }, 'after']] as const) {
      expect(await refusal(undefined, WARS, { g: guild.id, ...variables }), JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const READ = `query($id: ID!, $first: Int) { guildWar(id: $id) { id attackerTopScorers(first: $first) { points } } }`;
    expect(await must(undefined, READ, { id: war.id })).toEqual({ guildWar: { id: war.id, attackerTopScorers: [] } });
    expect(await refusal(undefined, READ, { id: war.id, first: 51 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const id of [randomUUID(), 'nope', HUGE.slice(0, 5_000)]) expect(await must(undefined, READ, { id })).toEqual({ guildWar: null });
  });

  it('startContributionDrive: START_CONTRIBUTION_DRIVE ranks only, goal and duration bounds named, one ACTIVE drive (DRIVE_OPEN naming it)', async () => {
    const { master, guild } = await found();
    const [ana, loner] = [await registerPlayer(url), await registerPlayer(url)];
    await join(ana, guild.id);
    const START = `mutation($goal: Int!, $h: Int!) { startContributionDrive(input: { goal: $goal, durationHours: $h }) { drive { id status goal raised bonusXp contributorCount startedBy { id } startedAt endsAt endedAt guild { id } } } }`;
    await expectRefusals(START, [
      ['signed out', undefined, { goal: 100, h: 1 }, { code: 'UNAUTHENTICATED' }],
      ['a service token', await serviceToken(), { goal: 100, h: 1 }, { code: 'FORBIDDEN' }],
      ['a player in no guild', loner, { goal: 100, h: 1 }, { code: 'FORBIDDEN' }],
      ['a MEMBER', ana, { goal: 100, h: 1 }, { code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') }],
      ['a goal of 99', master, { goal: 99, h: 1 }, { code: 'BAD_USER_INPUT', field: 'goal' }],
      ['a goal of 1,000,001', master, { goal: 1_000_001, h: 1 }, { code: 'BAD_USER_INPUT', field: 'goal' }],
      ['a negative goal', master, { goal: -100, h: 1 }, { code: 'BAD_USER_INPUT', field: 'goal' }],
      ['0 hours', master, { goal: 100, h: 0 }, { code: 'BAD_USER_INPUT', field: 'durationHours' }],
      ['169 hours', master, { goal: 100, h: 169 }, { code: 'BAD_USER_INPUT', field: 'durationHours' }],
    ]);
    const ACTIVE = `query($g: ID!) { guild(id: $g) { activeDrive { id } drives { id } } }`;
    expect(await must(undefined, ACTIVE, { g: guild.id })).toEqual({ guild: { activeDrive: null, drives: [] } });
    type Drive = { id: string; startedAt: string; endsAt: string } & Record<string, unknown>;
    const drive = (await must<{ startContributionDrive: { drive: Drive } }>(master, START, { goal: 1_001, h: 168 })).startContributionDrive.drive;
    expect(drive).toMatchObject({ status: 'ACTIVE', goal: 1_001, raised: 0, bonusXp: 200, contributorCount: 0, startedBy: { id: master.id }, endedAt: null, guild: { id: guild.id } });
    expect(Date.parse(drive.endsAt) - Date.parse(drive.startedAt)).toBe(168 * 3_600_000);
    expect(await refusal(master, START, { goal: 100, h: 1 })).toMatchObject({ code: 'CONFLICT', reason: 'DRIVE_OPEN', driveId: drive.id });
    expect(await must(undefined, ACTIVE, { g: guild.id })).toEqual({ guild: { activeDrive: { id: drive.id }, drives: [{ id: drive.id }] } });
    const TOP = `query($g: ID!, $first: Int) { guild(id: $g) { activeDrive { topContributors(first: $first) { coins } } } }`;
    for (const first of [-1, 51]) expect(await refusal(undefined, TOP, { g: guild.id, first }), String(first)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    // A contribution reaching the goal completes it with its bonus, once.
    await fund(master, 1_001);
    await must(master, `mutation($k: String!) { contributeToGuild(input: { coins: 1001, requestKey: $k }) { guild { id } } }`, { k: `drive-${randomUUID()}` });
    const after = await must<{ guild: { xp: number; activeDrive: unknown; drives: { status: string; raised: number }[] } }>(undefined, `query($g: ID!) { guild(id: $g) { xp activeDrive { id } drives { status raised } } }`, { g: guild.id });
    expect(after.guild).toEqual({ xp: 1_001 + 200, activeDrive: null, drives: [{ status: 'COMPLETED', raised: 1_001 }] });
  });
});

describe('acceptance: guild live updates', () => {
  async function firstError(sub: Subscription) {
    await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
    const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: Record<string, unknown> }) : undefined);
    sub.stop();
    return error?.extensions;
  }

  it('guildUpdated is open to anonymous subscribers; guildNotificationReceived needs a signed-in player', async () => {
    const { master, guild } = await found();
    const anonymous = client();
    const updates = subscribe(anonymous, `subscription($g: ID!) { guildUpdated(guildId: $g) { id description } }`, { g: guild.id });
    await expect
      .poll(
        async () => {
          await must(master, `mutation($d: String!) { updateGuildSettings(input: { description: $d }) { guild { id } } }`, { d: `now ${Date.now()}` });
          return updates.results.length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(updates.results[0]!.errors).toBeUndefined();
    updates.stop();
    expect(await firstError(subscribe(anonymous, `subscription { guildNotificationReceived { id } }`))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('guildNotificationReceived with a service token is FORBIDDEN', async () => {
    expect(await firstError(subscribe(client(await serviceToken()), `subscription { guildNotificationReceived { id } }`))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('acceptance: what lapses, search order, the level table, live notices', () => {
  const REQUESTS = `query($g: ID!) { guild(id: $g) { joinRequests(first: 100) { edges { node { id user { id } } } } } }`;
  const requestersOf = async (master: Player, guildId: string) =>
    (await must<{ guild: { joinRequests: { edges: { node: { user: { id: string } } }[] } } }>(master, REQUESTS, { g: guildId })).guild.joinRequests.edges.map((e) => e.node.user.id);
  const REQUEST_OP = (name: string, selection: string) => `mutation($r: ID!) { ${name}(input: { requestId: $r }) { ${selection} } }`;
  const APPROVE = REQUEST_OP('approveGuildJoinRequest', 'member { role user { id } } guild { memberCount }');
  const INVITATION_OP = (name: string, selection: string) => `mutation($i: ID!) { ${name}(input: { invitationId: $i }) { ${selection} } }`;
  const ACCEPT = INVITATION_OP('acceptGuildInvitation', 'member { role user { id } } guild { id memberCount }');
  const DECLINE = INVITATION_OP('declineGuildInvitation', 'invitationId');
  const invite = async (by: Player, to: Player) => (await must<{ inviteToGuild: { invitation: { id: string; invitedBy: { id: string } } } }>(by, INVITE, { u: to.id })).inviteToGuild.invitation;

  it('asking keeps the other requests; joining, an approval or an accepted invitation drops the others', async () => {
    const a = await found({ requiresApproval: true });
    const b = await found({ isPublic: false });
    const open = await found();
    const ana = await registerPlayer(url);
    const toA = (await join(ana, a.guild.id)).request!;
    const toB = (await join(ana, b.guild.id)).request!;
    expect(await requestersOf(a.master, a.guild.id)).toEqual([ana.id]);
    expect(await requestersOf(b.master, b.guild.id)).toEqual([ana.id]);
    // Joining a public guild drops both.
    expect((await join(ana, open.guild.id)).status).toBe('JOINED');
    expect(await requestersOf(a.master, a.guild.id)).toEqual([]);
    expect(await requestersOf(b.master, b.guild.id)).toEqual([]);
    // Approving a request whose player joined another guild meanwhile is CONFLICT; rejecting it, NOT_FOUND.
    expect(await refusal(a.master, APPROVE, { r: toA.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(b.master, APPROVE, { r: toB.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(b.master, REQUEST_OP('rejectGuildJoinRequest', 'requestId'), { r: toB.id })).toMatchObject({ code: 'NOT_FOUND' });
    // A request rejected before its player joined elsewhere stays decided: NOT_FOUND.
    const eve = await registerPlayer(url);
    const eveToA = (await join(eve, a.guild.id)).request!;
    await must(a.master, REQUEST_OP('rejectGuildJoinRequest', 'requestId'), { r: eveToA.id });
    await join(eve, open.guild.id);
    expect(await refusal(a.master, APPROVE, { r: eveToA.id })).toMatchObject({ code: 'NOT_FOUND' });

    // An approval drops the others.
    const ben = await registerPlayer(url);
    const benToA = (await join(ben, a.guild.id)).request!;
    await join(ben, b.guild.id);
    await must(a.master, APPROVE, { r: benToA.id });
    expect(await requestersOf(b.master, b.guild.id)).toEqual([]);

    // Accepting an invitation drops the player's requests and other invitations.
    const cat = await registerPlayer(url);
    await join(cat, b.guild.id);
    const fromA = await invite(a.master, cat);
    const fromOpen = await invite(open.master, cat);
    expect((await must<{ acceptGuildInvitation: { guild: { id: string } } }>(cat, ACCEPT, { i: fromOpen.id })).acceptGuildInvitation.guild.id).toBe(open.guild.id);
    expect(await requestersOf(b.master, b.guild.id)).toEqual([]);
    expect(await refusal(cat, ACCEPT, { i: fromA.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(cat, ACCEPT, { i: fromOpen.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(cat, DECLINE, { i: fromA.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a request notifies only the ranks that may MANAGE_JOIN_REQUESTS; joinRequests is null for a VETERAN', async () => {
    const { master, guild } = await found({ requiresApproval: true });
    const [officer, veteran, asker] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of [officer, veteran]) await must(master, APPROVE, { r: (await join(p, guild.id)).request!.id });
    await must(master, PROMOTE, { u: officer.id });
    await must(master, PROMOTE, { u: officer.id });
    await must(master, PROMOTE, { u: veteran.id });
    const request = (await join(asker, guild.id)).request!;
    const INBOX = `query { me { guildNotifications(first: 10) { edges { node { kind requestId } } } } }`;
    const kinds = async (p: Player) => (await must<{ me: { guildNotifications: { edges: { node: { kind: string; requestId: string } }[] } } }>(p, INBOX)).me.guildNotifications.edges.map((e) => e.node);
    for (const p of [master, officer]) expect(await kinds(p)).toContainEqual({ kind: 'JOIN_REQUESTED', requestId: request.id });
    expect((await kinds(veteran)).filter((n) => n.kind === 'JOIN_REQUESTED')).toEqual([]);
    expect((await must<{ guild: { joinRequests: unknown } }>(veteran, REQUESTS, { g: guild.id })).guild.joinRequests).toBeNull();
    expect(await requestersOf(officer, guild.id)).toEqual([asker.id]);
  });

  it('a member asking to join their own guild again gets JOINED whatever its approval; a low level is refused on a guild taking requests too', async () => {
    const { master, guild } = await found({ requiresApproval: true, isPublic: false });
    expect(await join(master, guild.id)).toMatchObject({ status: 'JOINED', request: null, guild: { memberCount: 1 } });
    const high = await found({ minLevel: 7, requiresApproval: true });
    expect(await refusal(await registerPlayer(url), JOIN, { g: high.guild.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minLevel: 7, level: 1 });
    expect(await requestersOf(high.master, high.guild.id)).toEqual([]);
  });

  it('invitations: a second inviter answers the same invitation; accepting is refused below the minimum level and once in a guild', async () => {
    const { master } = await found({ minLevel: 5 });
    // A new player is level 1: the invitation cannot be accepted, and stays.
    const ana = await registerPlayer(url);
    const first = await invite(master, ana);
    expect(await refusal(ana, ACCEPT, { i: first.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minLevel: 5, level: 1 });
    expect(await must(ana, DECLINE, { i: first.id })).toEqual({ declineGuildInvitation: { invitationId: first.id } });

    const other = await found();
    const ben = await registerPlayer(url);
    await join(ben, other.guild.id);
    await must(other.master, PROMOTE, { u: ben.id }); // VETERAN: may INVITE
    const cat = await registerPlayer(url);
    const byMaster = await invite(other.master, cat);
    const byVeteran = await invite(ben, cat);
    expect(byVeteran.id).toBe(byMaster.id);
    // Invited, then in another guild (joined, or founded): accepting is CONFLICT.
    const dan = await registerPlayer(url);
    const danInvite = await invite(other.master, dan);
    await join(dan, (await found()).guild.id);
    expect(await refusal(dan, ACCEPT, { i: danInvite.id })).toMatchObject({ code: 'CONFLICT' });
    const founder = await fund(await registerPlayer(url), FEE);
    const founderInvite = await invite(other.master, founder);
    await must(founder, CREATE, { input: { name: uniqueName('guild'), tag: freshTag() } });
    expect(await refusal(founder, ACCEPT, { i: founderInvite.id })).toMatchObject({ code: 'CONFLICT' });
  });

  it('the level table: 999 XP is level 1, 1,000 level 2, 2,999 level 2, 45,000 the last level with 50 more seats and no next level', async () => {
    const { master, guild } = await found();
    await fund(master, 50_000);
    const CONTRIBUTE = `mutation($c: Int!, $k: String!) { contributeToGuild(input: { coins: $c, requestKey: $k }) { guild { xp level xpForNextLevel maxMembers } } }`;
    const pay = async (c: number) => (await must<{ contributeToGuild: { guild: Record<string, unknown> } }>(master, CONTRIBUTE, { c, k: `lvl-${randomUUID()}` })).contributeToGuild.guild;
    expect(await pay(999)).toEqual({ xp: 999, level: 1, xpForNextLevel: 1_000, maxMembers: guild.maxMembers });
    expect(await pay(1)).toEqual({ xp: 1_000, level: 2, xpForNextLevel: 3_000, maxMembers: guild.maxMembers + 5 });
    expect(await pay(1_999)).toEqual({ xp: 2_999, level: 2, xpForNextLevel: 3_000, maxMembers: guild.maxMembers + 5 });
    expect(await pay(42_001)).toEqual({ xp: 45_000, level: 10, xpForNextLevel: null, maxMembers: guild.maxMembers + 50 });
    expect(await pay(5_000)).toEqual({ xp: 50_000, level: 10, xpForNextLevel: null, maxMembers: guild.maxMembers + 50 });
    const CONTRIBUTED = `query($g: ID!) { guild(id: $g) { members { edges { node { contributed user { id } } } } } }`;
    expect((await must<{ guild: { members: { edges: { node: unknown }[] } } }>(undefined, CONTRIBUTED, { g: guild.id })).guild.members.edges.map((e) => e.node)).toEqual([{ contributed: 50_000, user: { id: master.id } }]);
  });

  it('searchGuilds: tag first, then name or tag, then description, each by XP; prefixes; filters', async () => {
    const word = `q${randomUUID().replace(/-/g, '').slice(0, 9)}`;
    const tagged = await found({ name: uniqueName('tagged'), tag: word.slice(0, 5) });
    const poorName = await found({ name: `${word} Night Owls` });
    const richName = await found({ name: `${word} Wolves`, minLevel: 5 });
    const richDescribed = await found({ name: uniqueName('quiet'), description: `Friends of ${word}.`, isPublic: false });
    const poorDescribed = await found({ name: uniqueName('calm'), description: `We like ${word} too.` });
    for (const [g, coins] of [[richName, 3_000], [richDescribed, 2_000], [poorName, 10]] as const) {
      await fund(g.master, coins);
      await must(g.master, `mutation($c: Int!, $k: String!) { contributeToGuild(input: { coins: $c, requestKey: $k }) { guild { id } } }`, { c: coins, k: `s-${randomUUID()}` });
    }
    const SEARCH = `query($text: String, $isPublic: Boolean, $hasSpace: Boolean, $minLevel: Int, $first: Int, $after: String) { searchGuilds(text: $text, isPublic: $isPublic, hasSpace: $hasSpace, minLevel: $minLevel, first: $first, after: $after) { edges { node { id xp } } pageInfo { hasNextPage endCursor } } }`;
    type Found = { searchGuilds: { edges: { node: { id: string; xp: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const ids = async (variables: Record<string, unknown>) => (await must<Found>(undefined, SEARCH, variables)).searchGuilds.edges.map((e) => e.node.id);
    expect(await ids({ text: word })).toEqual([richName.guild.id, poorName.guild.id, richDescribed.guild.id, poorDescribed.guild.id]);
    expect(await ids({ text: word.slice(0, 5) })).toEqual(expect.arrayContaining([tagged.guild.id]));
    expect((await ids({ text: word.slice(0, 5) }))[0]).toBe(tagged.guild.id);
    expect(await ids({ text: `${word} night ow` })).toEqual([poorName.guild.id]);
    expect(await ids({ text: `${word.toUpperCase()} NIGHT` })).toEqual([poorName.guild.id]);
    expect(await ids({ text: word, isPublic: false })).toEqual([richDescribed.guild.id]);
    expect(await ids({ text: word, hasSpace: true })).toEqual([richName.guild.id, poorName.guild.id, richDescribed.guild.id, poorDescribed.guild.id]);
    expect(await ids({ text: word, minLevel: 4 })).toEqual([poorName.guild.id, richDescribed.guild.id, poorDescribed.guild.id]);
    expect(await ids({ text: word, minLevel: 5 })).toEqual([richName.guild.id, poorName.guild.id, richDescribed.guild.id, poorDescribed.guild.id]);
    expect(await ids({ text: word, minLevel: 1_000 })).toHaveLength(4);
    expect(await ids({ text: `${word} ${'z'.repeat(100 - word.length - 1)}` })).toEqual([]);
    // Page by page, the same order.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: Found = await must<Found>(undefined, SEARCH, { text: word, first: 1, after });
      seen.push(...result.searchGuilds.edges.map((e) => e.node.id));
      if (!result.searchGuilds.pageInfo.hasNextPage) break;
      after = result.searchGuilds.pageInfo.endCursor;
    }
    expect(seen).toEqual([richName.guild.id, poorName.guild.id, richDescribed.guild.id, poorDescribed.guild.id]);
    // The tag searched alone first, then the rest in order, page by page too.
    const byTag = await ids({ text: word.slice(0, 5) });
    expect(byTag).toEqual([tagged.guild.id, richName.guild.id, poorName.guild.id, richDescribed.guild.id, poorDescribed.guild.id]);
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 6; page++) {
      const result: Found = await must<Found>(undefined, SEARCH, { text: word.slice(0, 5), first: 2, after: cursor });
      paged.push(...result.searchGuilds.edges.map((e) => e.node.id));
      if (!result.searchGuilds.pageInfo.hasNextPage) break;
      cursor = result.searchGuilds.pageInfo.endCursor;
    }
    expect(paged).toEqual(byTag);
    expect(await must<Found>(undefined, SEARCH, { text: word.slice(0, 5), first: 0 })).toMatchObject({ searchGuilds: { edges: [], pageInfo: { hasNextPage: true } } });
    expect(await ids({ text: word.slice(0, 5), first: 1 })).toEqual([tagged.guild.id]);
    // Without text: by XP, most first (a default page of 20).
    const ranking = (await must<Found>(undefined, SEARCH, {})).searchGuilds.edges.map((e) => e.node.xp);
    expect(ranking.length).toBeLessThanOrEqual(20);
    expect(ranking).toEqual([...ranking].sort((x, y) => y - x));
  });

  it('guildNotifications: newest first, paged with after; live INVITED, JOIN_APPROVED and JOIN_REJECTED notices', async () => {
    const a = await found({ requiresApproval: true });
    const b = await found({ requiresApproval: true });
    const ana = await registerPlayer(url);
    const live = subscribe(client(ana.token), `subscription { guildNotificationReceived { kind guildId requestId subject { id } } }`);
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildNotification', ana.id));
    await invite(a.master, ana);
    await expect.poll(() => live.results.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const invited = live.results[0]!.data!.guildNotificationReceived as Record<string, unknown>;
    expect(invited).toMatchObject({ kind: 'INVITED', guildId: a.guild.id, subject: { id: a.master.id } });
    const asked = (await join(ana, b.guild.id)).request!;
    await must(b.master, REQUEST_OP('rejectGuildJoinRequest', 'requestId'), { r: asked.id });
    await expect.poll(() => live.results.map((r) => (r.data!.guildNotificationReceived as { kind: string }).kind), { timeout: 10_000 }).toEqual(['INVITED', 'JOIN_REJECTED']);
    const again = (await join(ana, b.guild.id)).request!;
    await must(b.master, APPROVE, { r: again.id });
    await expect.poll(() => live.results.map((r) => (r.data!.guildNotificationReceived as { kind: string }).kind), { timeout: 10_000 }).toEqual(['INVITED', 'JOIN_REJECTED', 'JOIN_APPROVED']);
    live.stop();
    const INBOX = `query($first: Int, $after: String) { me { guildNotifications(first: $first, after: $after) { edges { cursor node { kind guildName } } pageInfo { hasNextPage endCursor } } } }`;
    type Inbox = { me: { guildNotifications: { edges: { cursor: string; node: { kind: string; guildName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const all = (await must<Inbox>(ana, INBOX, {})).me.guildNotifications;
    expect(all.edges.map((e) => e.node)).toEqual([
      { kind: 'JOIN_APPROVED', guildName: b.guild.name },
      { kind: 'JOIN_REJECTED', guildName: b.guild.name },
      { kind: 'INVITED', guildName: a.guild.name },
    ]);
    const first = (await must<Inbox>(ana, INBOX, { first: 1 })).me.guildNotifications;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect((await must<Inbox>(ana, INBOX, { first: 5, after: first.pageInfo.endCursor })).me.guildNotifications.edges.map((e) => e.node.kind)).toEqual(['JOIN_REJECTED', 'INVITED']);
    for (const [variables, field] of [[{ first: -1 }, 'first'], [{ first: 101 }, 'first'], [{ after: 'garbage' }, 'after']] as const) {
      expect(await refusal(ana, INBOX, variables), JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('demote: an OFFICER may not demote another OFFICER nor the MASTER themself; disbanding frees the tag and drops invitations', async () => {
    const { master, guild } = await found();
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of [ana, ben]) {
      await join(p, guild.id);
      await must(master, PROMOTE, { u: p.id });
      await must(master, PROMOTE, { u: p.id });
    }
    expect(await refusal(ana, DEMOTE, { u: ben.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('DEMOTE') });
    expect(await refusal(master, DEMOTE, { u: master.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('DEMOTE') });
    expect(await refusal(ana, KICK, { u: ana.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('KICK') });
    const invitation = await invite(ana, cat);
    await must(master, `mutation { disbandGuild { guildId } }`);
    expect(await refusal(cat, ACCEPT, { i: invitation.id })).toMatchObject({ code: 'NOT_FOUND' });
    const again = await fund(await registerPlayer(url), FEE);
    expect((await must<{ createGuild: { guild: Guild } }>(again, CREATE, { input: { name: guild.name.toUpperCase(), tag: guild.tag.toLowerCase() } })).createGuild.guild.tag).toBe(guild.tag);
  });

  it('createGuild after INSUFFICIENT_FUNDS held nothing: the name is free for another player, and the same input once funded founds it, the fee taken once', async () => {
    const poor = await fund(await registerPlayer(url), FEE - 1);
    const input = { name: uniqueName('broke'), tag: freshTag() };
    expect(await refusal(poor, CREATE, { input })).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await fund(poor, 1);
    const made = (await must<{ createGuild: { guild: Guild } }>(poor, CREATE, { input })).createGuild.guild;
    expect(made).toMatchObject({ name: input.name, tag: input.tag, memberCount: 1 });
    expect(await coinsOf(poor)).toBe(0);
    // Refused for the fee, another's input with the same name did not hold it either.
    const other = await fund(await registerPlayer(url), FEE - 1);
    const name = uniqueName('free');
    expect(await refusal(other, CREATE, { input: { name, tag: freshTag() } })).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    const taker = await fund(await registerPlayer(url), FEE);
    expect((await must<{ createGuild: { guild: Guild } }>(taker, CREATE, { input: { name, tag: freshTag() } })).createGuild.guild.name).toBe(name);
  });

  it('transferGuildMastership to a RECRUIT makes them MASTER; the former master may then leave', async () => {
    const { master, guild } = await found();
    const ana = await registerPlayer(url);
    await join(ana, guild.id);
    await must(master, DEMOTE, { u: ana.id });
    expect(await must(master, TRANSFER, { u: ana.id })).toEqual({ transferGuildMastership: { master: { role: 'MASTER', user: { id: ana.id } }, previousMaster: { role: 'OFFICER', user: { id: master.id } } } });
    expect(await must(master, LEAVE)).toEqual({ leaveGuild: { guildId: guild.id, disbanded: false } });
    expect(await roleOf(ana)).toEqual({ guild: { id: guild.id }, guildRole: 'MASTER', guildPermissions: MATRIX.MASTER });
  });

  it('createGuild: the bounds themselves are accepted (3 and 32 characters, digits in tags, 500-character description, level 100); a retry with the same name answers its guild', async () => {
    // A 3-character name and a 2-digit tag may be held by another file's or run's guild on a shared
    // database: CONFLICT naming that field still shows the bound accepted (never BAD_USER_INPUT).
    const cases: [Record<string, unknown>, string | null][] = [
      [{ name: randomUUID().slice(0, 3), tag: freshTag(), minLevel: 100 }, 'name'],
      [{ name: `${uniqueName('g')}${'x'.repeat(32)}`.slice(0, 32), tag: `${Math.floor(Math.random() * 90 + 10)}`, description: 'd'.repeat(500) }, 'tag'],
      [{ name: `é${randomUUID().slice(0, 8)}ü 🐺`, tag: freshTag(), description: '🐺'.repeat(500) }, null],
    ];
    for (const [input, mayBeTaken] of cases) {
      const master = await fund(await registerPlayer(url), FEE);
      const result = await gql<{ createGuild: { guild: Guild } }>(url, CREATE, { input }, { token: master.token });
      if (mayBeTaken && result.errors?.[0]?.extensions?.code === 'CONFLICT' && result.errors[0].extensions.field === mayBeTaken) continue;
      expect(result.errors, JSON.stringify(input).slice(0, 80)).toBeUndefined();
      expect(result.data!.createGuild.guild.name).toBe(input.name);
    }
    const ana = await fund(await registerPlayer(url), FEE);
    const name = uniqueName('retry');
    const made = (await must<{ createGuild: { guild: Guild } }>(ana, CREATE, { input: { name, tag: freshTag() } })).createGuild.guild;
    expect((await must<{ createGuild: { guild: Guild } }>(ana, CREATE, { input: { name, tag: made.tag } })).createGuild.guild.id).toBe(made.id);
    expect(await coinsOf(ana)).toBe(0);
  });
});
