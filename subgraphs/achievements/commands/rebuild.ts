// `npm run achievements:rebuild [-- <userId> ...]`: replays the achievement event store into fresh
// progress projections (every player, or the ones named), with the catalog the service uses
// (ACHIEVEMENTS_CATALOG_PATH). Run it after changing a rule; the service may keep running (each
// player is rebuilt under their row lock). Uses DATABASE_URL / REDIS_URL like the services, or the embedded database in DATA_DIR
// (stop `npm start` first then: PGlite allows one process).
import { ConfigError, loadConfig, platformEnv } from '../../../platform/config.js';
import { isUuid } from '../../../platform/ids.js';
import { createLogger } from '../../../platform/logger.js';
import { openRuntime } from '../../../platform/runtime.js';
import { loadAchievementsConfig } from '../config.js';
import { rebuildProjections } from '../services/rebuild.service.js';
import { achievementsSubgraph } from '../subgraph.js';

const userIds = process.argv.slice(2);
const invalid = userIds.filter((id) => !isUuid(id));
if (invalid.length) {
  console.error(`not player ids: ${invalid.join(', ')}\nusage: npm run achievements:rebuild [-- <userId> ...]`);
  process.exit(2);
}

try {
  const config = loadConfig(platformEnv);
  const logger = createLogger('achievements-rebuild', config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger);
  try {
    const achievements = achievementsSubgraph.create({ db: runtime.db, redis: runtime.redis, logger, config: loadAchievementsConfig() });
    const { parts } = achievements;
    // The catalog in the database must match the rules being replayed.
    await parts.catalogSync.start();
    const started = Date.now();
    const result = await rebuildProjections(parts, userIds.length ? { userIds } : {});
    // New unlocks' reward events are in the outbox: publish them before exiting.
    await achievements.relay.poke();
    logger.info({ ...result, seconds: (Date.now() - started) / 1000 }, 'achievements rebuilt');
    console.log(JSON.stringify(result));
  } finally {
    await runtime.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
