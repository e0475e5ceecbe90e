// npm run seed [-- --players 300 --url http://127.0.0.1:4000/graphql --quiet]
// Fills a RUNNING platform with realistic data through its public API only (GraphQL over HTTP and
// POST /ingest): players with friends, levels and achievements, guilds with ranks, a drive and a
// war, tournaments of every format in every state, chat history, leaderboards, 30 days of
// analytics, an A/B experiment and custom events. Deterministic and idempotent: a second run
// signs the same players in and changes nothing. It needs an admin: see `README.md`, "Seeding".
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ApiRefusal, GameServer, PlatformApi, SeedStop, Session } from './seed/api.js';
import { seedAnalytics, seedChat, seedExperiments, seedFriends, seedGameEvents, seedGuilds, seedLeaderboards, seedPlayers, seedTournaments, seedWallets, seedWar, type SeedContext } from './seed/phases.js';
import { MIN_PLAYERS, planSeed } from './seed/plan.js';
import { createProgress } from './seed/progress.js';

const USAGE = `Usage: npm run seed -- [options]
  --players <n>            players to create or sign in (default 300, at least ${MIN_PLAYERS})
  --url <url>              the gateway's GraphQL endpoint (default http://127.0.0.1:4000/graphql)
  --admin <username>       the admin account the seed acts as (default admin; env SEED_ADMIN_USERNAME)
  --admin-password <pw>    its password (default "seed-admin-password"; env SEED_ADMIN_PASSWORD)
  --quiet                  no progress, only the closing summary
  --help`;

/** The name of the API key each run creates for its game-server calls and revokes at the end. */
export const SEED_API_KEY_NAME = 'npm run seed';

const Options = z.object({
  players: z.coerce.number().int().min(MIN_PLAYERS, `--players must be at least ${MIN_PLAYERS}`).max(10_000),
  url: z.url({ protocol: /^https?$/, error: '--url must be an http(s) URL' }),
  admin: z.string().regex(/^\w{3,20}$/, '--admin must be a username (3–20 letters, digits, underscores)'),
  adminPassword: z.string().min(8, '--admin-password must be at least 8 characters'),
  quiet: z.boolean(),
});
export type SeedOptions = z.infer<typeof Options>;

export function parseSeedOptions(argv: string[], env: Record<string, string | undefined>): SeedOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      players: { type: 'string', default: '300' },
      url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      admin: { type: 'string', default: env.SEED_ADMIN_USERNAME ?? 'admin' },
      'admin-password': { type: 'string', default: env.SEED_ADMIN_PASSWORD ?? 'seed-admin-password' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const parsed = Options.safeParse({ ...values, adminPassword: values['admin-password'] });
  if (!parsed.success) throw new SeedStop(`${parsed.error.issues.map((i) => i.message).join('\n')}\n\n${USAGE}`);
  return parsed.data;
}

/** Signs the admin in (registering it first when the platform lists it in ADMIN_USERNAMES). */
async function signInAdmin(api: PlatformApi, options: SeedOptions): Promise<Session> {
  const admin = new Session(api, options.admin, options.adminPassword);
  const { userByUsername } = await api.request<{ userByUsername: { id: string } | null }>(`query SeedAdminExists($u: String!) { userByUsername(username: $u) { id } }`, { u: options.admin });
  if (!userByUsername) {
    await api.request(`mutation SeedRegisterAdmin($input: RegisterInput!) { register(input: $input) { user { id } } }`, {
      input: { username: options.admin, email: `${options.admin.toLowerCase()}@seed.example`, password: options.adminPassword },
    });
  }
  try {
    await admin.signIn();
  } catch (error) {
    if (error instanceof ApiRefusal && error.code === 'UNAUTHENTICATED') {
      throw new SeedStop(`The account "${options.admin}" exists and its password is not the one given: pass --admin-password (or SEED_ADMIN_PASSWORD).`);
    }
    throw error;
  }
  if (admin.role !== 'ADMIN') {
    throw new SeedStop(
      `"${options.admin}" is not an admin (role ${admin.role}), and the seed needs one (leaderboards, tournaments, the game server's API key).\n` +
        `Either restart the platform naming it, which promotes it at start:\n\n  ADMIN_USERNAMES=${options.admin} npm start\n\n` +
        `or stop the platform and promote it (the embedded database opens in one process at a time):\n\n  npm run users:promote -- ${options.admin}\n\n` +
        `then run the seed again.`,
    );
  }
  return admin;
}

/** The game server's credential: a fresh API key (earlier runs' keys that were left working are revoked). */
async function gameServerKey(api: PlatformApi, admin: Session): Promise<{ server: GameServer; revoke: () => Promise<unknown> }> {
  const { apiKeys } = await admin.request<{ apiKeys: { id: string; name: string; revokedAt: string | null }[] }>(`query SeedApiKeys { apiKeys { id name revokedAt } }`);
  for (const key of apiKeys.filter((k) => k.name === SEED_API_KEY_NAME && !k.revokedAt)) {
    await admin.request(`mutation SeedRevokeKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`, { input: { id: key.id } });
  }
  const { createApiKey } = await admin.request<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    `mutation SeedApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
    { input: { name: SEED_API_KEY_NAME, scopes: ['REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS', 'MANAGE_WALLET'] } },
  );
  const server = await new GameServer(api, createApiKey.secret).issueToken();
  const revoke = () => admin.request(`mutation SeedRevokeKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`, { input: { id: createApiKey.apiKey.id } });
  return { server, revoke };
}

export interface SeedResult {
  /** Accounts to sign in with: the admin first, then a few players. */
  accounts: { username: string; password: string; role: string }[];
  notes: string[];
}

/** Runs every phase against the platform at `options.url`. */
export async function runSeed(options: SeedOptions, out: (line: string) => void = console.log): Promise<SeedResult> {
  const started = Date.now();
  const api = new PlatformApi(options.url);
  const plan = planSeed(options.players);
  const progress = createProgress({ quiet: options.quiet });
  const admin = await signInAdmin(api, options);
  const { server, revoke } = await gameServerKey(api, admin);
  const ctx: SeedContext = { api, plan, admin, server, players: [], progress, now: new Date(), notes: [] };
  try {
    await seedPlayers(ctx);
    await seedWallets(ctx);
    await seedFriends(ctx);
    await seedLeaderboards(ctx);
    await seedGameEvents(ctx);
    const guildIds = await seedGuilds(ctx);
    await seedWar(ctx, guildIds);
    await seedChat(ctx);
    await seedTournaments(ctx);
    await seedAnalytics(ctx);
    await seedExperiments(ctx);
  } finally {
    await revoke();
  }
  const accounts = [
    { username: options.admin, password: options.adminPassword, role: 'ADMIN' },
    ...plan.players.slice(0, 5).map((p) => ({ username: p.username, password: p.password, role: 'PLAYER' })),
  ];
  out(`Seeded ${options.url} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${plan.players.length} players, ${plan.guilds.length} guilds, ${plan.tournaments.length} tournaments, ${plan.leaderboards.length} leaderboards.`);
  for (const note of ctx.notes) out(`  ${note}`);
  out('Sign in with (development passwords; every seeded player\'s is "seed:" + the lower-cased username):');
  for (const a of accounts) out(`  ${a.username.padEnd(22)} ${a.password.padEnd(32)} ${a.role}`);
  return { accounts, notes: ctx.notes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const options = parseSeedOptions(process.argv.slice(2), process.env);
    if (options === 'help') console.log(USAGE);
    else await runSeed(options);
  } catch (error) {
    if (error instanceof SeedStop) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error instanceof ApiRefusal ? `The platform refused ${error.message}` : error);
      process.exitCode = 1;
    }
  }
}
