// Helpers shared by the benchmarks in bench/: command-line options, logging, percentiles and number
// formats, bounded waits, the throwaway PostgreSQL database, the run's header facts (machine, git
// revision, load) and its section of RESULTS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS_PATH = path.join(ROOT, 'bench/RESULTS.md');

// ---------------------------------------------------------------- options
/** The value after `--name`, or the fallback. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
export const flag = (name: string) => process.argv.includes(`--${name}`);
/** `1,100,1000` → positive integers (anything else is dropped). */
export const list = (s: string) => s.split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0);

// ---------------------------------------------------------------- time and logging
/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (...args: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => percentile(sorted(xs), 0.5);

// ---------------------------------------------------------------- number formats ('—' for a missing figure)
const format = (digits: number) => (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : digits === 0 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits));
/** 1,234 */
export const f0 = format(0);
/** 1.2 */
export const f1 = format(1);
export const f2 = format(2);
export const f3 = format(3);

// ---------------------------------------------------------------- bounded loops and waits
/** Runs `task(i)` for i = 0..count-1 with at most `concurrency` in flight. */
export async function runLimited<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/** Polls `probe` every `everyMs` until it returns a value (not undefined); throws after `timeoutMs` (with the last error). */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

// ---------------------------------------------------------------- throwaway database
export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A database name no other run uses: `<prefix>_<time base 36>_<pid>`. */
export const uniqueDatabaseName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${process.pid}`;

/** The admin URL with its database replaced by `name`. */
export const databaseUrl = (name: string, adminUrl = PG_ADMIN_URL) => adminUrl.replace(/\/[^/]*$/, `/${name}`);

export async function createDatabase(name: string, adminUrl = PG_ADMIN_URL): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** Drops the database even with connections still open; logs instead of throwing. */
export async function dropDatabase(name: string, adminUrl = PG_ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    log(`dropped database ${name}`);
  } catch (error) {
    log(`could not drop database ${name}:`, (error as Error).message);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- run header
export function machineDescription(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

export function gitRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'gateway', 'platform', 'subgraphs', 'launcher'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return `git ${head}${dirty ? ' + uncommitted changes in gateway/platform/subgraphs/launcher' : ''}`;
  } catch {
    return 'git revision unknown';
  }
}

// ---------------------------------------------------------------- RESULTS.md
export interface SectionParts {
  /** `Achievements` → `## Achievements — <date> UTC` */
  title: string;
  date: Date;
  machine: string;
  /** Load average when the run started; without it the header gives only the load at the end. */
  loadStart?: string;
  /** The script, relative to the repository (`bench/users/run.ts`); the command line repeats this run's options. */
  script: string;
  /** The paragraph describing the setup. */
  setup: string;
  /** Table and notes. */
  body: string;
}

/** A run's section: title, machine/date/revision/load, command, setup, then the body. */
export function resultsSection(p: SectionParts): string {
  const stamp = p.date.toISOString().slice(0, 16).replace('T', ' ');
  const load = p.loadStart === undefined ? `Load average at the end: ${loadAverage()}` : `Load average at the start: ${p.loadStart}; at the end: ${loadAverage()}`;
  return [
    `## ${p.title} — ${stamp} UTC`,
    '',
    `Machine: ${p.machine}. Date: ${p.date.toUTCString()}. Code: ${gitRevision()}. ${load} (other processes on the machine share the 2 cores).`,
    `Command: \`node --import tsx ${p.script} ${process.argv.slice(2).join(' ')}\`.`.replace(' `.', '`.'),
    '',
    p.setup,
    '',
    p.body,
    '',
  ].join('\n');
}

/** Prints the section on stdout and, with `write`, puts it in RESULTS.md. */
export function publishSection(section: string, write: boolean) {
  console.log(`\n${section}`);
  if (write) {
    writeResults(section);
    log(`wrote ${path.relative(ROOT, RESULTS_PATH)}`);
  }
}

/** Replaces the section with the same title (its first line) in RESULTS.md, or appends it. */
export function writeResults(section: string) {
  const header = [
    '# Benchmark results',
    '',
    'Written by the benchmarks in bench/ (see bench/README.md). Each run replaces the section with the same title.',
    '',
  ].join('\n');
  let text = existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : header;
  const title = section.split('\n')[0]!;
  const start = text.indexOf(title);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + title.length);
    text = text.slice(0, start) + section + (next >= 0 ? text.slice(next) : '\n');
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(RESULTS_PATH, text);
}
