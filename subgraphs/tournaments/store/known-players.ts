import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { BadUserInputError, DomainError, ErrorCode, ServiceUnavailableError } from '../../../platform/errors.js';
import type { UsersPort } from './users.client.js';

/** Players remembered per replica (an id costs about 150 bytes here). */
const REMEMBERED = 100_000;
/** How long a check of a player not yet remembered waits for others to share its users call. */
const BATCH_WINDOW_MS = 2;
/** Ids asked of the users subgraph in one call at most. */
const MAX_BATCH = 1_000;

/**
 * Which ids are players, as the users subgraph (which owns them) says. Players are never deleted,
 * so one confirmed is remembered (a bounded LRU: the busiest players stay) and never asked about
 * again; the others are asked together, the checks that arrive within BATCH_WINDOW_MS in one
 * `UsersPort.levels` call (an id missing from its answer is no player). An id of no player is not
 * remembered: it may register next. When the users subgraph cannot answer, the check fails with
 * SERVICE_UNAVAILABLE and nothing is remembered.
 */
export class KnownPlayers {
  private readonly known: LRUCache<string, true>;
  private readonly asked: DataLoader<string, boolean>;

  constructor(
    private readonly users: UsersPort,
    options: { max?: number; batchWindowMs?: number; maxBatchSize?: number; logger?: Logger } = {},
  ) {
    this.known = new LRUCache({ max: options.max ?? REMEMBERED });
    const windowMs = options.batchWindowMs ?? BATCH_WINDOW_MS;
    // Not cached by the loader: only players found are kept, and in the LRU.
    this.asked = new DataLoader((ids) => this.ask(ids, options.logger), {
      cache: false,
      maxBatchSize: options.maxBatchSize ?? MAX_BATCH,
      batchScheduleFn: (run) => setTimeout(run, windowMs),
    });
  }

  /** Whether `userId` is a player; SERVICE_UNAVAILABLE when the users subgraph cannot tell. */
  async isPlayer(userId: string): Promise<boolean> {
    // get (not has) so a busy player stays among the most recently used.
    return this.known.get(userId) ?? this.asked.load(userId);
  }

  /** BAD_USER_INPUT at `field` when `userId` is no player; SERVICE_UNAVAILABLE when the users subgraph cannot tell. */
  async assertPlayer(userId: string, field: string): Promise<void> {
    if (!(await this.isPlayer(userId))) throw new BadUserInputError(`No player has the id ${JSON.stringify(userId)}.`, field);
  }

  private async ask(ids: readonly string[], logger: Logger | undefined): Promise<boolean[]> {
    let levels: Map<string, number>;
    try {
      levels = await this.users.levels([...new Set(ids)]);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.SERVICE_UNAVAILABLE) throw error;
      // Whatever else went wrong, the caller's id was well formed: it could not be checked, not refused.
      logger?.warn({ err: error }, 'checking players with the users subgraph failed');
      throw new ServiceUnavailableError('users');
    }
    return ids.map((id) => {
      const found = levels.has(id);
      if (found) this.known.set(id, true);
      return found;
    });
  }
}
