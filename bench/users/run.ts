// Users subgraph benchmark: sign-in latency under load, query batching, and the wallet ledger on one hot account.
//
//   node --import tsx bench/users/run.ts [--logins 50] [--rounds 3] [--pools 10] [--workers 10,50]
//        [--seconds 8] [--max-ops 20000] [--no-diagnostics] [--no-write]
//
// Everything runs in this process on a fresh PostgreSQL database (created here, dropped at the end);
// no Redis (MemoryRedisPort; the sign-in limiter keeps its counters in memory).
//   1. argon2id cost: one hash and one verify with @node-rs/argon2's defaults (what AccountsService uses),
//      timed sequentially.
//   2. login: the users subgraph (usersSubgraph.create, through Apollo's executeOperation, no HTTP) signs in
//      --logins players at once, --rounds times; latency of each `login` mutation.
//   3. batching: `users(ids: [100 ids])` and `_entities` with 100 User representations, counting database
//      work two ways: Prisma operations (client `$extends({ query: { $allOperations } })`) and SQL statements
//      (Prisma's `log: [{ emit: 'event', level: 'query' }]`).
//   4. ledger: --workers concurrent loops debiting 1 COIN from ONE account, each with a unique idempotency
//      key, for --seconds (at most --max-ops), through WalletService.apply (user lookup + wallet_apply) and
//      WalletStore.apply (wallet_apply alone), per pool size in --pools; then the balance is checked against
//      the ledger. Over-drain: balance 1,000, 1,200 concurrent debits → exactly 1,000 succeed, balance 0.
// Every loop is bounded; on exit, error, SIGINT or SIGTERM the database is dropped.
import { hash, verify } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Viewer } from '../../platform/auth.js';
import { ANONYMOUS } from '../../platform/auth.js';
import { openDatabase, prismaSql, PrismaClient, type Database } from '../../platform/db/index.js';
import { InsufficientFundsError } from '../../platform/errors.js';
import { MemoryRedisPort } from '../../platform/redis/index.js';
import { silentLogger, subgraphClient } from '../../platform/testing.js';
import type { Context } from '../../subgraphs/users/context.js';
import { WalletStore } from '../../subgraphs/users/store/wallet.store.js';
import { usersSubgraph } from '../../subgraphs/users/subgraph.js';
import { f0, f1, flag, list, loadAverage, log, machineDescription, median, now, option, percentile, publishSection, resultsSection, runLimited, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';

// ---------------------------------------------------------------- options
const LOGINS = Math.min(500, Math.max(1, Number(option('logins', '50'))));
const ROUNDS = Math.min(20, Math.max(1, Number(option('rounds', '3'))));
const POOLS = list(option('pools', '10'));
const WORKERS = list(option('workers', '10,50'));
const SECONDS = Math.min(60, Math.max(1, Number(option('seconds', '8'))));
const MAX_OPS = Math.min(200_000, Math.max(100, Number(option('max-ops', '20000'))));
const WRITE = !flag('no-write');
/** Hard ceiling for the whole run. */
const RUN_DEADLINE_MS = 15 * 60_000;

const JWT_SECRET = 'bench-jwt-secret-0123456789abcdefghijklmnop';
const PASSWORD = 'password123';
const BATCH = 100;
const DB = throwawayDatabase('bench_users');
/** The platform opens its pool with openDatabase's default (10 connections). */
const PLATFORM_POOL = 10;

// ---------------------------------------------------------------- helpers
async function open(poolSize: number): Promise<Database> {
  const db = await openDatabase({ databaseUrl: DB.url, dataDir: 'memory://', poolSize });
  onCleanup(() => db.close());
  return db;
}

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

async function seedUsers(prisma: PrismaClient, count: number, prefix: string, passwordHash: string): Promise<{ id: string; username: string }[]> {
  const data = Array.from({ length: count }, (_, i) => {
    const username = `${prefix}_${i}`;
    return { username, usernameKey: username.toLowerCase(), email: `${username}@example.com`, displayName: username, passwordHash };
  });
  await prisma.user.createMany({ data });
  const rows = await prisma.user.findMany({ where: { username: { in: data.map((d) => d.username) } }, select: { id: true, username: true } });
  const byName = new Map(rows.map((r) => [r.username, r]));
  return data.map((d) => byName.get(d.username)!);
}

// ---------------------------------------------------------------- 1. argon2 cost
interface HashCost {
  params: string;
  hashMs: number[];
  verifyMs: number[];
  /** LOGINS verifies started at once, nothing else: per-verify latencies and the wall time. */
  concurrentVerifyMs: number[];
  concurrentWallMs: number;
}

async function measureHashing(): Promise<HashCost> {
  const hashMs: number[] = [];
  const verifyMs: number[] = [];
  let encoded = '';
  for (let i = 0; i < 10; i++) {
    const t0 = now();
    encoded = await hash(PASSWORD);
    hashMs.push(now() - t0);
  }
  for (let i = 0; i < 10; i++) {
    const t0 = now();
    if (!(await verify(encoded, PASSWORD))) throw new Error('argon2 verify failed');
    verifyMs.push(now() - t0);
  }
  const concurrentVerifyMs: number[] = [];
  const t0 = now();
  await Promise.all(
    Array.from({ length: LOGINS }, async () => {
      const t = now();
      await verify(encoded, PASSWORD);
      concurrentVerifyMs.push(now() - t);
    }),
  );
  const concurrentWallMs = now() - t0;
  // $argon2id$v=19$m=19456,t=2,p=1$salt$hash
  const [, variant, version, params] = encoded.split('$');
  return { params: `${variant} ${version} ${params}`, hashMs, verifyMs, concurrentVerifyMs, concurrentWallMs };
}

// ---------------------------------------------------------------- counting client
interface Counter {
  operations: string[];
  statements: string[];
}

/** A Prisma client on its own pool that records every Prisma operation and every SQL statement it sends. */
function countingClient(poolSize: number): { prisma: PrismaClient; counter: Counter; close: () => Promise<void> } {
  const counter: Counter = { operations: [], statements: [] };
  const base = new PrismaClient({
    adapter: new PrismaPg({ connectionString: DB.url, max: poolSize, options: '-c timezone=UTC' }),
    log: [{ emit: 'event', level: 'query' }],
  });
  base.$on('query', (event) => counter.statements.push(event.query));
  const extended = base.$extends({
    query: {
      $allOperations: ({ model, operation, args, query }) => {
        counter.operations.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  });
  return { prisma: extended as unknown as PrismaClient, counter, close: () => base.$disconnect() };
}

// ---------------------------------------------------------------- 2. login + 3. batching
interface LoginResult {
  concurrent: number;
  rounds: number;
  latencies: number[];
  roundSeconds: number[];
  errors: number;
  errorSample?: string;
  operationsPerLogin: string[];
  statementsPerLogin: number;
}

interface BatchResult {
  name: string;
  query: string;
  returned: number;
  operations: string[];
  statements: string[];
  p50Ms: number;
  target?: number;
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { id } } }`;
const USERS = `query Users($ids: [ID!]!) { users(ids: $ids) { id username displayName avatarUrl createdAt } }`;
const USERS_WITH_LEVEL = `query UsersLevel($ids: [ID!]!) { users(ids: $ids) { id username xp level } }`;
const ENTITIES = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id username displayName avatarUrl createdAt } } }`;

async function subgraphPhases(users: { id: string; username: string }[]): Promise<{ login: LoginResult; batches: BatchResult[] }> {
  const counting = countingClient(PLATFORM_POOL);
  // The users subgraph uses no raw SQL transaction; the port is there for the kit's shape.
  const db: Pick<Database, 'prisma' | 'transaction' | 'sql'> = {
    prisma: counting.prisma,
    transaction: (fn, options) => counting.prisma.$transaction((tx) => fn(prismaSql(tx)), options),
    sql: { query: (text, params = []) => counting.prisma.$queryRawUnsafe(text, ...params) },
  };
  const client = subgraphClient<Context>(
    usersSubgraph.create({ db, redis: new MemoryRedisPort(), logger: silentLogger, config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 } }),
  );
  await client.server.start();
  try {
    const { counter } = counting;
    const reset = () => {
      counter.operations.length = 0;
      counter.statements.length = 0;
    };
    const login = async (username: string) => {
      const result = await client.execute<{ login: { accessToken: string } }>(ANONYMOUS, LOGIN, { input: { usernameOrEmail: username, password: PASSWORD } });
      if (!result.data?.login.accessToken) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    };

    // Warm-up (JIT, pool connections), then one login alone to count its database work.
    for (let i = 0; i < 5; i++) await login(users[i]!.username);
    reset();
    await login(users[0]!.username);
    const operationsPerLogin = [...counter.operations];
    const statementsPerLogin = counter.statements.length;

    const latencies: number[] = [];
    const roundSeconds: number[] = [];
    let errors = 0;
    let errorSample: string | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const start = now();
      await Promise.all(
        users.slice(0, LOGINS).map(async ({ username }) => {
          const t0 = now();
          try {
            await login(username);
            latencies.push(now() - t0);
          } catch (error) {
            errors++;
            errorSample ??= (error as Error).message;
          }
        }),
      );
      roundSeconds.push((now() - start) / 1000);
      log(`login round ${round + 1}/${ROUNDS}: ${LOGINS} concurrent in ${roundSeconds.at(-1)!.toFixed(2)} s`);
    }

    // Batching: one counted run each (after a warm-up), then timed runs.
    const viewer: Viewer = { userId: users[0]!.id, role: 'PLAYER' };
    const ids = users.slice(0, BATCH).map((u) => u.id);
    const batch = async (name: string, query: string, variables: Record<string, unknown>, field: string, target?: number): Promise<BatchResult> => {
      const run = async () => {
        const result = await client.execute<Record<string, ({ id: string } | null)[]>>(viewer, query, variables);
        if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
        return result.data![field]!;
      };
      await run();
      reset();
      const rows = await run();
      const operations = [...counter.operations];
      const statements = [...counter.statements];
      const returned = rows.filter((r, i) => r?.id === ids[i]).length;
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = now();
        await run();
        times.push(now() - t0);
      }
      return { name, query, returned, operations, statements, p50Ms: median(times), target };
    };
    const batches = [
      await batch(`users(ids: [${BATCH} ids])`, USERS, { ids }, 'users', 1),
      await batch(`_entities, ${BATCH} User representations`, ENTITIES, { reps: ids.map((id) => ({ __typename: 'User', id })) }, '_entities', 1),
      await batch(`users(ids: [${BATCH} ids]) with xp + level (wallet balances)`, USERS_WITH_LEVEL, { ids }, 'users'),
    ];
    return {
      login: { concurrent: LOGINS, rounds: ROUNDS, latencies, roundSeconds, errors, errorSample, operationsPerLogin, statementsPerLogin },
      batches,
    };
  } finally {
    await client.server.stop().catch(() => undefined);
    await counting.close();
  }
}

// ---------------------------------------------------------------- 4. ledger on one hot account
type LedgerMode = 'WalletService.apply' | 'WalletStore.apply' | 'WalletStore.apply, synchronous_commit=off' | 'UPDATE of one plain row';
/** Modes that are not the platform as configured: they bound what the database allows on this machine. */
const DIAGNOSTIC_MODES: LedgerMode[] = ['WalletStore.apply, synchronous_commit=off', 'UPDATE of one plain row'];

interface LedgerRun {
  mode: LedgerMode;
  pool: number;
  workers: number;
  ops: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  errorSample?: string;
  balanceBefore: bigint;
  balanceAfter: bigint;
  /** balanceBefore − successful debits === balanceAfter, and (for the ledger modes) the ledger agrees. */
  consistent: boolean;
  minBalanceAfter: bigint;
}

/** The users subgraph's wallet service (built by the kit, its relay not started) and a wallet store beside it. */
function walletService(db: Database) {
  const wallet = new WalletStore(db.prisma, db.sql);
  const users = usersSubgraph.create({ db, redis: new MemoryRedisPort(), logger: silentLogger, config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 } });
  return { wallet, service: users.parts.context(ANONYMOUS).wallet };
}

async function balanceOf(prisma: PrismaClient, userId: string): Promise<bigint> {
  const row = await prisma.walletBalance.findUnique({ where: { userId_asset: { userId, asset: 'COINS' } } });
  return row?.balance ?? 0n;
}

async function ledgerFacts(prisma: PrismaClient, userId: string) {
  const [facts] = await prisma.$queryRaw<{ entries: bigint; total: bigint | null; min_after: bigint | null }[]>`
    SELECT count(*)::bigint AS entries, sum(amount)::bigint AS total, min(balance_after)::bigint AS min_after
    FROM ledger_entries WHERE user_id = ${userId}::uuid AND asset = 'COINS'`;
  return { entries: BigInt(facts!.entries), total: BigInt(facts!.total ?? 0n), minAfter: BigInt(facts!.min_after ?? 0n) };
}

let keySeq = 0;
const key = (tag: string) => `bench-${tag}-${(keySeq++).toString(36)}`;

/** `workers` loops calling `op` until SECONDS have passed or MAX_OPS were started. */
async function hotLoop(workers: number, op: () => Promise<unknown>) {
  // Warm-up: every pool connection opened, plans cached.
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = 0; i < 5; i++) await op();
    }),
  );
  const warmups = workers * 5;
  const latencies: number[] = [];
  let started = 0;
  let errors = 0;
  let errorSample: string | undefined;
  return {
    warmups,
    run: async () => {
      const start = now();
      const deadline = start + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: workers }, async () => {
          while (started < MAX_OPS && now() < deadline) {
            started++;
            const t0 = now();
            try {
              await op();
              latencies.push(now() - t0);
            } catch (error) {
              errors++;
              errorSample ??= (error as Error).message;
            }
          }
        }),
      );
      return { latencies, errors, errorSample, seconds: (now() - start) / 1000 };
    },
  };
}

/** A client on its own pool whose sessions do not wait for the WAL flush at commit (diagnostic only). */
function asyncCommitClient(poolSize: number) {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: DB.url, max: poolSize, options: '-c timezone=UTC -c synchronous_commit=off' }),
  });
  return { prisma, close: () => prisma.$disconnect() };
}

async function ledgerRun(db: Database, pool: number, workers: number, mode: LedgerMode, passwordHash: string): Promise<LedgerRun> {
  const prisma = db.prisma;
  const tag = `${pool}-${workers}-${keySeq}`;
  let userId = '';
  let balance: () => Promise<bigint>;
  let op: () => Promise<unknown>;
  let close = async () => undefined as unknown;
  if (mode === 'UPDATE of one plain row') {
    await prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS bench_hot_row (id int PRIMARY KEY, n bigint NOT NULL)');
    await prisma.$executeRawUnsafe('INSERT INTO bench_hot_row VALUES (1, 1000000000) ON CONFLICT (id) DO UPDATE SET n = 1000000000');
    balance = async () => BigInt((await prisma.$queryRaw<{ n: bigint }[]>`SELECT n FROM bench_hot_row WHERE id = 1`)[0]!.n);
    op = () => prisma.$executeRaw`UPDATE bench_hot_row SET n = n - 1 WHERE id = 1 AND n >= 1`;
  } else {
    const { wallet, service } = walletService(db);
    const [user] = await seedUsers(prisma, 1, `hot_${tag.replace(/-/g, '_')}_${Date.now().toString(36)}`, passwordHash);
    userId = user!.id;
    await service.apply({ userId, idempotencyKey: key(tag), reason: 'bench-credit', changes: [{ currency: 'COINS', amount: 1_000_000_000 }] });
    balance = () => balanceOf(prisma, userId);
    if (mode === 'WalletService.apply') {
      op = () => service.apply({ userId, idempotencyKey: key(tag), reason: 'bench-debit', changes: [{ currency: 'COINS', amount: -1 }] });
    } else {
      const client = mode === 'WalletStore.apply' ? { prisma, close: async () => undefined } : asyncCommitClient(pool);
      close = client.close;
      op = () => wallet.apply(client.prisma, { userId, idempotencyKey: key(tag), reason: 'bench-debit', reference: null, changes: [{ asset: 'COINS', amount: -1 }] });
    }
  }
  try {
    const loop = await hotLoop(workers, op);
    const balanceBefore = await balance();
    const before = userId ? await ledgerFacts(prisma, userId) : undefined;
    const { latencies, errors, errorSample, seconds } = await loop.run();
    const balanceAfter = await balance();
    const after = userId ? await ledgerFacts(prisma, userId) : undefined;
    const ok = BigInt(latencies.length);
    const consistent =
      balanceBefore - ok === balanceAfter &&
      (!before || !after || (after.entries - before.entries === ok && after.total === balanceAfter && after.total - before.total === -ok));
    const s = sorted(latencies);
    return {
      mode,
      pool,
      workers,
      ops: latencies.length,
      seconds,
      opsPerSecond: latencies.length / seconds,
      p50: percentile(s, 0.5),
      p95: percentile(s, 0.95),
      p99: percentile(s, 0.99),
      max: s.at(-1) ?? NaN,
      errors,
      errorSample,
      balanceBefore,
      balanceAfter,
      consistent,
      minBalanceAfter: after ? after.minAfter : balanceAfter,
    };
  } finally {
    await close();
  }
}

interface OverDrain {
  pool: number;
  workers: number;
  attempts: number;
  succeeded: number;
  insufficient: number;
  otherErrors: number;
  otherSample?: string;
  finalBalance: bigint;
  minBalanceAfter: bigint;
  debitEntries: bigint;
  seconds: number;
  negativeBalancesInDb: number;
  okP50: number;
  insufficientP50: number;
  /** Alone, one after another, on the drained account: a refused debit, a failing statement, a trivial one. */
  refusalAloneMs: number[];
  sqlErrorMs: number[];
  selectOneMs: number[];
}

async function overDrain(db: Database, pool: number, workers: number, passwordHash: string): Promise<OverDrain> {
  const prisma = db.prisma;
  const { service } = walletService(db);
  const [user] = await seedUsers(prisma, 1, `drain_${Date.now().toString(36)}`, passwordHash);
  const userId = user!.id;
  await service.apply({ userId, idempotencyKey: key('drain'), reason: 'bench-credit', changes: [{ currency: 'COINS', amount: 1_000 }] });
  const attempts = 1_200;
  let succeeded = 0;
  let insufficient = 0;
  let otherErrors = 0;
  let otherSample: string | undefined;
  const okMs: number[] = [];
  const insufficientMs: number[] = [];
  const start = now();
  await runLimited(attempts, workers, async () => {
    const t0 = now();
    try {
      await service.apply({ userId, idempotencyKey: key('drain'), reason: 'bench-drain', changes: [{ currency: 'COINS', amount: -1 }] });
      succeeded++;
      okMs.push(now() - t0);
    } catch (error) {
      if (error instanceof InsufficientFundsError) {
        insufficient++;
        insufficientMs.push(now() - t0);
      }
      else {
        otherErrors++;
        otherSample ??= (error as Error).message;
      }
    }
  });
  const seconds = (now() - start) / 1000;
  const facts = await ledgerFacts(prisma, userId);
  const [negatives] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM wallet_balances WHERE balance < 0`;
  // Why refusals are slow under load: time them alone, next to any failing statement and a trivial one.
  const timed = async (times: number, fn: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = now();
      await fn().catch(() => undefined);
      ms.push(now() - t0);
    }
    return ms;
  };
  const refusalAloneMs = await timed(10, () => service.apply({ userId, idempotencyKey: key('drain'), reason: 'bench-drain', changes: [{ currency: 'COINS', amount: -1 }] }));
  const sqlErrorMs = await timed(10, () => prisma.$queryRaw`SELECT 1/0`);
  const selectOneMs = await timed(10, () => prisma.$queryRaw`SELECT 1`);
  return {
    pool,
    workers,
    attempts,
    succeeded,
    insufficient,
    otherErrors,
    otherSample,
    finalBalance: await balanceOf(prisma, userId),
    minBalanceAfter: facts.minAfter,
    debitEntries: facts.entries - 1n,
    seconds,
    negativeBalancesInDb: Number(negatives!.n),
    okP50: median(okMs),
    insufficientP50: median(insufficientMs),
    refusalAloneMs,
    sqlErrorMs,
    selectOneMs,
  };
}

// ---------------------------------------------------------------- report
function report(
  hashing: HashCost,
  login: LoginResult,
  batches: BatchResult[],
  ledger: LedgerRun[],
  drain: OverDrain | undefined,
  failures: string[],
  pgVersion: string,
): string {
  const lines: string[] = [];
  const h = sorted(hashing.hashMs);
  const v = sorted(hashing.verifyMs);
  const cv = sorted(hashing.concurrentVerifyMs);
  const l = sorted(login.latencies);
  const p95 = percentile(l, 0.95);
  lines.push('| measure | figure | target / expectation | verdict |', '| --- | --- | --- | --- |');
  lines.push(
    `| argon2 hash, one at a time (${hashing.params}; 10 runs) | median ${f1(median(h))} ms (min ${f1(h[0])}, max ${f1(h.at(-1))}) | cost documented | — |`,
    `| argon2 verify, one at a time (10 runs) | median ${f1(median(v))} ms (min ${f1(v[0])}, max ${f1(v.at(-1))}) | — | — |`,
    `| argon2 verify alone, ${login.concurrent} at once (no database, no GraphQL) | p50 ${f0(percentile(cv, 0.5))} / p95 ${f0(percentile(cv, 0.95))} ms; all done in ${f0(hashing.concurrentWallMs)} ms (${f1((login.concurrent * 1000) / hashing.concurrentWallMs)} verifies/s) | the floor under login p95 | — |`,
    `| login: ${login.concurrent} concurrent \`login\` mutations × ${login.rounds} rounds | p50 ${f0(percentile(l, 0.5))} / **p95 ${f0(p95)}** / p99 ${f0(percentile(l, 0.99))} / max ${f0(l.at(-1))} ms; ` +
      `rounds ${login.roundSeconds.map((s) => s.toFixed(2)).join(' / ')} s (${f1(login.concurrent / median(login.roundSeconds))} logins/s); ${login.latencies.length} ok, ${login.errors} errors${login.errorSample ? ` (${login.errorSample})` : ''} | p95 recorded | ${login.errors === 0 ? 'recorded' : 'ERRORS'} |`,
    `| database work per login | ${login.operationsPerLogin.length} Prisma operations (${login.operationsPerLogin.join(', ')}); ${login.statementsPerLogin} SQL statements | — | — |`,
  );
  for (const b of batches) {
    const ok = b.target === undefined || (b.operations.length === b.target && b.statements.length === b.target);
    lines.push(
      `| ${b.name} | **${b.operations.length} Prisma operation${b.operations.length === 1 ? '' : 's'}** (${b.operations.join(', ')}), ${b.statements.length} SQL statement${b.statements.length === 1 ? '' : 's'}; ${b.returned}/${BATCH} rows in order; p50 ${f1(b.p50Ms)} ms | ${b.target === undefined ? 'for comparison' : `exactly ${b.target} query`} | ${b.target === undefined ? '—' : verdict(ok && b.returned === BATCH)} |`,
    );
  }
  for (const r of ledger) {
    const diagnostic = DIAGNOSTIC_MODES.includes(r.mode);
    const good = r.consistent && r.errors === 0 && r.minBalanceAfter >= 0n;
    lines.push(
      `| ${diagnostic ? '(diagnostic) ' : ''}hot-account debits of 1: ${r.mode}, pool ${r.pool}, ${r.workers} workers, ${SECONDS} s | **${f0(r.opsPerSecond)} ops/s** (${f0(r.ops)} debits in ${r.seconds.toFixed(1)} s); latency p50 ${f1(r.p50)} / **p95 ${f1(r.p95)}** / p99 ${f1(r.p99)} / max ${f1(r.max)} ms; ` +
        `${r.errors} errors${r.errorSample ? ` (${r.errorSample})` : ''}; balance ${r.balanceBefore} → ${r.balanceAfter}, ${r.mode === 'UPDATE of one plain row' ? `counter ${r.consistent ? 'agrees' : 'DISAGREES'}` : `ledger ${r.consistent ? 'agrees' : 'DISAGREES'}, lowest balance_after ${r.minBalanceAfter}`} | ${diagnostic ? 'what the database allows on this machine (not the platform configuration)' : '≥ 1,000/s, never negative'} | ${diagnostic ? (good ? `${r.opsPerSecond >= 1_000 ? '≥' : '<'} 1,000/s` : 'INCONSISTENT') : verdict(r.opsPerSecond >= 1_000 && good)} |`,
    );
  }
  if (drain) {
    const ok = drain.succeeded === 1_000 && drain.insufficient === 200 && drain.otherErrors === 0 && drain.finalBalance === 0n && drain.minBalanceAfter >= 0n && drain.negativeBalancesInDb === 0;
    lines.push(
      `| over-drain: balance 1,000, ${f0(drain.attempts)} debits of 1 (WalletService.apply, pool ${drain.pool}, ${drain.workers} workers) | ${f0(drain.succeeded)} succeeded, ${drain.insufficient} INSUFFICIENT_FUNDS, ${drain.otherErrors} other errors${drain.otherSample ? ` (${drain.otherSample})` : ''}; ` +
        `final balance ${drain.finalBalance}, ${drain.debitEntries} debit entries, lowest balance_after ${drain.minBalanceAfter}, negative balances in the database: ${drain.negativeBalancesInDb}; ${drain.seconds.toFixed(2)} s (${f0(drain.attempts / drain.seconds)} attempts/s; latency p50 ${f1(drain.okP50)} ms for debits that succeeded, ${f1(drain.insufficientP50)} ms for refusals) | exactly 1,000 succeed, balance 0 | ${verdict(ok)} |`,
      `| (diagnostic) error path, one at a time, 10 each | refused debit (INSUFFICIENT_FUNDS) median ${f1(median(drain.refusalAloneMs))} ms; \`SELECT 1/0\` through Prisma median ${f1(median(drain.sqlErrorMs))} ms; \`SELECT 1\` median ${f1(median(drain.selectOneMs))} ms | explains the refusals' latency above | — |`,
    );
  }
  const notes = [
    '',
    `- Hashing: @node-rs/argon2 defaults (argon2id, m=19456 KiB, t=2, p=1; the PHC string above is what \`hash()\` produced). ` +
      `Hash and verify run on libuv's thread pool (UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '4, the default'}) and each is CPU-bound for its whole duration, so with 2 cores at most 2 make progress at once: ` +
      `${login.concurrent} concurrent logins queue behind each other for the CPU, and login p95 follows "${login.concurrent} verifies at once" above plus the database and GraphQL work. ` +
      `A login is: user lookup, limiter check (memory), one argon2 verify, \`last_seen_at\` update, refresh-token insert, JWT signing.`,
    `- Query counts: Prisma operations seen by \`$extends({ query: { $allOperations } })\` on the client the subgraph uses, and SQL statements from Prisma's \`query\` log event on the same client; ` +
      `both through the real subgraph (usersSubgraph.create + Apollo executeOperation; a fresh DataLoader per operation, as per request). The third batching row adds the wallet's \`xp\`/\`level\` fields: one more query (balances), still independent of the number of ids.`,
    `- Diagnostic rows (same hot account / loop, not the platform as configured): \`synchronous_commit=off\` on the bench's own pool shows how much of a debit's time is the WAL flush at commit; ` +
      `"UPDATE of one plain row" (\`UPDATE bench_hot_row SET n = n - 1 WHERE id = 1 AND n >= 1\`, autocommit) is the ceiling PostgreSQL itself gives one hot row on this machine with synchronous commit.`,
    `- Refusals: through WalletService a refused debit comes back as a row of wallet_apply_batch, not as an error, so it costs about what a success does; a statement that fails through Prisma (\`SELECT 1/0\`) ` +
      `still pays Prisma's error path in this process (the diagnostic row), which is why the service avoids raising for expected refusals.`,
    `- Ledger: every debit is one \`wallet_apply()\` statement (WalletStore.apply); WalletService.apply groups the operations that queue up on one account while one is in flight into one wallet_apply_batch statement and one commit (group commit); alone, an operation is one wallet_apply statement. ` +
      `All workers hit one \`wallet_balances\` row, so debits serialize on its row lock for the length of each autocommit transaction (commit + WAL flush). ` +
      `Pool = PrismaPg (node-postgres) pool size; the platform's runtime uses ${PLATFORM_POOL}. Workers beyond the pool size wait for a connection, which shows in their latency, not in throughput. ` +
      `"ledger agrees" = balance before − successful debits = balance after, new ledger entries = successful debits, and the sum of the account's entries = its balance.`,
    `- PostgreSQL: ${pgVersion}, on this machine (loopback), default settings (synchronous_commit on).`,
  ];
  for (const failure of failures) notes.push(`- FAILED: ${failure}`);
  return [...lines, ...notes].join('\n');
}

// ---------------------------------------------------------------- main
async function main(): Promise<boolean> {
  const date = new Date();
  const machine = machineDescription();
  log(`machine: ${machine}`);
  const loadAtStart = loadAverage();
  await DB.create();
  const primary = await open(PLATFORM_POOL);
  const [{ version }] = (await primary.prisma.$queryRaw<{ version: string }[]>`SELECT version()`) as [{ version: string }];
  const pgVersion = version.split(',')[0]!;
  const failures: string[] = [];

  log('1/4 argon2 cost');
  const hashing = await measureHashing();
  log(`  ${hashing.params}: hash median ${f1(median(hashing.hashMs))} ms, verify median ${f1(median(hashing.verifyMs))} ms`);

  const passwordHash = await hash(PASSWORD);
  const users = await seedUsers(primary.prisma, Math.max(BATCH, LOGINS), `bu_${Date.now().toString(36)}`, passwordHash);
  log(`seeded ${users.length} players`);

  log(`2/4 login (${LOGINS} concurrent × ${ROUNDS}) and 3/4 batching`);
  const { login, batches } = await subgraphPhases(users);
  const l = sorted(login.latencies);
  log(`  login p50/p95 ${f0(percentile(l, 0.5))}/${f0(percentile(l, 0.95))} ms, ${login.errors} errors; per login: ${login.operationsPerLogin.join(', ')}`);
  for (const b of batches) log(`  ${b.name}: ${b.operations.length} operations (${b.operations.join(', ')}), ${b.statements.length} statements, ${b.returned}/${BATCH} rows`);
  for (const b of batches) for (const s of b.statements) log(`    SQL: ${s.slice(0, 160)}`);

  log('4/4 ledger on one hot account');
  const ledger: LedgerRun[] = [];
  let drain: OverDrain | undefined;
  for (const poolSize of POOLS) {
    const db = poolSize === PLATFORM_POOL ? primary : await open(poolSize);
    for (const workers of WORKERS) {
      const modes: LedgerMode[] = ['WalletService.apply', 'WalletStore.apply'];
      if (poolSize === POOLS[0] && workers === Math.max(...WORKERS) && !flag('no-diagnostics')) modes.push(...DIAGNOSTIC_MODES);
      for (const mode of modes) {
        if (Date.now() > RUN_START + RUN_DEADLINE_MS - 60_000) {
          failures.push(`skipped ledger ${mode} pool ${poolSize} × ${workers}: run deadline near`);
          continue;
        }
        try {
          const r = await ledgerRun(db, poolSize, workers, mode, passwordHash);
          ledger.push(r);
          log(`  ${mode} pool ${poolSize} × ${workers} workers: ${f0(r.opsPerSecond)} ops/s, p50/p95 ${f1(r.p50)}/${f1(r.p95)} ms, ${r.errors} errors, consistent ${r.consistent}, min balance_after ${r.minBalanceAfter}`);
        } catch (error) {
          failures.push(`ledger ${mode} pool ${poolSize} × ${workers}: ${(error as Error).message}`);
          log(failures.at(-1));
        }
      }
    }
    if (!drain) {
      const workers = Math.max(...WORKERS);
      drain = await overDrain(db, poolSize, workers, passwordHash);
      log(`  over-drain: ${drain.succeeded} ok, ${drain.insufficient} insufficient, ${drain.otherErrors} other, final balance ${drain.finalBalance}`);
    }
  }

  const section = resultsSection({
    title: 'Users',
    date,
    machine,
    loadStart: loadAtStart,
    script: 'bench/users/run.ts',
    setup:
      `Setup: one process, NODE_ENV unset, fresh PostgreSQL database on loopback (created and dropped by the run), no Redis (MemoryRedisPort; in-memory sign-in limiter). ` +
      `Login and batching go through the users subgraph (usersSubgraph.create + Apollo Server executeOperation, no HTTP, no gateway) on a pool of ${PLATFORM_POOL}; ` +
      `the ledger phase drives WalletService / WalletStore directly with N concurrent async workers, each debit with its own idempotency key.`,
    body: report(hashing, login, batches, ledger, drain, failures, pgVersion),
  });
  publishSection(section, WRITE);
  const batchesOk = batches.every((b) => b.target === undefined || (b.operations.length === b.target && b.returned === BATCH));
  return failures.length === 0 && login.errors === 0 && batchesOk && ledger.length > 0;
}

const RUN_START = Date.now();
await runBench(main, { deadlineMs: RUN_DEADLINE_MS });
