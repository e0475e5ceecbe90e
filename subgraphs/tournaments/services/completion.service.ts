import type { Logger } from 'pino';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { PrismaWork } from '../../../platform/unit-of-work.js';
import { tournamentUpdated } from '../contracts/live.js';
import { decidedChallenges, ladderAfter } from '../domain/brackets/ladder.js';
import { prizeKey, prizePoolTotal, prizesByPlace } from '../domain/prizes.js';
import { finalStandings } from '../domain/standings.js';
import type { EntriesStore } from '../store/entries.store.js';
import type { MatchRow } from '../store/matches.store.js';
import type { TournamentRow, TournamentsStore } from '../store/tournaments.store.js';
import type { UsersPort } from '../store/users.client.js';

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
 * entries, one prize job per paid place is enqueued, the tournament becomes COMPLETED and
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
    },
  ) {}

  /** Completes the tournament whose bracket `matches` (as committed by this transaction) is finished. */
  async completeIn(work: PrismaWork, tournament: TournamentRow, matches: readonly MatchRow[], at: Date): Promise<void> {
    const seeds = await this.deps.entries.seededPlayers(work.tx, tournament.id);
    const ladder = tournament.format === 'LADDER' ? ladderAfter(seeds, decidedChallenges(matches)) : undefined;
    const standings = finalStandings(tournament.format, seeds, matches, ladder);
    const active = await this.deps.entries.entriesIn(work.tx, tournament.id, 'ACTIVE');
    const total = prizePoolTotal({ fixed: tournament.prizeFixed, feeSharePercent: tournament.prizeFeeShare }, active.reduce((sum, e) => sum + e.fee, 0));
    const prizes = prizesByPlace(total, tournament.prizeSplit, standings.length);
    const placed = standings.map((s, i) => ({ userId: s.userId, placement: s.placement, prize: prizes[i]! }));
    await this.deps.entries.setStandings(work.tx, tournament.id, placed);
    for (const p of placed) {
      if (p.prize > 0) await enqueueJob(work.tx, this.deps.prizeQueue, { tournamentId: tournament.id, userId: p.userId, amount: p.prize } satisfies PrizeJob, { maxAttempts: 50 });
    }
    await this.deps.tournaments.complete(work.tx, tournament.id, at);
    await work.record('tournament.completed', { tournamentId: tournament.id, name: tournament.name, placements: placed, completedAt: at.toISOString() });
    work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
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
