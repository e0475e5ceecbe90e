import type { Logger } from 'pino';
import { ConfigError } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { openRedis, type RedisPort } from './redis/index.js';
import type { IoRedisPort } from './redis/ioredis.js';

/** What a process opens once and every service in it shares: the database and Redis. */
export interface Runtime {
  db: Database;
  redis: RedisPort;
  close(): Promise<void>;
}

export async function openRuntime(
  config: { DATABASE_URL?: string; REDIS_URL?: string; DATA_DIR: string },
  logger: Logger,
): Promise<Runtime> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const redis = openRedis(config.REDIS_URL);
  if (redis.kind === 'redis') {
    try {
      await reachable(redis as IoRedisPort);
    } catch (error) {
      await redis.close();
      await db.close();
      throw new ConfigError(
        `REDIS_URL: cannot reach Redis at ${whereIs(config.REDIS_URL!)} (${(error as Error).message}). Start it, or leave REDIS_URL unset to run the all-in-one platform with its in-process Redis.`,
      );
    }
  }
  logger.info(
    { database: db.kind === 'postgres' ? 'postgresql' : `embedded (${config.DATA_DIR})`, redis: redis.kind === 'redis' ? 'redis' : 'in-process' },
    'runtime opened',
  );
  return {
    db,
    redis,
    close: async () => {
      await redis.close();
      await db.close();
    },
  };
}

/** Redis answers within 10 s, or the connection's own error (ECONNREFUSED, ENOTFOUND, NOAUTH…) says why not. */
async function reachable(redis: IoRedisPort, timeoutMs = 10_000): Promise<void> {
  const client = redis.client;
  let lastError: Error | undefined;
  const onError = (error: Error) => void (lastError = error);
  client.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs))),
    ]);
  } catch (error) {
    throw lastError ?? error;
  } finally {
    clearTimeout(timer);
    client.off('error', onError);
  }
}

/** host:port of a URL, without its credentials. */
function whereIs(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'the configured address';
  }
}
