// The seed's phases, in order. Each one reads what is there before it writes, or writes with a
// key the platform deduplicates (idempotency keys, request keys, client message ids, event ids,
// submission ids), so a second run over a seeded platform changes nothing.
import pMap from 'p-map';
import { CHARACTERS, QUESTS } from '../../subgraphs/analytics/catalog/content.js';
import { xpForLevel } from '../../subgraphs/users/domain/levels.js';
import { ApiRefusal, GameServer, type PlatformApi, refused, Session } from './api.js';
import { fakerFor, type PlannedTournament, type SeedPlan } from './plan.js';
import type { Progress } from './progress.js';

export interface SeedContext {
  api: PlatformApi;
  plan: SeedPlan;
  admin: Session;
  server: GameServer;
  /** Signed-in players, by plan index (filled by the players phase). */
  players: Session[];
  progress: Progress;
  /** The run's clock: every relative time is taken from it. */
  now: Date;
  /** Lines for the closing summary. */
  notes: string[];
}

const DAY = 86_400_000;
const CONCURRENCY = 4;
const iso = (ms: number) => new Date(ms).toISOString();
const GUILD_RANKS = ['RECRUIT', 'MEMBER', 'VETERAN', 'OFFICER', 'MASTER'] as const;

/** Registers each planned player, or signs in the ones an earlier run registered. */
export async function seedPlayers(ctx: SeedContext): Promise<void> {
  const { api, plan } = ctx;
  const bar = ctx.progress.phase('players', plan.players.length);
  let registered = 0;
  ctx.players = await pMap(
    plan.players,
    async (p) => {
      const session = new Session(api, p.username, p.password);
      const { userByUsername } = await api.request<{ userByUsername: { id: string } | null }>(
        `query SeedPlayerExists($username: String!) { userByUsername(username: $username) { id } }`,
        { username: p.username },
      );
      if (!userByUsername) {
        try {
          const { register } = await api.request<{ register: { accessToken: string; user: { id: string } } }>(
            `mutation SeedRegister($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
            { input: { username: p.username, email: p.email, password: p.password, displayName: p.displayName } },
          );
          session.token = register.accessToken;
          session.id = register.user.id;
          registered++;
          await session.request(`mutation SeedProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename } }`, {
            input: { bio: p.bio, timezone: p.timezone },
          });
        } catch (error) {
          // Registered meanwhile (a concurrent seed): sign in below.
          if (!refused(error, 'CONFLICT')) throw error;
        }
      }
      if (!session.token) {
        await session.signIn().catch((error: unknown) => {
          if (refused(error, 'UNAUTHENTICATED')) {
            throw new ApiRefusal('login', `the account ${p.username} exists with another password: it was not made by this seed`, 'UNAUTHENTICATED', {});
          }
          throw error;
        });
      }
      bar.increment();
      return session;
    },
    { concurrency: CONCURRENCY },
  );
  bar.stop(`${registered} registered, ${plan.players.length - registered} signed in`);
}

/** XP up to each player's planned level, and coins to spend (guild fees, entry fees, contributions). */
export async function seedWallets(ctx: SeedContext): Promise<void> {
  const bar = ctx.progress.phase('levels and wallets', ctx.plan.players.length);
  await pMap(
    ctx.plan.players,
    async (p) => {
      const changes = [{ currency: 'COINS', amount: 5_000 }];
      if (p.level > 1) changes.push({ currency: 'XP', amount: xpForLevel(p.level) });
      await ctx.server.request(`mutation SeedWallet($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
        input: { userId: ctx.players[p.index]!.id, idempotencyKey: `seed:wallet:${p.username.toLowerCase()}`, reason: 'seed', changes },
      });
      bar.increment();
    },
    { concurrency: CONCURRENCY },
  );
  bar.stop();
}

/** Friendships (and a few requests left pending), from each pair's current state. */
export async function seedFriends(ctx: SeedContext): Promise<void> {
  const bar = ctx.progress.phase('friends', ctx.plan.friendships.length);
  let made = 0;
  await pMap(
    ctx.plan.friendships,
    async ({ a, b, accepted }) => {
      const asker = ctx.players[a]!;
      const friend = ctx.players[b]!;
      const { user } = await asker.request<{ user: { friendState: string | null } | null }>(
        `query SeedFriendState($id: ID!) { user(id: $id) { friendState } }`,
        { id: friend.id },
      );
      let state = user?.friendState ?? null;
      if (state === null) {
        await asker.request(`mutation SeedFriendRequest($input: SendFriendRequestInput!) { sendFriendRequest(input: $input) { __typename } }`, {
          input: { userId: friend.id },
        });
        state = 'INVITE_SENT';
        made++;
      }
      if (accepted && state === 'INVITE_SENT') {
        await friend.request(`mutation SeedAcceptFriend($input: AcceptFriendRequestInput!) { acceptFriendRequest(input: $input) { __typename } }`, {
          input: { userId: asker.id },
        });
      }
      bar.increment();
    },
    { concurrency: CONCURRENCY },
  );
  bar.stop(`${made} new requests`);
}

/** Leaderboards defined as the admin, scores submitted as the game server. */
export async function seedLeaderboards(ctx: SeedContext): Promise<void> {
  const { plan } = ctx;
  const submissions = plan.leaderboards.flatMap((board) =>
    plan.players
      .filter((p) => p.index % 5 !== 4)
      .flatMap((p) => Array.from({ length: board.submissions }, (_, k) => ({ board, p, k }))),
  );
  const bar = ctx.progress.phase('leaderboards', plan.leaderboards.length + submissions.length);
  for (const board of plan.leaderboards) {
    await ctx.admin.request(`mutation SeedDefineLeaderboard($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { id } } }`, {
      input: {
        id: board.id,
        title: board.title,
        sortOrder: board.sortOrder,
        operator: board.operator,
        resetSchedule: board.resetSchedule ?? null,
        follows: board.follows ?? [],
        metadata: board.metadata,
      },
    });
    bar.increment();
  }
  await pMap(
    submissions,
    async ({ board, p, k }) => {
      const f = fakerFor('score', board.id, p.index, k);
      try {
        await ctx.server.request(`mutation SeedSubmitScore($input: SubmitScoreInput!) { submitScore(input: $input) { record { rank } } }`, {
          input: {
            leaderboardId: board.id,
            userId: ctx.players[p.index]!.id,
            score: board.score(f, p),
            submissionId: `seed:${board.id}:${p.username.toLowerCase()}:${k}`,
            metadata: JSON.stringify({ match: `seed-${p.index}-${k}` }),
          },
        });
      } catch (error) {
        // A re-run after the board reset: this submission applied in a period that has ended.
        if (!(refused(error, 'CONFLICT') && error instanceof ApiRefusal && error.extensions.field === 'input.submissionId')) throw error;
      }
      bar.increment();
    },
    { concurrency: CONCURRENCY * 2 },
  );
  bar.stop(`${plan.leaderboards.length} leaderboards, ${submissions.length} submissions`);
}

/** Each player's gameplay history, reported by the game server: what unlocks achievements. */
export async function seedGameEvents(ctx: SeedContext): Promise<void> {
  const bar = ctx.progress.phase('achievements (game events)', ctx.plan.players.length);
  let events = 0;
  let unlocks = 0;
  const enemies = ['goblin', 'dragon', 'troll', 'wraith', 'bandit', 'kraken', 'golem', 'harpy', 'lich', 'wyvern', 'ogre', 'basilisk', 'cultist', 'shade', 'minotaur', 'hydra'];
  const regions = ['northreach', 'ashlands', 'sunken_coast', 'frostpeak', 'verdant_vale', 'iron_hills', 'mirewood', 'skyreach'];
  await pMap(
    ctx.plan.players,
    async (p) => {
      const f = fakerFor('events', p.index);
      const activity = p.level / 40;
      const list: { type: string; data: Record<string, unknown> }[] = [];
      for (let k = f.number.int({ min: 1, max: 3 }); k > 0; k--) {
        list.push({ type: 'CHARACTER_CREATED', data: { characterClass: f.helpers.arrayElement(['warrior', 'mage', 'rogue', 'bard', 'cleric', 'ranger']), race: f.helpers.arrayElement(['human', 'elf', 'dwarf', 'orc', 'duckfolk']), customized: f.datatype.boolean() } });
      }
      for (let k = f.number.int({ min: 2, max: 8 + Math.round(50 * activity) }); k > 0; k--) {
        if (f.number.int({ min: 0, max: 9 }) === 0) list.push({ type: 'COMBAT_LOST', data: { mode: 'pve', enemy: f.helpers.arrayElement(enemies) } });
        list.push({
          type: 'COMBAT_WON',
          data: { mode: f.helpers.arrayElement(['pve', 'pve', 'pvp']), enemy: f.helpers.arrayElement(enemies), boss: f.number.int({ min: 0, max: 14 }) === 0, damageDealt: f.number.int({ min: 200, max: 4_000 }) },
        });
      }
      for (let k = f.number.int({ min: 0, max: 3 + Math.round(25 * activity) }); k > 0; k--) {
        list.push({ type: 'QUEST_COMPLETED', data: { questId: f.helpers.arrayElement(['rat_cellar', 'lost_caravan', 'forgotten_shrine', 'edge_of_the_map', 'old_mill']), region: f.helpers.arrayElement(regions), questType: f.helpers.arrayElement(['story', 'lore', 'crafting', 'building']) } });
      }
      // Spread over the last four weeks, oldest first (the run's clock; ids make a rerun a no-op).
      const span = list.length;
      const input = list.map((e, k) => ({
        id: `seed:${p.username.toLowerCase()}:event:${k}`,
        userId: ctx.players[p.index]!.id,
        type: e.type,
        data: e.data,
        occurredAt: iso(ctx.now.getTime() - Math.round(((span - k) / span) * 28 * DAY)),
      }));
      const { recordGameEvents } = await ctx.server.request<{ recordGameEvents: { events: { status: string; unlocked: unknown[] }[] } }>(
        `mutation SeedGameEvents($input: RecordGameEventsInput!) { recordGameEvents(input: $input) { events { status unlocked { unlockedAt } } } }`,
        { input: { events: input } },
      );
      events += input.length;
      unlocks += recordGameEvents.events.reduce((n, e) => n + e.unlocked.length, 0);
      bar.increment();
    },
    { concurrency: CONCURRENCY },
  );
  bar.stop(`${events} events, ${unlocks} new unlocks`);
}

interface GuildView {
  id: string;
  members: { edges: { node: { role: string; user: { id: string } } }[] };
}

/** Guilds founded, joined (at once or by request), ranked and paid into. */
export async function seedGuilds(ctx: SeedContext): Promise<Map<number, string>> {
  const { plan } = ctx;
  const steps = plan.guilds.reduce((n, g) => n + g.members.length + g.applicants.length, 0);
  const bar = ctx.progress.phase('guilds', steps);
  const ids = new Map<number, string>();
  await pMap(
    plan.guilds,
    async (g) => {
      const founder = ctx.players[g.members[0]!]!;
      // The same name answers the guild this founder already founded.
      const { createGuild } = await founder.request<{ createGuild: { guild: { id: string } } }>(
        `mutation SeedCreateGuild($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`,
        { input: { name: g.name, tag: g.tag, description: g.description, isPublic: g.isPublic, requiresApproval: g.requiresApproval, minLevel: 1 } },
      );
      const guildId = createGuild.guild.id;
      ids.set(g.index, guildId);
      bar.increment();
      const view = async () =>
        (await ctx.api.request<{ guild: GuildView }>(`query SeedGuild($id: ID!) { guild(id: $id) { id members(first: 100) { edges { node { role user { id } } } } } }`, { id: guildId })).guild;
      const current = new Map((await view()).members.edges.map((e) => [e.node.user.id, e.node.role]));
      for (const member of [...g.members.slice(1), ...g.applicants]) {
        const player = ctx.players[member]!;
        if (!current.has(player.id)) {
          const { joinGuild } = await player.request<{ joinGuild: { status: string; request: { id: string } | null } }>(
            `mutation SeedJoinGuild($input: JoinGuildInput!) { joinGuild(input: $input) { status request { id } } }`,
            { input: { guildId } },
          );
          // Members of a guild that asks for approval are approved by its master; applicants wait.
          if (joinGuild.status === 'REQUESTED' && joinGuild.request && g.members.includes(member)) {
            await founder.request(`mutation SeedApprove($input: GuildJoinRequestInput!) { approveGuildJoinRequest(input: $input) { __typename } }`, {
              input: { requestId: joinGuild.request.id },
            });
          }
        }
        bar.increment();
      }
      const roles = new Map((await view()).members.edges.map((e) => [e.node.user.id, e.node.role]));
      for (const [member, target] of g.ranks) {
        const player = ctx.players[member]!;
        let gap = GUILD_RANKS.indexOf(target) - GUILD_RANKS.indexOf((roles.get(player.id) ?? 'MEMBER') as (typeof GUILD_RANKS)[number]);
        for (; gap > 0; gap--) await founder.request(`mutation SeedPromote($input: GuildMemberInput!) { promoteGuildMember(input: $input) { __typename } }`, { input: { userId: player.id } });
        for (; gap < 0; gap++) await founder.request(`mutation SeedDemote($input: GuildMemberInput!) { demoteGuildMember(input: $input) { __typename } }`, { input: { userId: player.id } });
      }
      if (g.drive) {
        // One drive per guild, ever: a rerun after it ended must not start another.
        const { guild } = await ctx.api.request<{ guild: { drives: { id: string }[] } }>(`query SeedDrives($id: ID!) { guild(id: $id) { drives { id } } }`, { id: guildId });
        if (guild.drives.length === 0) {
          await founder.request(`mutation SeedDrive($input: StartContributionDriveInput!) { startContributionDrive(input: $input) { __typename } }`, { input: g.drive });
        }
      }
      for (const [member, coins] of g.contributions) {
        await ctx.players[member]!.request(`mutation SeedContribute($input: ContributeToGuildInput!) { contributeToGuild(input: $input) { __typename } }`, {
          input: { coins, requestKey: `seed-contribution-${ctx.plan.players[member]!.username.toLowerCase()}` },
        });
      }
    },
    { concurrency: 2 },
  );
  bar.stop(`${plan.guilds.length} guilds`);
  return ids;
}

/** The first guild declares war on the second, once; the war stays DECLARED for 24 hours. */
export async function seedWar(ctx: SeedContext, guildIds: Map<number, string>): Promise<void> {
  const attacker = guildIds.get(ctx.plan.war.attacker)!;
  const defender = guildIds.get(ctx.plan.war.defender)!;
  const master = ctx.players[ctx.plan.guilds[ctx.plan.war.attacker]!.members[0]!]!;
  const bar = ctx.progress.phase('guild war', 1);
  type War = { id: string; status: string; startsAt: string; endsAt: string; attacker: { id: string } | null; defender: { id: string } | null };
  const { guild } = await ctx.api.request<{ guild: { name: string; wars: { edges: { node: War }[] } } }>(
    `query SeedWars($id: ID!) { guild(id: $id) { name wars(first: 50) { edges { node { id status startsAt endsAt attacker { id } defender { id } } } } } }`,
    { id: attacker },
  );
  let war = guild.wars.edges.map((e) => e.node).find((w) => [w.attacker?.id, w.defender?.id].includes(defender) && w.status !== 'ENDED');
  if (!war) {
    war = (
      await master.request<{ declareWar: { war: War } }>(
        `mutation SeedDeclareWar($id: ID!) { declareWar(defendingGuildId: $id) { war { id status startsAt endsAt attacker { id } defender { id } } } }`,
        { id: defender },
      )
    ).declareWar.war;
  }
  bar.increment();
  bar.stop(war.status);
  const names = ctx.plan.guilds;
  ctx.notes.push(
    `guild war ${war.id}: ${names[ctx.plan.war.attacker]!.name} vs ${names[ctx.plan.war.defender]!.name} is ${war.status}` +
      (war.status === 'DECLARED'
        ? ` (nothing scores yet; a durable timer makes it ACTIVE at ${war.startsAt} and ENDED at ${war.endsAt}, while the platform runs)`
        : ` (ends ${war.endsAt})`),
  );
}

const CHAT_LINES = [
  'anyone up for a raid tonight?',
  'gg everyone',
  'that boss fight was brutal',
  'looking for a healer for the shrine run',
  'who is joining the tournament this weekend?',
  'lag is real today',
  'just hit a new personal best!',
  'trading a spare sword for potions',
  'brb, dinner',
  'nice play out there',
];

function chatLine(key: string): string {
  const f = fakerFor('chat', key);
  return f.helpers.arrayElement([f.helpers.arrayElement(CHAT_LINES), f.hacker.phrase(), `${f.word.interjection()}! ${f.helpers.arrayElement(CHAT_LINES)}`]).slice(0, 2_000);
}

/** Messages in the General room, each guild's room, a few parties and private conversations. */
export async function seedChat(ctx: SeedContext): Promise<void> {
  const { plan, players } = ctx;
  const rooms = await ctx.api.request<{ global: { edges: { node: { id: string } }[] }; system: { edges: { node: { id: string } }[] } }>(
    `query SeedRooms { global: chatRooms(kind: GLOBAL, first: 1) { edges { node { id } } } system: chatRooms(kind: SYSTEM, first: 1) { edges { node { id } } } }`,
  );
  const generalId = rooms.global.edges[0]?.node.id;
  const conversations: { label: string; messages: { author: Session; send: () => Promise<unknown> }[] }[] = [];
  const send = (author: Session, roomId: string, key: string) => ({
    author,
    send: () =>
      author.request(`mutation SeedSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`, {
        input: { roomId, text: chatLine(key), clientMessageId: key },
      }),
  });
  if (generalId) {
    const count = Math.min(150, plan.players.length);
    conversations.push({
      label: 'general',
      messages: Array.from({ length: count }, (_, k) => send(players[(k * 7) % players.length]!, generalId, `seed-general-${k}`)),
    });
  }
  for (const g of plan.guilds) {
    const founder = players[g.members[0]!]!;
    const { chatRooms } = await founder.request<{ chatRooms: { edges: { node: { id: string } }[] } }>(`query SeedGuildRoom { chatRooms(kind: GUILD, first: 1) { edges { node { id } } } }`);
    const roomId = chatRooms.edges[0]?.node.id;
    if (!roomId) continue;
    conversations.push({
      label: `guild ${g.tag}`,
      messages: Array.from({ length: 8 }, (_, k) => send(players[g.members[k % g.members.length]!]!, roomId, `seed-guild-${g.tag.toLowerCase()}-${k}`)),
    });
  }
  for (const [k, party] of plan.parties.entries()) {
    const owner = players[party.owner]!;
    // createParty has no key: the owner's party of that name, if an earlier run made it, is reused.
    const mine = await owner.request<{ chatRooms: { edges: { node: { id: string; name: string } }[] } }>(`query SeedParties { chatRooms(kind: PARTY, first: 100) { edges { node { id name } } } }`);
    let roomId = mine.chatRooms.edges.find((e) => e.node.name === party.name)?.node.id;
    if (!roomId) {
      roomId = (await owner.request<{ createParty: { room: { id: string } } }>(`mutation SeedParty($input: CreatePartyInput!) { createParty(input: $input) { room { id } } }`, { input: { name: party.name, maxMembers: 6 } }))
        .createParty.room.id;
    }
    for (const member of party.members) {
      if (member === party.owner) continue;
      await owner.request(`mutation SeedInvite($input: InviteToPartyInput!) { inviteToParty(input: $input) { __typename } }`, { input: { roomId, userId: players[member]!.id } });
    }
    const voices = [party.owner, ...party.members.filter((m) => m !== party.owner)];
    conversations.push({ label: `party ${k}`, messages: Array.from({ length: 6 }, (_, m) => send(players[voices[m % voices.length]!]!, roomId, `seed-party-${k}-${m}`)) });
  }
  for (const { a, b } of plan.privateChats) {
    const pa = players[a]!;
    const pb = players[b]!;
    conversations.push({
      label: `private ${a}-${b}`,
      messages: Array.from({ length: 4 }, (_, m) => {
        const [from, to] = m % 2 === 0 ? [pa, pb] : [pb, pa];
        const key = `seed-private-${a}-${b}-${m}`;
        return {
          author: from,
          send: () =>
            from.request(`mutation SeedPrivate($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { message { id } } }`, {
              input: { toUserId: to.id, text: chatLine(key), clientMessageId: key },
            }),
        };
      }),
    });
  }
  const total = conversations.reduce((n, c) => n + c.messages.length, 0);
  const bar = ctx.progress.phase('chat', total + 1);
  // Rooms in parallel, each room's messages in order (the rate limit is waited out per author).
  await pMap(
    conversations,
    async (c) => {
      for (const m of c.messages) {
        await m.send();
        bar.increment();
      }
    },
    { concurrency: CONCURRENCY },
  );
  // postAnnouncement has no key: post it only when the Announcements room does not show it yet.
  const systemId = rooms.system.edges[0]?.node.id;
  const announcement = 'Welcome to the seeded platform! Tournaments, guilds and leaderboards are open.';
  if (systemId) {
    const { chatRoom } = await ctx.api.request<{ chatRoom: { messages: { edges: { node: { text: string } }[] } } | null }>(
      `query SeedAnnouncements($id: ID!) { chatRoom(id: $id) { messages(last: 50) { edges { node { text } } } } }`,
      { id: systemId },
    );
    if (!chatRoom?.messages.edges.some((e) => e.node.text === announcement)) {
      await ctx.admin.request(`mutation SeedAnnounce($input: PostAnnouncementInput!) { postAnnouncement(input: $input) { __typename } }`, { input: { text: announcement } });
    }
  }
  bar.increment();
  bar.stop(`${total} messages in ${conversations.length} rooms`);
}

interface BracketView {
  id: string;
  status: string;
  participantCount: number;
  ladder: { id: string }[];
  bracket: { side: string; round: number; matches: { id: string; status: string; position: number; playerA: { id: string; username: string } | null; playerB: { id: string; username: string } | null }[] }[];
}

const BRACKET = `query SeedBracket($id: ID!) { tournament(id: $id) { id status participantCount ladder { id }
  bracket { side round matches { id status position playerA { id username } playerB { id username } } } } }`;

/** Tournaments of every format in every state the API reaches now. */
export async function seedTournaments(ctx: SeedContext): Promise<void> {
  const bar = ctx.progress.phase('tournaments', ctx.plan.tournaments.length);
  const byId = new Map(ctx.players.map((s) => [s.id, s]));
  const read = async (id: string) => (await ctx.api.request<{ tournament: BracketView }>(BRACKET, { id })).tournament;
  const report = (matchId: string, a: { id: string; username: string }, b: { id: string; username: string }) => {
    let hash = 0;
    for (const ch of `${a.username}|${b.username}`) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
    const winner = hash & 1 ? b : a;
    return ctx.server.request(`mutation SeedReport($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { __typename } }`, {
      input: { matchId, winnerId: winner.id, score: hash & 2 ? '2-1' : '2-0' },
    });
  };
  const states: Record<string, number> = {};
  // A prize pool's fixed part is paid by the tournament's creator: the admin gets the coins first (keyed: once per seed).
  const pools = ctx.plan.tournaments.reduce((sum, t) => sum + (t.prizePool?.fixed ?? 0), 0);
  if (pools > 0) {
    await ctx.server.request(`mutation SeedPools($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: ctx.admin.id, idempotencyKey: `seed:prize-pools:${ctx.admin.username.toLowerCase()}`, reason: 'seed', changes: [{ currency: 'COINS', amount: pools }] },
    });
  }
  await pMap(
    ctx.plan.tournaments,
    async (t: PlannedTournament) => {
      const startsAt = ctx.now.getTime() + t.startsInDays * DAY;
      const { createTournament } = await ctx.admin.request<{ createTournament: { tournament: { id: string; status: string } } }>(
        `mutation SeedTournament($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id status } } }`,
        {
          input: {
            name: t.name,
            description: t.description,
            format: t.format,
            formatOptions: t.formatOptions,
            startsAt: iso(startsAt),
            minParticipants: t.minParticipants,
            maxParticipants: t.maxParticipants,
            entryFee: t.entryFee,
            prizePool: t.prizePool,
            rules: 'Be kind, play fair; the game server reports every result.',
            requestKey: `seed-tournament-${t.key}`,
          },
        },
      );
      const id = createTournament.tournament.id;
      const status = createTournament.tournament.status;
      if (status === 'REGISTRATION') {
        for (const p of t.players) {
          await ctx.players[p]!.request(`mutation SeedJoin($input: JoinTournamentInput!) { joinTournament(input: $input) { __typename } }`, { input: { tournamentId: id } }).catch(
            (error: unknown) => {
              if (!refused(error, 'CONFLICT', 'ALREADY_REGISTERED')) throw error;
            },
          );
        }
        if (t.state === 'IN_PROGRESS' || t.state === 'COMPLETED') {
          await ctx.admin.request(`mutation SeedStart($input: StartTournamentInput!) { startTournament(input: $input) { __typename } }`, { input: { tournamentId: id } });
        }
      }
      if (t.state === 'CANCELLED' && (status === 'REGISTRATION' || status === 'IN_PROGRESS')) {
        await ctx.admin.request(`mutation SeedCancel($input: CancelTournamentInput!) { cancelTournament(input: $input) { __typename } }`, { input: { tournamentId: id } });
      }
      let view = await read(id);
      if (view.status === 'IN_PROGRESS' && t.state === 'COMPLETED') {
        for (let pass = 0; pass < 200 && view.status === 'IN_PROGRESS'; pass++) {
          const ready = view.bracket.flatMap((r) => r.matches).filter((m) => m.status === 'READY' && m.playerA && m.playerB);
          if (ready.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
          for (const m of ready) await report(m.id, m.playerA!, m.playerB!);
          view = await read(id);
        }
      } else if (view.status === 'IN_PROGRESS' && t.format === 'LADDER') {
        // Two challenges: one decided (the challenger climbs), one still to play. Only on a ladder
        // without challenges yet: a challenge is a new match each time it is made.
        if (view.bracket.length === 0 && view.ladder.length >= 5) {
          const [, second, third, fourth, fifth] = view.ladder;
          const challenge = async (challenger: string, defender: string) =>
            (
              await byId.get(challenger)!.request<{ challengeOnLadder: { match: { id: string; playerA: { id: string; username: string }; playerB: { id: string; username: string } } } }>(
                `mutation SeedChallenge($input: ChallengeOnLadderInput!) { challengeOnLadder(input: $input) { match { id playerA { id username } playerB { id username } } } }`,
                { input: { tournamentId: id, defenderId: defender } },
              )
            ).challengeOnLadder.match;
          const decided = await challenge(third!.id, second!.id);
          await ctx.server.request(`mutation SeedReport($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { __typename } }`, {
            input: { matchId: decided.id, winnerId: third!.id, score: '3-1' },
          });
          await challenge(fifth!.id, fourth!.id);
          view = await read(id);
        }
      } else if (view.status === 'IN_PROGRESS') {
        // Half of the first round played: results in, the rest still to play.
        const first = view.bracket[0]?.matches ?? [];
        const half = first.filter((m) => m.position < Math.ceil(first.length / 2));
        for (const m of half) if (m.status === 'READY' && m.playerA && m.playerB) await report(m.id, m.playerA, m.playerB);
        view = await read(id);
      }
      states[view.status] = (states[view.status] ?? 0) + 1;
      bar.increment();
    },
    { concurrency: 2 },
  );
  bar.stop(Object.entries(states).map(([s, n]) => `${n} ${s}`).join(', '));
}

/**
 * 30 days of analytics from the game clients, through POST /ingest as the game server: sessions,
 * levels, purchases, and quests with the character played (quest and character ids from the
 * analytics content catalog, the data personalization recommends from).
 */
export async function seedAnalytics(ctx: SeedContext): Promise<void> {
  const events: Record<string, unknown>[] = [];
  for (const p of ctx.plan.players) {
    const f = fakerFor('analytics', p.index);
    const user = p.username.toLowerCase();
    const theme = f.helpers.arrayElement(QUESTS).theme;
    const themed = QUESTS.filter((quest) => quest.theme === theme && quest.difficulty <= 0.3 + p.level / 40);
    const favourites = f.helpers.arrayElements(CHARACTERS, { min: 1, max: 3 });
    const activeDays = f.helpers.arrayElements(Array.from({ length: 29 }, (_, d) => d), { min: 2, max: 6 + Math.round(p.level / 2) });
    for (const day of activeDays) {
      for (let s = 0; s < f.number.int({ min: 1, max: 2 }); s++) {
        const sessionId = `seed-${user}-d${day}-s${s}`;
        // A session started up to ten hours before this day's mark, so the 29th day back stays
        // inside the 30 days the platform accepts.
        const start = ctx.now.getTime() - day * DAY - f.number.int({ min: 2, max: 10 * 60 }) * 60_000;
        const minutes = f.number.int({ min: 5, max: 90 });
        const context = { appVersion: f.helpers.arrayElement(['1.4.0', '1.4.2', '1.5.0']), device: { os: f.helpers.arrayElement(['windows', 'android', 'ios', 'macos']) } };
        const at = (minute: number) => iso(Math.min(start + minute * 60_000, ctx.now.getTime()));
        events.push({ eventId: `${sessionId}-start`, userId: ctx.players[p.index]!.id, sessionId, eventType: 'SESSION_STARTED', timestamp: at(0), context });
        const levels = f.number.int({ min: 0, max: 4 });
        for (let l = 0; l < levels; l++) {
          events.push({ eventId: `${sessionId}-level-${l}`, userId: ctx.players[p.index]!.id, sessionId, eventType: 'LEVEL_COMPLETED', timestamp: at(((l + 1) * minutes) / (levels + 2)), properties: { level: p.level + l }, context });
        }
        // Quests played with a character: what personalizedExperience learns from. Each player
        // leans to one theme, so players resemble each other as real ones do.
        for (let q = f.number.int({ min: 0, max: 2 }); q > 0; q--) {
          const quest = f.helpers.arrayElement(themed.length > 0 && f.number.int({ min: 0, max: 3 }) > 0 ? themed : QUESTS);
          const properties = { questId: quest.id, characterId: f.helpers.arrayElement(favourites).id };
          events.push({ eventId: `${sessionId}-quest-${q}-start`, userId: ctx.players[p.index]!.id, sessionId, eventType: 'QUEST_STARTED', timestamp: at(q), properties, context });
          events.push({ eventId: `${sessionId}-quest-${q}-done`, userId: ctx.players[p.index]!.id, sessionId, eventType: 'QUEST_COMPLETED', timestamp: at(q + 1), properties, context });
        }
        if (f.number.int({ min: 0, max: 6 }) === 0) {
          events.push({ eventId: `${sessionId}-purchase`, userId: ctx.players[p.index]!.id, sessionId, eventType: 'PURCHASE_COMPLETED', timestamp: at(minutes - 1), properties: { sku: f.helpers.arrayElement(['gem_pack_small', 'battle_pass', 'skin_frost']), priceCents: f.helpers.arrayElement([199, 499, 999]) }, context });
        }
        events.push({ eventId: `${sessionId}-end`, userId: ctx.players[p.index]!.id, sessionId, eventType: 'SESSION_COMPLETED', timestamp: at(minutes), properties: { durationSeconds: minutes * 60 }, context });
      }
    }
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < events.length; i += 500) batches.push(events.slice(i, i + 500));
  const bar = ctx.progress.phase('analytics (30 days)', events.length);
  let accepted = 0;
  let duplicates = 0;
  const rejected: string[] = [];
  await pMap(
    batches,
    async (batch) => {
      const answer = await ctx.server.ingest(batch);
      accepted += answer.accepted;
      duplicates += answer.duplicates;
      rejected.push(...answer.rejected.map((r) => `${r.eventId}: ${r.reason}`));
      bar.increment(batch.length);
    },
    { concurrency: 2 },
  );
  bar.stop(`${accepted} accepted, ${duplicates} already there`);
  if (rejected.length > 0) throw new Error(`POST /ingest rejected ${rejected.length} seeded event(s), e.g. ${rejected.slice(0, 3).join('; ')}`);
}

/** An A/B experiment every player is exposed to (some convert), and custom events from the game. */
export async function seedExperiments(ctx: SeedContext): Promise<void> {
  const { plan } = ctx;
  const e = plan.experiment;
  const bar = ctx.progress.phase('experiments and custom events', plan.players.length * 2 + 1);
  // Defined once: its start is the first run's clock, which a later definition must not move.
  const { experiment } = await ctx.admin.request<{ experiment: { key: string } | null }>(`query SeedExperiment($key: String!) { experiment(key: $key) { key } }`, { key: e.key });
  if (!experiment) {
    await ctx.admin.request(`mutation SeedDefineExperiment($input: DefineExperimentInput!) { defineExperiment(input: $input) { created } }`, {
      input: {
        key: e.key,
        description: e.description,
        variants: e.variants,
        goals: e.goals,
        startsAt: iso(ctx.now.getTime() - 60_000),
        endsAt: iso(ctx.now.getTime() + 30 * DAY),
        status: 'RUNNING',
      },
    });
  }
  bar.increment();
  let conversions = 0;
  await pMap(
    plan.players,
    async (p) => {
      const player = ctx.players[p.index]!;
      const { experimentVariant } = await player.request<{ experimentVariant: { variant: string | null } }>(
        `query SeedVariant($key: String!) { experimentVariant(key: $key) { variant reason } }`,
        { key: e.key },
      );
      if (experimentVariant.variant) {
        for (const goal of e.converts(p.index)) {
          const { recordConversion } = await ctx.server.request<{ recordConversion: { outcome: string } }>(
            `mutation SeedConversion($input: RecordConversionInput!) { recordConversion(input: $input) { outcome } }`,
            { input: { experimentKey: e.key, goal, userId: player.id } },
          );
          if (recordConversion.outcome === 'COUNTED') conversions++;
        }
      }
      bar.increment();
      const f = fakerFor('custom', p.index);
      for (let k = f.number.int({ min: 1, max: 3 }); k > 0; k--) {
        await ctx.server.request(`mutation SeedCustomEvent($input: TrackCustomEventInput!) { trackCustomEvent(input: $input) { duplicate } }`, {
          input: {
            eventId: `seed-${p.username.toLowerCase()}-custom-${k}`,
            name: f.helpers.arrayElement(plan.customEvents.names),
            userId: player.id,
            properties: { platform: f.helpers.arrayElement(plan.customEvents.platforms), level: p.level },
          },
        });
      }
      bar.increment();
    },
    { concurrency: CONCURRENCY },
  );
  bar.stop(`${e.key}: ${conversions} new conversions`);
}
