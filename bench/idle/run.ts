// Idle bench: what the whole platform costs when nobody asks anything of it. The five subgraphs and
// the gateway run, each its own process from the production bundle, on real PostgreSQL and Redis;
// after a settling time, the CPU each process (and PostgreSQL, and Redis) uses over a window, and
// the statements PostgreSQL ran in it (pg_stat_database's transactions, and the statement log's
// count with --statement-log). Polling (job runners, outbox relays, consumers' blocking reads,
// sweeps) is what an idle deployment pays for; operators see it on every replica.
//
//   node --import tsx bench/idle/run.ts [--settle 15] [--seconds 30] [--statement-log] [--no-write]
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { f1, flag, log, loadAverage, machineDescription, option, PG_ADMIN_URL, publishSection, resultsSection, sleep } from '../lib/common.js';
import { runBench, throwawayDatabase } from '../lib/lifecycle.js';
import { cpuBetween, CpuMeter, type CpuSnapshot } from '../lib/proc.js';
import { serviceEnv, startGateway, startSubgraphProcesses } from '../lib/processes.js';

if (flag('help')) {
  console.log('node --import tsx bench/idle/run.ts [--settle 15] [--seconds 30] [--statement-log] [--no-write]');
  process.exit(0);
}
const SETTLE_S = Number(option('settle', '15'));
const SECONDS = Number(option('seconds', '30'));
/** Turns log_statement on (ALTER SYSTEM) for the window and counts the log's statements: needs the server's log file. */
const STATEMENT_LOG = flag('statement-log');
const LOG_FILE = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const WRITE = !flag('no-write');
const DB = throwawayDatabase('bench_idle');
const ENV = serviceEnv(DB.url, `${process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'}/9`);

/** Commits and rollbacks of the bench's database so far (pg_stat_database). */
async function transactions(): Promise<number> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: string }>('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1', [DB.name]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function setLogStatement(value: 'all' | null) {
  const set = value ? `ALTER SYSTEM SET log_statement = '${value}'` : 'ALTER SYSTEM RESET log_statement';
  execFileSync('psql', [PG_ADMIN_URL, '-qc', set, '-c', 'SELECT pg_reload_conf()'], { stdio: 'ignore' });
}

/** Statements the server logged for the bench's database since `offset` bytes into the log. */
function loggedStatements(offset: number): number {
  const text = readFileSync(LOG_FILE, 'utf8').slice(offset);
  return text.split('\n').filter((line) => line.includes(`@${DB.name} `) && /LOG: {2}(statement|execute [^:]*):/.test(line)).length;
}

async function main(): Promise<boolean> {
  const date = new Date();
  const loadStart = loadAverage();
  await DB.create();
  const { urls, children } = await startSubgraphProcesses({ env: ENV, timeoutMs: 120_000 });
  const { child: gateway } = await startGateway(urls, { env: ENV, timeoutMs: 120_000 });
  const meter = new CpuMeter({ postgres: 'postgres', 'redis-server': 'redis' });
  const names = Object.keys(urls);
  names.forEach((name, i) => meter.watch(name, children[i]!.pid!));
  meter.watch('gateway', gateway.pid!);
  log(`platform up; settling ${SETTLE_S} s`);
  await sleep(SETTLE_S * 1_000);

  const logOffset = STATEMENT_LOG ? statSync(LOG_FILE).size : 0;
  if (STATEMENT_LOG) setLogStatement('all');
  const xactBefore = await transactions();
  const a: CpuSnapshot = meter.snapshot();
  await sleep(SECONDS * 1_000);
  const b: CpuSnapshot = meter.snapshot();
  const xactAfter = await transactions();
  if (STATEMENT_LOG) setLogStatement(null);
  const statements = STATEMENT_LOG ? loggedStatements(logOffset) : undefined;

  const seconds = (b.at - a.at) / 1_000;
  const percent = cpuBetween(a, b);
  const processes = [...names, 'gateway', 'postgres', 'redis'];
  const rows = processes.map((name) => `| ${name} | ${f1(percent[name] ?? 0)} |`);
  const total = processes.reduce((sum, name) => sum + (percent[name] ?? 0), 0);
  const body = [
    '| process | % of one core, idle |',
    '| --- | ---: |',
    ...rows,
    `| **all** | **${f1(total)}** |`,
    '',
    `- PostgreSQL transactions in the bench's database: ${f1((xactAfter - xactBefore) / seconds)}/s.`,
    statements === undefined ? '- Statements: run with --statement-log to count them.' : `- Statements logged for the bench's database: ${statements} in ${f1(seconds)} s (${f1(statements / seconds)}/s).`,
  ].join('\n');
  const setup = `Setup: the five subgraphs and the gateway, each its own process from the production bundle (NODE_ENV=production), on real PostgreSQL and Redis on loopback, with no client at all. After ${SETTLE_S} s of settling, CPU time from /proc (10 ms ticks) over ${SECONDS} s, per process; PostgreSQL and Redis counted whole (every backend, so anything else using them counts too).`;
  publishSection(resultsSection({ title: 'Idle platform', date, machine: machineDescription(), loadStart, script: 'bench/idle/run.ts', setup, body }), WRITE);
  return true;
}

await runBench(main, { deadlineMs: 5 * 60_000, deadlineMessage: 'idle bench: run deadline reached, aborting' });
