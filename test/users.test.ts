import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, registerPlayer, startTestPlatform, uniqueName } from './support/platform.js';

let platform: RunningPlatform;
let url: string;

beforeAll(async () => {
  // Behind a (pretend) proxy, so the lockout test can come from an address of its own: the
  // counters live in Redis in CI's second pass, shared with every other test's 127.0.0.1.
  platform = await startTestPlatform({ TRUST_PROXY: 'true' });
  url = platform.gateway.url;
});
afterAll(() => platform?.close());

async function signInAs(role: 'ADMIN', player: { id: string; username: string }) {
  await platform.runtime.db.prisma.user.update({ where: { id: player.id }, data: { role } });
  const login = await gql<{ login: { accessToken: string } }>(url, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: player.username });
  return login.data!.login.accessToken;
}

const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { replayed user { id } } }`;

describe('users through the gateway', () => {
  it('lets the game server, with an API key, pay a player; the player sees wallet, inventory and level', async () => {
    const admin = await signInAs('ADMIN', await registerPlayer(url));
    const player = await registerPlayer(url);
    const created = await gql<{ createApiKey: { secret: string } }>(
      url,
      `mutation { createApiKey(input: { name: "game server", scopes: [MANAGE_WALLET] }) { secret } }`,
      {},
      { token: admin },
    );
    const serviceToken = (
      await gql<{ issueServiceToken: { accessToken: string } }>(url, `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken } }`, {
        k: created.data!.createApiKey.secret,
      })
    ).data!.issueServiceToken.accessToken;

    const pay = (token: string) =>
      gql(url, APPLY, {
        input: {
          userId: player.id,
          idempotencyKey: `quest-reward:${player.id}:q1`,
          reason: 'quest_reward',
          changes: [{ currency: 'XP', amount: 450 }, { currency: 'COINS', amount: 30 }, { itemId: 'legendary_sword', amount: 1 }],
        },
      }, { token });
    expect((await pay(player.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await pay(serviceToken)).data).toEqual({ applyWalletOperation: { replayed: false, user: { id: player.id } } });
    expect((await pay(serviceToken)).data).toEqual({ applyWalletOperation: { replayed: true, user: { id: player.id } } });

    const me = await gql(url, `{ me { level xp wallet { balances { currency amount } ledger(first: 5) { edges { node { currency itemId amount reason } } } } inventory { itemId quantity } } }`, {}, { token: player.token });
    expect(me.data).toEqual({
      me: {
        level: 3,
        xp: 450,
        wallet: {
          balances: [
            { currency: 'XP', amount: 450 },
            { currency: 'COINS', amount: 30 },
            { currency: 'PREMIUM', amount: 0 },
          ],
          ledger: {
            edges: expect.arrayContaining([
              { node: { currency: 'XP', itemId: null, amount: 450, reason: 'quest_reward' } },
              { node: { currency: null, itemId: 'legendary_sword', amount: 1, reason: 'quest_reward' } },
            ]),
          },
        },
        inventory: [{ itemId: 'legendary_sword', quantity: 1 }],
      },
    });
    // Someone else sees the level, not the wallet.
    const other = await registerPlayer(url);
    const seen = await gql(url, `query($id: ID!) { user(id: $id) { level wallet { balances { amount } } inventory { itemId } } }`, { id: player.id }, { token: other.token });
    expect(seen.data).toEqual({ user: { level: 3, wallet: null, inventory: null } });
  });

  it('locks sign-in from one address after 10 failures, with the time left', async () => {
    const from = { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250) + 1}` };
    const names = Array.from({ length: 10 }, () => uniqueName('nobody'));
    for (const name of names) {
      const failed = await gql(url, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "wrong-password" }) { accessToken } }`, { u: name }, { headers: from });
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const player = await registerPlayer(url);
    const login = (headers: Record<string, string>) =>
      gql(url, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: player.username }, { headers });
    const locked = await login(from);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors?.[0]?.extensions?.retryAfterMs).toBeGreaterThan(500_000);
    // The same player from another address is not locked out.
    expect((await login({ 'x-forwarded-for': '198.51.100.7' })).errors).toBeUndefined();
  });
});
