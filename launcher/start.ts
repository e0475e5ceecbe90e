// `npm start`: the whole platform in one process (embedded database and Redis unless
// DATABASE_URL / REDIS_URL are set).
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../platform/config.js';
import { startPlatform } from './all-in-one.js';

try {
  const platform = await startPlatform();
  const seconds = (performance.now() / 1000).toFixed(1);
  const lines = [
    '',
    `Game platform ready in ${seconds}s`,
    `  GraphQL API (queries, mutations, subscriptions): ${platform.gateway.url}`,
    ...platform.subgraphs.map((s) => `  subgraph ${s.name.padEnd(13)} ${s.url}`),
    `  health: ${platform.gateway.url.replace('/graphql', '/healthz')}  readiness: /readyz  metrics: ${platform.metricsUrl ?? '/metrics'}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    await platform.close();
    process.stdout.write('stopped\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  // A ConfigError (a setting, a port taken) is the whole story: its message, without a stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
