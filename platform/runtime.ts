import type { Logger } from 'pino';
import { openDatabase, type Database } from './db/index.js';
import { openRedis, type RedisPort } from './redis/index.js';

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
