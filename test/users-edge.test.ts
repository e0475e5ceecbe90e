import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/index.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';

// The users subgraph's edges, as a client sees them through the gateway. Behind a (pretend) proxy,
// so a test can come from an address of its own (X-Forwarded-For): with REDIS_URL set, counters
// outlive the run and are shared with every other test's 127.0.0.1, which is exempt by default.
const ADMIN_NAME = uniqueName('boss');
let url = '';
platformPerFile(() => ({ TRUST_PROXY: 'true', ADMIN_USERNAMES: ` someone_else , ${ADMIN_NAME.toUpperCase()}` }), (platform) => {
  url = platform.gateway.url;
});

const fromAddress = () => ({ 'x-forwarded-for': `2001:db8:${randomUUID().slice(0, 4)}::${randomUUID().slice(0, 4)}` });
const codesOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => e.extensions?.code) ?? [];

/** The configured first admin: registered once, ADMIN from the start. */
let admin: ReturnType<typeof registerPlayer> | undefined;
const firstAdmin = () => (admin ??= registerPlayer(url, ADMIN_NAME));

async function serviceToken(adminToken: string, scopes: string[]) {
  const created = await gql<{ createApiKey: { secret: string } }>(
    url,
    `mutation($scopes: [ApiKeyScope!]!) { createApiKey(input: { name: "game server", scopes: $scopes }) { secret } }`,
    { scopes },
    { token: adminToken },
  );
  expect(created.errors).toBeUndefined();
  const issued = await gql<{ issueServiceToken: { accessToken: string } }>(url, `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken } }`, {
    k: created.data!.createApiKey.secret,
  });
  return issued.data!.issueServiceToken.accessToken;
}

const APPLY = `mutation($input: ApplyWalletOperationInput!) {
  applyWalletOperation(input: $input) { replayed entries { currency amount balanceAfter } }
}`;

describe('the first admin', () => {
  it('is ADMIN from registration when listed in ADMIN_USERNAMES (any letter case), and can create API keys at once', async () => {
    const admin = await firstAdmin();
    const me = await gql(url, '{ me { username role } }', {}, { token: admin.token });
    expect(me.data).toEqual({ me: { username: ADMIN_NAME, role: 'ADMIN' } });
    await serviceToken(admin.token, ['MANAGE_WALLET']);
    // Anyone else registers as a PLAYER and may not.
    const player = await registerPlayer(url);
    expect((await gql(url, '{ me { role } }', {}, { token: player.token })).data).toEqual({ me: { role: 'PLAYER' } });
    const refused = await gql(url, `mutation { createApiKey(input: { name: "x", scopes: [MANAGE_WALLET] }) { secret } }`, {}, { token: player.token });
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
  });

  it('refuses setRole to a service token with FORBIDDEN, changing nothing', async () => {
    const admin = await firstAdmin();
    const token = await serviceToken(admin.token, ['MANAGE_WALLET', 'REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS']);
    const player = await registerPlayer(url);
    const result = await gql(url, `mutation($id: ID!) { setRole(input: { userId: $id, role: ADMIN }) { user { role } } }`, { id: player.id }, { token });
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    expect((await gql(url, '{ me { role } }', {}, { token: player.token })).data).toEqual({ me: { role: 'PLAYER' } });
  });
});

describe('wallet amounts', () => {
  it('keeps a wallet readable after three credits of 1,000,000,000 (balances past 2^31)', async () => {
    const token = await serviceToken((await firstAdmin()).token, ['MANAGE_WALLET']);
    const player = await registerPlayer(url);
    const credit = (i: number) =>
      gql<{ applyWalletOperation: { entries: { currency: string; balanceAfter: number }[] } }>(
        url,
        APPLY,
        { input: { userId: player.id, idempotencyKey: `edge:${player.id}:${i}`, reason: 'test', changes: [{ currency: 'COINS', amount: 1e9 }, { currency: 'XP', amount: 1e9 }] } },
        { token },
      );
    for (let i = 1; i <= 3; i++) {
      const result = await credit(i);
      expect(result.errors).toBeUndefined();
      expect(result.data!.applyWalletOperation.entries.find((e) => e.currency === 'COINS')!.balanceAfter).toBe(i * 1e9);
    }
    const me = await gql<{ me: { xp: number; level: number; xpIntoLevel: number; wallet: { balances: unknown[]; ledger: { edges: { node: { currency: string; amount: number; balanceAfter: number } }[] } } } }>(
      url,
      `{ me { xp level xpIntoLevel wallet { balances { currency amount } ledger(first: 20) { edges { node { currency amount balanceAfter } } } } } }`,
      {},
      { token: player.token },
    );
    expect(me.errors).toBeUndefined();
    const { xp, level, xpIntoLevel, wallet } = me.data!.me;
    // Achievements may add XP rewards of their own as the player levels up; coins are ours alone.
    expect(xp).toBeGreaterThanOrEqual(3_000_000_000);
    expect({ level, xpIntoLevel }).toEqual({ level: 100, xpIntoLevel: xp - 980_100 });
    expect(wallet.balances).toEqual([
      { currency: 'XP', amount: xp },
      { currency: 'COINS', amount: 3_000_000_000 },
      { currency: 'PREMIUM', amount: expect.any(Number) },
    ]);
    expect(wallet.ledger.edges.map((e) => e.node).filter((n) => n.currency === 'COINS')).toEqual(
      [3, 2, 1].map((i) => ({ currency: 'COINS', amount: 1e9, balanceAfter: i * 1e9 })),
    );
    // Past the documented bound, an amount is refused before anything is stored.
    const tooBig = await gql(url, APPLY, { input: { userId: player.id, idempotencyKey: `edge:${player.id}:big`, reason: 'test', changes: [{ currency: 'COINS', amount: 1e9 + 1 }] } }, { token });
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.0.amount' });
  });

  it('replays a retry with the same idempotency key and parameters, and refuses the key for another amount with CONFLICT', async () => {
    const token = await serviceToken((await firstAdmin()).token, ['MANAGE_WALLET']);
    const player = await registerPlayer(url);
    const input = { userId: player.id, idempotencyKey: `prize:${player.id}`, reason: 'tournament_prize', reference: 't-1', changes: [{ currency: 'COINS', amount: 500 }] };
    const first = await gql(url, APPLY, { input }, { token });
    expect(first.data).toEqual({ applyWalletOperation: { replayed: false, entries: [{ currency: 'COINS', amount: 500, balanceAfter: 500 }] } });
    expect((await gql(url, APPLY, { input }, { token })).data).toEqual({
      applyWalletOperation: { replayed: true, entries: [{ currency: 'COINS', amount: 500, balanceAfter: 500 }] },
    });
    for (const other of [{ ...input, changes: [{ currency: 'COINS', amount: 5000 }] }, { ...input, reference: 't-2' }]) {
      const refused = await gql(url, APPLY, { input: other }, { token });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    }
    const me = await gql(url, '{ me { wallet { balances { currency amount } } } }', {}, { token: player.token });
    expect(me.data).toMatchObject({ me: { wallet: { balances: [{}, { currency: 'COINS', amount: 500 }, {}] } } });
  });
});

describe('sign-in and registration limits', () => {
  const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { accessToken } }`;

  it('checks at most 5 of 30 parallel wrong passwords, and refuses the right one right after with RATE_LIMITED', async () => {
    const player = await registerPlayer(url);
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => gql(url, LOGIN, { u: player.username, p: `wrong-guess-${i}` })));
    const codes = guesses.map((g) => codesOf(g)[0]);
    // Only a checked password can answer UNAUTHENTICATED; the rest never reached the check.
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(25);
    const right = await gql(url, LOGIN, { u: player.username, p: 'password123' });
    expect(right.data).toBeNull();
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(right.errors![0]!.extensions!.retryAfterMs).toBeGreaterThan(50_000);
  });

  it('lets one address register 10 accounts an hour: of 21 aliased registrations in one request, the 11th is RATE_LIMITED and none after it is made', async () => {
    const names = Array.from({ length: 21 }, () => uniqueName('reg'));
    const register = (name: string) => `register(input: { username: "${name}", email: "${name}@example.com", password: "password123" }) { user { id } }`;
    const headers = fromAddress();
    const result = await gql(url, `mutation { ${names.map((name, i) => `r${i}: ${register(name)}`).join('\n')} }`, {}, { headers });
    // register's payload is non-null, so the refused one nulls `data` and mutations after it do not run.
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([['r10', 'RATE_LIMITED']]);
    expect(result.errors![0]!.extensions!.retryAfterMs).toBeGreaterThan(3500_000);
    const lookup = await gql<Record<string, { id: string } | null>>(url, `{ ${names.map((name, i) => `u${i}: userByUsername(username: "${name}") { id }`).join('\n')} }`);
    expect(names.map((_, i) => lookup.data![`u${i}`] !== null)).toEqual([...Array(10).fill(true), ...Array(11).fill(false)]);
    // The same address stays refused; another may still register.
    expect(codesOf(await gql(url, `mutation { ${register(uniqueName('reg'))} }`, {}, { headers }))).toEqual(['RATE_LIMITED']);
    expect((await gql(url, `mutation { ${register(uniqueName('reg'))} }`, {}, { headers: fromAddress() })).errors).toBeUndefined();
  });
});

describe('npm run users:promote', () => {
  it('makes an existing account ADMIN while the platform is stopped, on the embedded database or DATABASE_URL', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'users-promote-'));
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const open = () => openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
    const username = uniqueName('late');
    try {
      let db = await open();
      await db.prisma.user.create({ data: { username, usernameKey: username.toLowerCase(), email: `${username}@example.com`, passwordHash: 'x', displayName: username } });
      await db.close(); // PGlite allows one process: the command opens it next
      const run = (...args: string[]) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn('npm', ['run', '--silent', 'users:promote', '--', ...args], { cwd: path.resolve(import.meta.dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.once('exit', (code) => resolve({ code, output }));
        });
      expect(await run(username.toUpperCase())).toEqual({ code: 0, output: `${username}: ADMIN\n` });
      const missing = await run('nobody_here_at_all');
      expect(missing.code).toBe(1);
      expect(missing.output).toContain('no account named nobody_here_at_all');
      db = await open();
      expect((await db.prisma.user.findUnique({ where: { usernameKey: username.toLowerCase() } }))?.role).toBe('ADMIN');
      await db.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
