// `npm run seed` run as an operator runs it: its script, in a process of its own, against the
// embedded platform, twice. What the API shows after the second run is what it showed after the
// first (nothing applied twice), and the accounts it prints sign in.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { planSeed } from '../scripts/seed/plan.js';
import { gqlData, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';

const ADMIN = uniqueName('seedadm');
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

/** What a studio sees of the seeded world through the API (counts and sums, not ids). */
async function snapshot(adminToken: string) {
  const plan = planSeed(PLAYERS);
  const players = await Promise.all(
    plan.players.map(async (p) => {
      const token = (tokens[p.username] ??= (await signIn(p.username, p.password)).accessToken);
      const { me } = await gqlData<{
        me: { level: number; achievementPoints: number; friends: { edges: unknown[] }; guildRole: string | null; chatRooms: { room: { kind: string; messages: { edges: unknown[] } } }[] };
      }>(url, `{ me { level achievementPoints friends(first: 100) { edges { cursor } } guildRole chatRooms(first: 20) { room { kind messages(first: 50) { edges { cursor } } } } } }`, {}, token);
      return me;
    }),
  );
  const guilds = await gqlData<{ searchGuilds: { edges: { node: { name: string; memberCount: number; xp: number; wars: { edges: { node: { status: string } }[] } } }[] } }>(
    url,
    `{ searchGuilds(first: 20) { edges { node { name memberCount xp wars(first: 10) { edges { node { status } } } } } } }`,
  );
  const tournaments = await gqlData<{ tournaments: { edges: { node: { format: string; status: string; participantCount: number; bracket: { matches: { status: string }[] }[] } }[] } }>(
    url,
    `{ tournaments(first: 30) { edges { node { format status participantCount bracket { matches { status } } } } } }`,
  );
  const boards = await gqlData<{ leaderboards: { id: string; top: { edges: { node: { score: number; submissions: number } }[] } }[] }>(
    url,
    `{ leaderboards(first: 10) { id top(first: 50) { edges { node { score submissions } } } } }`,
  );
  const general = await gqlData<{ chatRooms: { edges: { node: { messages: { edges: unknown[] } } }[] } }>(url, `{ chatRooms(kind: GLOBAL, first: 1) { edges { node { messages(last: 100) { edges { cursor } } } } } }`);
  const now = Date.now();
  const activity = await gqlData<{ dailyActivity: { events: number; activePlayers: number }[] }>(
    url,
    `query($from: DateTime!, $to: DateTime!) { dailyActivity(from: $from, to: $to) { events activePlayers } }`,
    { from: new Date(now - 32 * 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() },
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
    guilds: guilds.searchGuilds.edges.map((e) => `${e.node.name}: ${e.node.memberCount} members, ${e.node.xp} XP, wars ${e.node.wars.edges.map((w) => w.node.status).join(',')}`).sort(),
    tournaments: tally(tournaments.tournaments.edges, (e) => `${e.node.format} ${e.node.status} ${e.node.participantCount} players, ${tally(e.node.bracket.flatMap((r) => r.matches), (m) => m.status).COMPLETED ?? 0} played`),
    leaderboards: boards.leaderboards.map((b) => `${b.id}: ${b.top.edges.length} records, ${b.top.edges.reduce((n, e) => n + e.node.score, 0)} points, ${b.top.edges.reduce((n, e) => n + e.node.submissions, 0)} submissions`).sort(),
    analyticsEvents: activity.dailyActivity.reduce((n, d) => n + d.events, 0),
    activeDays: activity.dailyActivity.filter((d) => d.activePlayers > 0).length,
  };
}

/** Reads until two reads a second apart agree: unlock rewards, prizes and analytics settle shortly after a run. */
async function settled(adminToken: string) {
  let last = JSON.stringify(await snapshot(adminToken));
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const next = JSON.stringify(await snapshot(adminToken));
    if (next === last) return JSON.parse(next) as Awaited<ReturnType<typeof snapshot>>;
    last = next;
  }
  throw new Error(`the seeded platform never settled: ${last}`);
}

describe('npm run seed', () => {
  it('stops with the commands to run when its account is not an admin, having seeded nothing', async () => {
    const player = await registerPlayer(url);
    const run = await runSeed(['--players', String(PLAYERS), '--admin', player.username, '--admin-password', 'password123']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`ADMIN_USERNAMES=${player.username} npm start`);
    expect(run.stderr).toContain(`npm run users:promote -- ${player.username}`);
    const { userByUsername } = await gqlData<{ userByUsername: unknown }>(url, `query($u: String!) { userByUsername(username: $u) { id } }`, { u: planSeed(PLAYERS).players[0]!.username });
    expect(userByUsername).toBeNull();
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

    const second = await runSeed(args);
    expect(second.code, second.stderr).toBe(0);
    expect(await settled(admin.accessToken)).toEqual(afterFirst);

    // The printed accounts: the admin first, then players, each signing in with what is printed.
    const accounts = [...second.stdout.matchAll(/^ {2}(\w+) +(\S+) +(ADMIN|PLAYER)$/gm)].map(([, username, password, role]) => ({ username: username!, password: password!, role: role! }));
    expect(accounts.length).toBeGreaterThanOrEqual(4);
    expect(accounts[0]).toEqual({ username: ADMIN, password: PASSWORD, role: 'ADMIN' });
    for (const account of accounts) expect((await signIn(account.username, account.password)).user).toEqual({ username: account.username, role: account.role });
    expect(second.stdout).toBe(first.stdout.replace(/in [\d.]+ s/, second.stdout.match(/in [\d.]+ s/)![0]));
  }, 600_000);
});
