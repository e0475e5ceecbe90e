// examples/typed-client run as a studio would run it: its script, in a process of its own, against
// the embedded platform (the example's operations are typed from schema/api.graphql; `npm run
// typecheck` checks them and `npm run check:generated` their generated types).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { signInAsAdmin } from './support/game-server.js';
import { gqlData, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';

let platform: RunningPlatform;
let url = '';
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const must = <T>(token: string, query: string, variables: Record<string, unknown>) => gqlData<T>(url, query, variables, token);

describe('examples/typed-client', () => {
  it('signs in, reads achievements, follows a room it posts to, joins a guild and a tournament, reads its bracket and sees its score arrive on a leaderboard', async () => {
    // What a fresh platform lacks: an open guild and a free tournament in registration.
    const admin = await signInAsAdmin(platform, url);
    const founder = await registerPlayer(url);
    await must(admin, `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: founder.id, idempotencyKey: `typed-client-${founder.id}`, reason: 'test', changes: [{ currency: 'COINS', amount: 1_000 }] },
    });
    const guildName = uniqueName('typed_guild');
    await must(founder.token, `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`, {
      input: { name: guildName, tag: `T${Math.floor(Math.random() * 9_999)}`, isPublic: true, requiresApproval: false },
    });
    const tournamentName = uniqueName('typed_cup');
    await must(admin, `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`, {
      input: { name: tournamentName, format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3_600_000).toISOString(), minParticipants: 2, maxParticipants: 8 },
    });

    // A leaderboard to follow, and the game server's API key the script submits a score with.
    const leaderboardId = uniqueName('typed-board').toLowerCase();
    await must(admin, `mutation($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { id } } }`, {
      input: { id: leaderboardId, title: 'Typed client kills', operator: 'BEST' },
    });
    const { createApiKey } = await must<{ createApiKey: { secret: string } }>(admin, `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
      input: { name: 'typed-client game server', scopes: ['REPORT_MATCH_RESULTS'] },
    });

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/typed-client/src/main.ts'], {
      env: { ...process.env, GRAPHQL_URL: url, GAME_SERVER_API_KEY: createApiKey.secret, LEADERBOARD_ID: leaderboardId },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/signed in as typed_\w+ \(level \d+, PLAYER\)/);
    expect(stdout).toContain('legendary in the catalog');
    expect(stdout).toMatch(/the message arrived live \(ADDED by typed_\w+\)/);
    // The script joins the open guild with the most XP and the first free tournament it finds: on a
    // database other tests share that may be theirs rather than the ones made above.
    expect(stdout).toMatch(/guild: JOINED .+ \[\w+\] \(\d+ members\)/);
    expect(stdout).toMatch(/tournament: joined .+ \([A-Z_]+, \d+ registered\)/);
    expect(stdout).toMatch(/bracket: REGISTRATION, \d+ rounds/);
    expect(stdout).toMatch(/leaderboard: the game server submitted \d+ to Typed client kills \(BEST\); it arrived live: typed_\w+ at rank 1 with \d+/);
    expect(stdout.trim().endsWith('done')).toBe(true);
  });
});
