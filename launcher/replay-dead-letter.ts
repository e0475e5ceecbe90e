// `npm run events:replay -- <consumer group> <event id>`: after fixing what made a consumer give up
// on an event (see dead_letter_events), publishes it again for that group. Uses DATABASE_URL and
// REDIS_URL like the services (with the embedded defaults it can only reach a stopped `npm start`'s data).
import { ConfigError, loadConfig, platformEnv } from '../platform/config.js';
import { replayDeadLetter } from '../platform/events/dead-letters.js';
import { isUuid } from '../platform/ids.js';
import { createLogger } from '../platform/logger.js';
import { openRuntime } from '../platform/runtime.js';

const [consumer, eventId] = process.argv.slice(2);
if (!consumer || !eventId || !isUuid(eventId)) {
  console.error('usage: npm run events:replay -- <consumer group> <event id>');
  process.exit(2);
}

try {
  const config = loadConfig(platformEnv);
  const runtime = await openRuntime(config, createLogger('events-replay', config.LOG_LEVEL));
  try {
    const replayed = await replayDeadLetter(runtime.db.prisma, runtime.redis, consumer, eventId);
    console.log(replayed ? `event ${eventId} published again for ${consumer}` : `no dead letter ${eventId} for ${consumer}`);
    process.exitCode = replayed ? 0 : 1;
  } finally {
    await runtime.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
