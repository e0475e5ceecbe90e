import { requireRole, type Viewer } from '../../../platform/auth.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { pageRequest, timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { prefixQuery, searchOffset, searchTerms } from '../../../platform/search-text.js';
import { matchUpdated, tournamentUpdated, type MatchUpdatedEvent } from '../contracts/live.js';
import type { TournamentStatus } from '../domain/lifecycle.js';
import { listingFilter, scheduleKey } from '../domain/listing.js';
import { validateNewTournament, validateRequestKey, type NewTournamentInput } from '../domain/settings.js';
import type { TournamentRow, TournamentsStore } from '../store/tournaments.store.js';
import type { PrizePoolService } from './prize-pool.service.js';
import type { ScheduleService } from './schedule.service.js';

/**
 * The tournaments use cases: listing, searching, creating and the live streams (lookups by id go through the DataLoaders;
 * registration and the start are registration.service.ts and schedule.service.ts). Each
 * write checks who may do it first, decides through domain/ (settings.ts, lifecycle.ts) and writes
 * in one unit of work.
 */
export class TournamentsService {
  constructor(
    private readonly store: TournamentsStore,
    private readonly deps: { work: UnitOfWork; schedule: ScheduleService; pool: PrizePoolService; redis: RedisPort; now?: () => Date },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * A new tournament in REGISTRATION, by an ORGANIZER or ADMIN, with its start-time job. With a
   * request key, a retry (or a concurrent twin) returns the tournament the first request created.
   * A pool with a fixed part is paid by its creator first (prize-pool.service.ts).
   */
  async createTournament(viewer: Viewer, input: NewTournamentInput): Promise<TournamentRow> {
    const organizerId = requireRole(viewer, ['ORGANIZER', 'ADMIN'], 'create tournaments');
    // A retry answers the first request's tournament whatever its other fields say now (a start
    // time passed since, a field changed): only the key itself is checked first.
    const requestKey = validateRequestKey(input.requestKey);
    if (requestKey) {
      const earlier = await this.store.findByRequestKey(organizerId, requestKey);
      if (earlier) return earlier;
    }
    const settings = validateNewTournament(input, this.now());
    if (settings.prizeFixed > 0) return this.deps.pool.createFunded(organizerId, settings);
    try {
      return await this.deps.work.run(async ({ tx }) => {
        const created = await this.store.create(tx, settings, organizerId);
        await this.deps.schedule.scheduleStart(tx, created);
        return created;
      });
    } catch (error) {
      if (!settings.requestKey || !isUniqueViolation(error)) throw error;
      return (await this.store.findByRequestKey(organizerId, settings.requestKey))!;
    }
  }

  /** A page of a search by words (platform/search-text.ts), status and format; by start time without words. */
  async searchTournaments(args: { text?: string | null; status?: TournamentStatus | null; format?: string | null; first?: number | null; after?: string | null }): Promise<Connection<TournamentRow>> {
    const terms = searchTerms(args.text);
    const request = pageRequest<unknown>({ first: args.first, after: args.after });
    const skip = request.cursor == null ? 0 : searchOffset(request.cursor);
    const rows = await this.store.search({ query: terms ? prefixQuery(terms) : null, status: args.status ?? null, format: args.format ?? null, skip, take: request.take });
    return toConnection(rows, request, (row) => skip + rows.indexOf(row) + 1);
  }

  /** The tournament as stored now (a live event's subject), or null. */
  async tournamentNow(id: string): Promise<TournamentRow | null> {
    return (await this.store.findByIds([id]))[0] ?? null;
  }

  /** A tournament's changes as they commit (live only; an unknown id simply sends nothing). */
  liveTournament(id: string): AsyncIterableIterator<{ id: string }> {
    return tournamentUpdated.subscribe(this.deps.redis, id);
  }

  /** A tournament's match changes as they commit (live only). */
  liveMatches(tournamentId: string): AsyncIterableIterator<MatchUpdatedEvent> {
    return matchUpdated.subscribe(this.deps.redis, tournamentId);
  }

  /** A page of tournaments, soonest start first (domain/listing.ts), optionally in one status. */
  async listTournaments(args: { status?: TournamentStatus | null }, page: ConnectionArgs): Promise<Connection<TournamentRow>> {
    const request = timeIdPageRequest(page);
    return toConnection(await this.store.page(listingFilter(args), request), request, scheduleKey);
  }
}
