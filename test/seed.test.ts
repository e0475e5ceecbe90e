// `npm run seed` run as an operator runs it: its script, in a process of its own, against the
// embedded platform, twice. What the API shows after the second run is what it showed after the
// first (nothing applied twice), and the accounts it prints sign in.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { OperationTypeNode, buildSchema, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planSeed } from '../scripts/seed/plan.js';
import { gql, gqlData, platformPerFile, registerPlayer } from './support/platform.js';

// One admin for every run of this file: on a database an earlier run seeded (a developer's real
// PostgreSQL), its tournaments are found again by their request keys, as a studio's would be.
const ADMIN = 'seed_test_admin';
const PASSWORD = 'seed-test-admin-password';
const PLAYERS = 12;

let url = '';
platformPerFile({ ADMIN_USERNAMES: ADMIN }, (started) => {
  url = started.gateway.url;
});

const runSeed = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--url', url, ...args], { timeout: 240_000 }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

const signIn = async (username: string, password: string) =>
  (await gqlData<{ login: { accessToken: string; user: { username: string; role: string } } }>(
    url,
    `mutation($input: LoginInput!) { login(input: $input) { accessToken user { username role } } }`,
    { input: { usernameOrEmail: username, password } },
  )).login;

const tokens: Record<string, string> = {};

/** The admin's token (registered first on a fresh database: ADMIN_USERNAMES lists it). */
async function signInOrRegister(username: string, password: string) {
  const { userByUsername } = await gqlData<{ userByUsername: unknown }>(url, `query($u: String!) { userByUsername(username: $u) { id } }`, { u: username });
  if (!userByUsername) await gqlData(url, `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`, { input: { username, email: `${username}@example.com`, password } });
  const login = await signIn(username, password);
  expect(login.user.role).toBe('ADMIN');
  return login.accessToken;
}

/** What a studio sees of the seeded world through the API (counts and sums, not ids). */
async function snapshot(adminToken: string) {
  const plan = planSeed(PLAYERS);
  const players = await Promise.all(
    plan.players.map(async (p) => {
      const token = (tokens[p.username] ??= (await signIn(p.username, p.password)).accessToken);
      const { me } = await gqlData<{
        me: { id: string; level: number; achievementPoints: number; friends: { edges: unknown[] }; guildRole: string | null; chatRooms: { room: { kind: string; messages: { edges: unknown[] } } }[] };
      }>(url, `{ me { id level achievementPoints friends(first: 100) { edges { cursor } } guildRole chatRooms(first: 20) { room { kind messages(first: 50) { edges { cursor } } } } } }`, {}, token);
      return me;
    }),
  );
  // Looked up by what the plan named, so other tests' guilds, tournaments and leaderboards on a
  // shared database are not counted.
  const guilds = await Promise.all(
    plan.guilds.map(async (g) => {
      const { guildByTag } = await gqlData<{ guildByTag: { name: string; memberCount: number; xp: number; drives: { status: string; raised: number }[]; wars: { edges: { node: { status: string } }[] } } }>(
        url,
        `query($tag: String!) { guildByTag(tag: $tag) { name memberCount xp drives { status raised } wars(first: 10) { edges { node { status } } } } }`,
        { tag: g.tag },
      );
      return guildByTag;
    }),
  );
  const tournaments = (
    await Promise.all(
      plan.tournaments.map(async (t) => {
        const { searchTournaments } = await gqlData<{ searchTournaments: { edges: { node: { name: string; format: string; status: string; participantCount: number; bracket: { matches: { status: string }[] }[] } }[] } }>(
          url,
          `query($text: String!, $format: TournamentFormat!) { searchTournaments(text: $text, format: $format, first: 10) { edges { node { name format status participantCount bracket { matches { status } } } } } }`,
          { text: t.name, format: t.format },
        );
        return searchTournaments.edges.filter((e) => e.node.name === t.name);
      }),
    )
  ).flat();
  // The seeded players' own records (`rank(userId:)`), not the top: a board that follows the bus
  // (achievement points) also ranks other test files' players on a shared database.
  const recordsQuery = `query($id: ID!, ${players.map((_, i) => `$u${i}: ID!`).join(', ')}) { leaderboard(id: $id) { id ${players.map((_, i) => `r${i}: rank(userId: $u${i}) { score submissions }`).join(' ')} } }`;
  const boards = await Promise.all(
    plan.leaderboards.map(async (b) => {
      const { leaderboard } = await gqlData<{ leaderboard: { id: string } & Record<string, { score: number; submissions: number } | null> }>(
        url,
        recordsQuery,
        { id: b.id, ...Object.fromEntries(players.map((p, i) => [`u${i}`, p.id])) },
      );
      const records = players.map((_, i) => leaderboard[`r${i}`] as { score: number; submissions: number } | null).filter((r) => r !== null);
      return { id: leaderboard.id, top: { edges: records.map((node) => ({ node })) } };
    }),
  );
  const general = await gqlData<{ chatRooms: { edges: { node: { messages: { edges: unknown[] } } }[] } }>(url, `{ chatRooms(kind: GLOBAL, first: 1) { edges { node { messages(last: 100) { edges { cursor } } } } } }`);
  const now = Date.now();
  const activity = await gqlData<{ dailyActivity: { events: number; activePlayers: number }[] }>(
    url,
    `query($from: DateTime!, $to: DateTime!) { dailyActivity(from: $from, to: $to) { events activePlayers } }`,
    { from: new Date(now - 32 * 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() },
    adminToken,
  );
  const experiment = await gqlData<{ experimentResults: { variants: { variant: string; exposures: number; conversions: number }[] } }>(
    url,
    `query($key: String!) { experimentResults(key: $key) { variants { variant exposures conversions } } }`,
    { key: plan.experiment.key },
    adminToken,
  );
  const tally = <T>(items: T[], key: (item: T) => string) => items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});
  return {
    players: players.length,
    levels: players.reduce((n, p) => n + p.level, 0),
    achievementPoints: players.reduce((n, p) => n + p.achievementPoints, 0),
    friendships: players.reduce((n, p) => n + p.friends.edges.length, 0),
    guildRoles: tally(players.filter((p) => p.guildRole), (p) => p.guildRole!),
    roomsByKind: tally(players.flatMap((p) => p.chatRooms), (r) => r.room.kind),
    messagesSeenInRooms: players.flatMap((p) => p.chatRooms).reduce((n, r) => n + r.room.messages.edges.length, 0),
    generalMessages: general.chatRooms.edges[0]!.node.messages.edges.length,
    guilds: guilds.map((g) => `${g.name}: ${g.memberCount} members, ${g.xp} XP, drives ${g.drives.map((d) => `${d.status} ${d.raised}`).join(',')}, wars ${g.wars.edges.map((w) => w.node.status).join(',')}`).sort(),
    experiment: experiment.experimentResults.variants.map((v) => `${v.variant}: ${v.exposures} exposed, ${v.conversions} converted`),
    tournaments: tally(tournaments, (e) => `${e.node.format} ${e.node.status} ${e.node.participantCount} players, ${tally(e.node.bracket.flatMap((r) => r.matches), (m) => m.status).COMPLETED ?? 0} played`),
    leaderboards: boards.map((b) => `${b.id}: ${b.top.edges.length} records, ${b.top.edges.reduce((n, e) => n + e.node.score, 0)} points, ${b.top.edges.reduce((n, e) => n + e.node.submissions, 0)} submissions`).sort(),
    analyticsEvents: activity.dailyActivity.reduce((n, d) => n + d.events, 0),
    activeDays: activity.dailyActivity.filter((d) => d.activePlayers > 0).length,
  };
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/**
 * What of a snapshot only the seed changes: the General room's newest messages and the platform's
 * daily activity also count other test files' players on a shared database (CI's real-services
 * pass), so they are checked as lower bounds after the first run, not compared.
 */
function seededPart(world: Snapshot) {
  const own: Partial<Snapshot> = { ...world };
  delete own.generalMessages;
  delete own.analyticsEvents;
  delete own.activeDays;
  return own;
}

/**
 * Reads until the seeded world stops changing (three reads over 6 s agree): what follows a run
 * through the bus (unlocks from sessions and chat, their rewards, prizes, leaderboard follows)
 * lands shortly after it, later on a loaded machine with real Redis.
 */
async function settled(adminToken: string): Promise<Snapshot> {
  let last = await snapshot(adminToken);
  let agreeing = 0;
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const next = await snapshot(adminToken);
    agreeing = JSON.stringify(seededPart(next)) === JSON.stringify(seededPart(last)) ? agreeing + 1 : 0;
    if (agreeing === 2) return next;
    last = next;
  }
  throw new Error(`the seeded platform never settled: ${JSON.stringify(last)}`);
}

describe('npm run seed', () => {
  it('stops with the commands to run when its account is not an admin, having seeded nothing', async () => {
    const startedAt = new Date().toISOString();
    const player = await registerPlayer(url);
    const run = await runSeed(['--players', String(PLAYERS), '--admin', player.username, '--admin-password', 'password123']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`ADMIN_USERNAMES=${player.username} npm start`);
    expect(run.stderr).toContain(`npm run users:promote -- ${player.username}`);
    // It stopped before its first write: no game-server key (the first thing it makes) since it started.
    const admin = await signInOrRegister(ADMIN, PASSWORD);
    const { apiKeys } = await gqlData<{ apiKeys: { name: string; createdAt: string }[] }>(url, `{ apiKeys { name createdAt } }`, {}, admin);
    expect(apiKeys.filter((k) => k.name === 'npm run seed' && k.createdAt >= startedAt)).toEqual([]);
  });

  it('seeds every area through the API, the same after a second run, and prints accounts that sign in', async () => {
    const args = ['--players', String(PLAYERS), '--admin', ADMIN, '--admin-password', PASSWORD, '--quiet'];
    const first = await runSeed(args);
    expect(first.code, first.stderr).toBe(0);
    const admin = await signIn(ADMIN, PASSWORD);
    expect(admin.user.role).toBe('ADMIN');
    const afterFirst = await settled(admin.accessToken);

    // Every area has data, as the plan says.
    expect(afterFirst.players).toBe(PLAYERS);
    expect(afterFirst.levels).toBeGreaterThan(PLAYERS);
    expect(afterFirst.achievementPoints).toBeGreaterThan(0);
    expect(afterFirst.friendships).toBeGreaterThan(PLAYERS);
    const planned = planSeed(PLAYERS).guilds.flatMap((g) => g.members.map((m, k) => (k === 0 ? 'MASTER' : (g.ranks.get(m) ?? 'MEMBER'))));
    expect(afterFirst.guildRoles).toEqual(planned.reduce<Record<string, number>>((acc, role) => ({ ...acc, [role]: (acc[role] ?? 0) + 1 }), {}));
    expect(Object.keys(afterFirst.roomsByKind).sort()).toEqual(expect.arrayContaining(['GUILD', 'PARTY', 'PRIVATE']));
    expect(afterFirst.generalMessages).toBeGreaterThanOrEqual(PLAYERS);
    expect(afterFirst.guilds.some((g) => g.endsWith('wars DECLARED'))).toBe(true);
    expect(afterFirst.guilds.filter((g) => /drives ACTIVE [1-9]/.test(g))).toHaveLength(1);
    expect(afterFirst.experiment.reduce((n, v) => n + Number(/(\d+) exposed/.exec(v)![1]), 0)).toBe(PLAYERS);
    const statuses = Object.keys(afterFirst.tournaments).map((k) => k.split(' ').slice(0, 2).join(' '));
    for (const format of ['SINGLE_ELIMINATION', 'DOUBLE_ELIMINATION', 'ROUND_ROBIN', 'SWISS', 'LADDER']) {
      expect(statuses).toContain(`${format} REGISTRATION`);
      expect(statuses).toContain(`${format} IN_PROGRESS`);
    }
    expect(statuses.filter((s) => s.endsWith('COMPLETED'))).toHaveLength(4);
    expect(statuses.filter((s) => s.endsWith('CANCELLED'))).toHaveLength(2);
    expect(afterFirst.leaderboards).toHaveLength(4);
    expect(afterFirst.analyticsEvents).toBeGreaterThan(PLAYERS * 4);
    expect(afterFirst.activeDays).toBeGreaterThanOrEqual(15);
    expect(first.stdout).toMatch(/guild war \S+: .+ is DECLARED \(nothing scores yet; a durable timer makes it ACTIVE at /);

    // Without --quiet: each phase's line (new unlocks, events already there…) explains a difference.
    const second = await runSeed(args.filter((a) => a !== '--quiet'));
    expect(second.code, second.stderr).toBe(0);
    expect(seededPart(await settled(admin.accessToken)), second.stderr).toEqual(seededPart(afterFirst));
    // Its analytics events went in once: the second run's were all there already.
    expect(second.stderr).toMatch(/^analytics \(30 days\) +[\d.]+ s +0 accepted, [1-9]\d* already there$/m);

    // The printed accounts: the admin first, then players, each signing in with what is printed.
    const accounts = [...second.stdout.matchAll(/^ {2}(\w+) +(\S+) +(ADMIN|PLAYER)$/gm)].map(([, username, password, role]) => ({ username: username!, password: password!, role: role! }));
    expect(accounts.length).toBeGreaterThanOrEqual(4);
    expect(accounts[0]).toEqual({ username: ADMIN, password: PASSWORD, role: 'ADMIN' });
    for (const account of accounts) expect((await signIn(account.username, account.password)).user).toEqual({ username: account.username, role: account.role });
    expect(second.stdout).toBe(first.stdout.replace(/in [\d.]+ s/, second.stdout.match(/in [\d.]+ s/)![0]));
  }, 600_000);

  // Runs after the seed above: README.md's API tour, block by block, as the role each names.
  it("runs every operation of README.md's API tour against the seeded platform", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const tour = readme.slice(readme.indexOf('\n## API tour'), readme.indexOf('\n## ', readme.indexOf('\n## API tour') + 1));
    const blocks = [...tour.matchAll(/```graphql\n# as: (anyone|player|admin|game server)\n([\s\S]*?)```/g)].map(([, role, source]) => ({ role: role!, source: source! }));
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    expect(tour.match(/```graphql/g)).toHaveLength(blocks.length);
    const schema = buildSchema(readFileSync('schema/api.graphql', 'utf8'));

    const player = planSeed(PLAYERS).players[0]!;
    const admin = (await signIn(ADMIN, PASSWORD)).accessToken;
    const { createApiKey } = await gqlData<{ createApiKey: { secret: string } }>(
      url,
      `mutation { createApiKey(input: { name: "tour game server", scopes: [REPORT_GAME_EVENTS, REPORT_MATCH_RESULTS] }) { secret } }`,
      {},
      admin,
    );
    const server = (await gqlData<{ issueServiceToken: { accessToken: string } }>(url, `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken } }`, { k: createApiKey.secret })).issueServiceToken.accessToken;
    const tokens: Record<string, string | undefined> = { anyone: undefined, player: (await signIn(player.username, player.password)).accessToken, admin, 'game server': server };
    const general = await gqlData<{ chatRooms: { edges: { node: { id: string } }[] } }>(url, `{ chatRooms(kind: GLOBAL, first: 1) { edges { node { id } } } }`);
    const { userByUsername } = await gqlData<{ userByUsername: { id: string } }>(url, `query($u: String!) { userByUsername(username: $u) { id } }`, { u: player.username });
    const known: Record<string, string> = { userId: userByUsername.id, roomId: general.chatRooms.edges[0]!.node.id };

    for (const { role, source } of blocks) {
      const document = parse(source);
      expect(validate(schema, document).map((e) => e.message), source).toEqual([]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const variables = Object.fromEntries((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, known[v.variable.name.value]]));
      expect(Object.values(variables), `${operation.name?.value}: a variable the tour does not explain`).not.toContain(undefined);
      if (operation.operation === OperationTypeNode.SUBSCRIPTION) continue;
      const result = await gql(url, source, variables, { token: tokens[role] });
      expect(result.errors, `${operation.name?.value} as ${role}`).toBeUndefined();
      expect(Object.values(result.data ?? {}).every((value) => value !== null), `${operation.name?.value}: ${JSON.stringify(result.data)}`).toBe(true);
    }
  });
});
