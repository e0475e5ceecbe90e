// `npm run bench [name …] [-- options]`: runs every benchmark in bench/ (or the ones named), one
// after another (they would only measure each other side by side). Each is bounded by its own
// deadline, starts its services on loopback, drives them from separate processes, prints its table
// and rewrites its section of bench/RESULTS.md (machine, date, commit). Options after the names go
// to every bench run (e.g. `--no-write`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/common.js';

const BENCH_DIR = path.join(ROOT, 'bench');
const available = readdirSync(BENCH_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(BENCH_DIR, d.name, 'run.ts')))
  .map((d) => d.name)
  .sort();
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('-') && available.includes(a));
const unknown = args.filter((a) => !a.startsWith('-') && !available.includes(a) && !/^\d/.test(a));
const options = args.filter((a) => !names.includes(a));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const chosen = names.length ? names : available;
const results: { name: string; code: number; minutes: number }[] = [];
for (const name of chosen) {
  console.error(`\n=== bench ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, name, 'run.ts'), ...options], { cwd: ROOT, stdio: 'inherit' });
  results.push({ name, code: r.status ?? 1, minutes: (Date.now() - started) / 60_000 });
}
console.error('\n| bench | result | minutes |\n| --- | --- | ---: |');
for (const r of results) console.error(`| ${r.name} | ${r.code === 0 ? 'ok' : `failed (exit ${r.code})`} | ${r.minutes.toFixed(1)} |`);
console.error('\nFigures: bench/RESULTS.md');
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
