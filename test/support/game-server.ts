import type { RunningPlatform } from '../../launcher/all-in-one.js';
import { gql, registerPlayer } from './platform.js';

/** A fresh player made ADMIN (as `ADMIN_USERNAMES` would) and signed in again: their access token. */
export async function signInAsAdmin(platform: RunningPlatform, url: string, player?: Awaited<ReturnType<typeof registerPlayer>>): Promise<string> {
  const admin = player ?? (await registerPlayer(url));
  await platform.runtime.db.prisma.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } });
  const login = await gql<{ login: { accessToken: string } }>(
    url,
    `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`,
    { u: admin.username },
  );
  if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
  return login.data.login.accessToken;
}

/** A game server's service token, from an API key an admin created with the given scopes. */
export async function gameServerToken(platform: RunningPlatform, url: string, scopes = ['REPORT_GAME_EVENTS']): Promise<string> {
  const admin = await signInAsAdmin(platform, url);
  const created = await gql<{ createApiKey: { secret: string } }>(
    url,
    `mutation($scopes: [ApiKeyScope!]!) { createApiKey(input: { name: "game server", scopes: $scopes }) { secret } }`,
    { scopes },
    { token: admin },
  );
  if (!created.data) throw new Error(`createApiKey failed: ${JSON.stringify(created.errors)}`);
  const issued = await gql<{ issueServiceToken: { accessToken: string } }>(
    url,
    `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken } }`,
    { k: created.data.createApiKey.secret },
  );
  if (!issued.data) throw new Error(`issueServiceToken failed: ${JSON.stringify(issued.errors)}`);
  return issued.data.issueServiceToken.accessToken;
}
