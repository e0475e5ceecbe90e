// `npm run users:promote -- <username> [...]`: makes these existing accounts ADMIN (for a first
// admin; afterwards admins use setRole). Uses DATABASE_URL like the services, or the embedded
// database in DATA_DIR: stop `npm start` first then, as PGlite allows one process. The new role
// reaches the player's tokens at their next sign-in or session refresh.
import { ConfigError, loadConfig, platformEnv } from '../../../platform/config.js';
import { openDatabase } from '../../../platform/db/index.js';
import { pino } from 'pino';
import { MemoryRedisPort } from '../../../platform/redis/index.js';
import { UnitOfWork } from '../../../platform/unit-of-work.js';
import { usernameKey } from '../domain/accounts.js';
import { RolesService } from '../services/roles.service.js';
import { UsersStore } from '../store/users.store.js';

const usernames = process.argv.slice(2);
if (usernames.length === 0) {
  console.error('usage: npm run users:promote -- <username> [...]');
  process.exit(2);
}

try {
  const config = loadConfig(platformEnv);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const store = new UsersStore(db.prisma, db.sql);
    // `user.role_changed` goes to the outbox; the users service's relay publishes it once running.
    const work = new UnitOfWork({ db, redis: new MemoryRedisPort(), producer: 'users', relay: { poke: () => undefined }, logger: pino({ level: 'silent' }) });
    const promoted = await new RolesService(store, work).promoteToAdmin(usernames.map(usernameKey));
    const missing: string[] = [];
    for (const username of usernames) {
      const user = await store.findByUsernameKey(usernameKey(username));
      if (!user) missing.push(username);
      else console.log(`${user.username}: ADMIN${promoted.includes(user.username) ? '' : ' (already)'}`);
    }
    if (missing.length) {
      console.error(`no account named ${missing.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
