import type { Logger } from 'pino';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { PrismaWork, SqlWork } from '../../../platform/unit-of-work.js';
import { tournamentUpdated } from '../contracts/live.js';
import { decidedChallenges, ladderAfter } from '../domain/brackets/ladder.js';
import { prizeKey, prizePoolTotal, prizesByPlace } from '../domain/prizes.js';
import { finalStandings } from '../domain/standings.js';
import type { EntriesStore } from '../store/entries.store.js';
import type { MatchRow } from '../store/matches.store.js';
import type { TournamentRow, TournamentsStore } from '../store/tournaments.store.js';
import type { UsersPort } from '../store/users.client.js';
import type { PrizePoolService } from './prize-pool.service.js';

/** A prize owed: credited under `prizeKey(tournamentId, userId)`, so once however often the job runs. */
export interface PrizeJob {
  tournamentId: string;
  userId: string;
  amount: number;
}

/**
 * The end of a tournament (docs/decisions.md, "Prizes: a keyed credit per place, owed in the
 * completing transaction"). When the last match ends, in the same transaction as that result:
 * the standings (domain/standings.ts) and each place's prize (domain/prizes.ts) are written on the
 * entries, one prize job per paid place is enqueued (and, when places nobody reached leave part of
 * the pool unpaid, the return of up to the creator's fixed part), the tournament becomes COMPLETED and
 * `tournament.completed` (placements and prizes) goes to the outbox. The jobs credit the users
 * ledger under the prize's key, so a crash between the credit and the job's end, a retry or a
 * second replica pays nothing twice.
 */
export class CompletionService {
  constructor(
    private readonly deps: {
      tournaments: TournamentsStore;
      entries: EntriesStore;
      users: UsersPort;
      logger: Logger;
      prizeQueue: string;
      /** What places nobody reached leave of the creator's fixed part goes back to them. */
      pool: Pick<PrizePoolService, 'oweBack'>;
    },
  ) {}

  /** Completes the tournament whose bracket `matches` (as committed by this transaction) is finished; returns it COMPLETED. */
  async completeIn(work: PrismaWork | SqlWork, tournament: TournamentRow, matches: readonly MatchRow[], at: Date): Promise<TournamentRow> {
    // The result path runs on the SQL port, a ladder's end on Prisma: the same statements on either.
    const client = 'sql' in work ? work.sql : work.tx;
    const seeds = await this.deps.entries.seededPlayers(client, tournament.id);
    const ladder = tournament.format === 'LADDER' ? ladderAfter(seeds, decidedChallenges(matches)) : undefined;
    const standings = finalStandings(tournament.format, seeds, matches, ladder);
    const total = prizePoolTotal({ fixed: tournament.prizeFixed, feeSharePercent: tournament.prizeFeeShare }, await this.deps.entries.feesOf(client, tournament.id));
    const prizes = prizesByPlace(total, tournament.prizeSplit, standings.length);
    const placed = standings.map((s, i) => ({ userId: s.userId, placement: s.placement, prize: prizes[i]! }));
    await this.deps.entries.setStandings(client, tournament.id, placed);
    for (const p of placed) {
      if (p.prize > 0) await enqueueJob(client, this.deps.prizeQueue, { tournamentId: tournament.id, userId: p.userId, amount: p.prize } satisfies PrizeJob, { maxAttempts: 50 });
    }
    const unpaid = total - prizes.reduce((sum, p) => sum + p, 0);
    await this.deps.pool.oweBack(client, tournament, Math.min(unpaid, tournament.prizeFunded));
    const completed = await this.deps.tournaments.complete(client, tournament.id, at);
    await work.record('tournament.completed', { tournamentId: tournament.id, name: tournament.name, placements: placed, completedAt: at.toISOString() });
    work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
    return completed;
  }

  /** The prize job: credits the place's prize under its key (a replay when it was credited before). */
  prizeHandler(): JobHandler {
    return async (payload) => {
      const { tournamentId, userId, amount } = payload as PrizeJob;
      await this.deps.users.applyCoins({ userId, idempotencyKey: prizeKey(tournamentId, userId), amount, reason: 'tournament_prize', reference: tournamentId });
      this.deps.logger.debug({ tournamentId, userId, amount }, 'tournament prize paid');
    };
  }
}
