import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { ConfigError } from '../../../platform/config.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { publishEntityChanges } from '../../../platform/entity-changes.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { BackgroundWorker } from '../../../platform/subgraph/serve.js';
import { WALLET_MAX_AMOUNT } from '../../users/contracts/wallet.js';
import { CATALOG_PATH } from '../config.js';
import { CatalogError, parseCatalog, type Catalog } from '../domain/catalog.js';
import { AchievementsStore, type AchievementRow, type CatalogFilter } from '../store/achievements.store.js';
import type { DefinitionsCache } from '../store/definitions.cache.js';

/**
 * The catalog file (the checked-in one by default), validated against itself and the wallet. A
 * missing, unreadable or invalid file is a configuration problem: the service does not start, and
 * the message lists every problem.
 */
export function readCatalogFile(file: string | URL = CATALOG_PATH): Catalog {
  const problem = (problems: string[]) =>
    new ConfigError(`achievements: invalid catalog ${String(file)} (ACHIEVEMENTS_CATALOG_PATH):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw problem([(error as Error).message]);
  }
  try {
    return parseCatalog(json, { maxRewardAmount: WALLET_MAX_AMOUNT });
  } catch (error) {
    if (error instanceof CatalogError) throw problem(error.problems);
    throw error;
  }
}

export interface CatalogSyncResult {
  /** The catalog version now in the database. */
  version: number;
  /** Definitions written by this sync. */
  synced: number;
  /** Whether this sync moved the stored catalog to another version (points may have changed). */
  changed: boolean;
}

/**
 * Writes the catalog into achievement_definitions in one transaction (upserts keyed by id, so
 * running it again changes nothing). Definitions that left the file stay: unlocks point at them.
 */
export async function syncCatalog(
  prisma: PrismaClient,
  catalog: Catalog = readCatalogFile(),
  store = new AchievementsStore(prisma),
): Promise<CatalogSyncResult> {
  // One upsert per definition, at start-up: on a loaded machine that outlasted Prisma's 5 s default.
  const transaction = { timeout: 30_000, maxWait: 10_000 };
  return prisma.$transaction(async (tx) => {
    const stored = await store.latestCatalogVersion(tx);
    // During a rolling deploy an old replica may start after a new one: it must not roll the catalog back.
    if (stored !== null && stored > catalog.version) return { version: stored, synced: 0, changed: false };
    for (const [position, definition] of catalog.achievements.entries()) {
      await store.upsertDefinition(tx, definition, catalog.version, position);
    }
    return { version: catalog.version, synced: catalog.achievements.length, changed: stored !== catalog.version };
  }, transaction);
}

/**
 * Syncs the catalog when the service starts, before it accepts requests, then loads it into this
 * replica's memory (the others see a new one within ACHIEVEMENTS_CATALOG_RECHECK_MS). A new catalog
 * version may change any achievement's points, so every player's `achievementPoints` the gateways
 * cached is announced changed (contracts/entity-cache.ts).
 */
export function catalogSyncWorker(deps: {
  prisma: PrismaClient;
  store: AchievementsStore;
  definitions: DefinitionsCache;
  catalog: Catalog;
  logger: Logger;
  redis: RedisPort;
}): BackgroundWorker {
  return {
    start: async () => {
      const result = await syncCatalog(deps.prisma, deps.catalog, deps.store);
      await deps.definitions.refresh();
      if (result.changed) await publishEntityChanges(deps.redis, { all: true });
      deps.logger.info(result, 'achievement catalog synced');
    },
    stop: async () => {},
  };
}

export class CatalogService {
  constructor(private readonly definitions: DefinitionsCache) {}

  /** The catalog in its file's order. */
  list(filter: CatalogFilter): Promise<AchievementRow[]> {
    return this.definitions.list(filter);
  }
}
