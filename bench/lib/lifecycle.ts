// A benchmark's life: what to undo at the end (processes, pools, the throwaway database), undone on
// a normal exit, an error, SIGINT/SIGTERM or the run's hard deadline.
import { createDatabase, databaseUrl, dropDatabase, log, PG_ADMIN_URL, uniqueDatabaseName } from './common.js';

type Cleanup = () => unknown;
const cleanups: Cleanup[] = [];
let shuttingDown = false;

/** Registers an undo step; steps run last registered first (a pool closes before its database is dropped). */
export function onCleanup(step: Cleanup) {
  cleanups.push(step);
}

export const isShuttingDown = () => shuttingDown;

/** Runs every undo step once (later calls do nothing); a failing step does not stop the others. */
export async function cleanup() {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      log('cleanup step failed:', (error as Error).message);
    }
  }
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  /** Creates it; it is dropped at cleanup (even with connections still open). */
  create(): Promise<void>;
}

/** A database no other run uses (`<prefix>_<time>_<pid>`), named now, created by `create()`. */
export function throwawayDatabase(prefix: string, adminUrl = PG_ADMIN_URL): ThrowawayDatabase {
  const name = uniqueDatabaseName(prefix);
  return {
    name,
    url: databaseUrl(name, adminUrl),
    async create() {
      await createDatabase(name, adminUrl);
      onCleanup(() => dropDatabase(name, adminUrl));
      log(`created database ${name}`);
    },
  };
}

/**
 * Runs `main` (true = success) and exits: 0 on success, 1 on failure or error, 130 on a signal. Cleans up
 * in every case; after `deadlineMs` it aborts (cleaning up) whatever `main` is doing.
 */
export async function runBench(main: () => Promise<boolean>, options: { deadlineMs: number; deadlineMessage?: string }): Promise<never> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const hardStop = setTimeout(() => {
    log(options.deadlineMessage ?? 'run deadline exceeded: aborting');
    void cleanup().finally(() => process.exit(1));
  }, options.deadlineMs);
  hardStop.unref();
  let ok = false;
  try {
    ok = await main();
  } catch (error) {
    log('benchmark failed:', error);
  } finally {
    await cleanup();
  }
  process.exit(ok ? 0 : 1);
}
