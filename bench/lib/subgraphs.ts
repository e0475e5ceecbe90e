// Child process of a benchmark (started by startSubgraphs in processes.ts): the subgraphs named in
// BENCH_SUBGRAPHS (default: all five) in one process on one shared runtime (PostgreSQL + Redis from
// DATABASE_URL / REDIS_URL), each on its own free port with its own /metrics registry.
// Reports { type: 'ready', urls } to the parent over IPC; exits on 'stop', SIGTERM or a lost parent.
import { SUBGRAPH_STARTERS } from '../../subgraphs/index.js';
import { loadConfig, platformEnv } from '../../platform/config.js';
import type { RunningService } from '../../platform/http.js';
import { createLogger } from '../../platform/logger.js';
import { openRuntime } from '../../platform/runtime.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';

const config = loadConfig(platformEnv);
const logger = createLogger('bench-subgraphs', config.LOG_LEVEL);
const runtime = await openRuntime(config, logger);
const services: RunningService[] = [];
const only = process.env.BENCH_SUBGRAPHS?.split(',').map((n) => n.trim());
for (const { name } of SUBGRAPHS) if (!only || only.includes(name)) services.push(await SUBGRAPH_STARTERS[name](runtime, process.env));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // process.exit (not a kill) so that --cpu-prof writes its profile.
  const timer = setTimeout(() => process.exit(0), 5_000);
  timer.unref();
  for (const s of services.reverse()) await s.close().catch(() => undefined);
  await runtime.close().catch(() => undefined);
  process.exit(0);
};
process.on('message', (m) => {
  if ((m as { type?: string }).type === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
process.send!({ type: 'ready', urls: Object.fromEntries(services.map((s) => [s.name, s.url])) });
