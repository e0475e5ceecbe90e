import { readFile, writeFile } from 'node:fs/promises';
import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { ANONYMOUS, VIEWER_HEADER, ViewerSigner } from '../platform/auth.js';
import { loadConfig, platformEnv } from '../platform/config.js';
import {
  apiSchemaOf,
  Findings,
  generateCase,
  inPool,
  judge,
  send,
  type Credentials,
  type FuzzTargets,
} from './support/fuzz.js';
import { gql, platformPerFile, registerPlayer, testEnv } from './support/platform.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { wsClient } from './support/ws.js';

// FUZZ_SEED replays a run, FUZZ_ONLY=12,345 replays some of its cases, FUZZ_COUNT changes the
// count, FUZZ_PARALLEL the operations in flight (8), FUZZ_REPORT writes the grouped findings (markdown) to a file.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : (Date.now() ^ (Math.random() * 2 ** 32)) >>> 0;
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const ONLY = process.env.FUZZ_ONLY?.split(',').map(Number);
const PARALLEL = Number(process.env.FUZZ_PARALLEL ?? 8);

let platform: RunningPlatform;
let url: string;
// FUZZ_LOG_LEVEL=error shows what the services log behind an INTERNAL_SERVER_ERROR.
platformPerFile(process.env.FUZZ_LOG_LEVEL ? { LOG_LEVEL: process.env.FUZZ_LOG_LEVEL } : {}, (started) => {
  platform = started;
  url = started.gateway.url;
});

let schema: GraphQLSchema;
let targets: FuzzTargets;
let credentials: Credentials;

beforeAll(async () => {
  schema = apiSchemaOf(await readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
  const players = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
  const adminPlayer = await registerPlayer(url);
  const admin = await signInAsAdmin(platform, url, adminPlayer);
  credentials = { player: players[0]!.token, admin, service: await gameServerToken(platform, url, ['REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS', 'MANAGE_WALLET']) };
  const catalog = await gql<{
    achievements: { id: string }[];
    chatRooms: { edges: { node: { id: string } }[] };
    tournaments: { edges: { node: { id: string } }[] };
  }>(url, `{ achievements { id } chatRooms(first: 20) { edges { node { id } } } tournaments(first: 20) { edges { node { id } } } }`);
  targets = {
    userIds: [...players, adminPlayer].map((p) => p.id),
    usernames: [...players, adminPlayer].map((p) => p.username),
    achievementIds: catalog.data?.achievements.map((a) => a.id) ?? [],
    roomIds: catalog.data?.chatRooms.edges.map((e) => e.node.id) ?? [],
    tournamentIds: catalog.data?.tournaments.edges.map((e) => e.node.id) ?? [],
  };
});

describe('fuzzing the gateway', () => {
  it(`answers ${ONLY ? ONLY.length : COUNT} generated operations with no 5xx or ws 4500, no HTML, a string extensions.code on every error and no INTERNAL_SERVER_ERROR`, async () => {
    const findings = new Findings();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const indexes = ONLY ?? Array.from({ length: COUNT }, (_, i) => i);
    await inPool(indexes, PARALLEL, async (index) => {
      const c = generateCase(SEED, index, schema, targets);
      const outcome = await send(c, url, credentials);
      findings.record(c, outcome, judge(c, outcome));
    });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const perCategory = [...findings.byCategory].map(([c, s]) => `${c} ${s.cases}×${Math.round(s.ms / s.cases)}ms`).join(', ');
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} to replay), ${findings.cases} operations in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU), ${PARALLEL} in flight; ${perCategory}`);
    console.log(`answers: ${findings.answersSummary()}\nslowest:\n${findings.slowestSummary()}`);
    const summary = findings.summary(SEED);
    if (process.env.FUZZ_REPORT) await writeFile(process.env.FUZZ_REPORT, `${summary}\n`);
    if (findings.violatingCases) console.log(summary);
    expect(findings.violatingCases, `operations that broke a rule (seed ${SEED}; grouped findings printed above)`).toBe(0);
  }, 20 * 60_000);

  it('leaves every service alive: the gateway and each subgraph answer a query and /healthz', async () => {
    const { INTERNAL_SECRET } = loadConfig(platformEnv, testEnv());
    const viewer = await new ViewerSigner(INTERNAL_SECRET).sign(ANONYMOUS);
    for (const service of [platform.gateway, ...platform.subgraphs]) {
      const ask = () => gql<{ __typename: string }>(service.url, '{ __typename }', {}, { headers: { [VIEWER_HEADER]: viewer } });
      // The fuzzing may have spent this address's anonymous rate budget at the gateway: a 429
      // (RATE_LIMITED) is an answer too, so wait for the budget to refill rather than fail.
      await expect.poll(async () => (await ask()).status, { timeout: 30_000, interval: 500 }).not.toBe(429);
      const answer = await ask();
      expect(answer, service.name).toMatchObject({ status: 200, data: { __typename: 'Query' } });
      const health = await fetch(service.url.replace(/\/graphql$/, '/healthz'));
      expect(health.status, `${service.name} /healthz`).toBe(200);
    }
    const client = wsClient(url);
    try {
      const result = await new Promise((resolve, reject) => client.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => undefined }));
      expect(result).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await client.dispose();
    }
  });
});
