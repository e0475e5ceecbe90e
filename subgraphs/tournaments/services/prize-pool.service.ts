import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import type { Sql, Tx } from '../../../platform/db/index.js';
import { InsufficientFundsError, NotFoundError } from '../../../platform/errors.js';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { feeKey, refundKey } from '../../../platform/wallet-debit.js';
import type { TournamentSettings } from '../domain/settings.js';
import { settingsOf, type FundingsStore } from '../store/fundings.store.js';
import type { TournamentRow, TournamentsStore } from '../store/tournaments.store.js';
import type { UsersPort } from '../store/users.client.js';
import type { TournamentQueues } from './registration.service.js';

/** The wallet action of a tournament's prize pool (its debit's and its return's keys derive from it). */
export const poolAction = (tournamentId: string) => `tournament-pool:${tournamentId}`;
/** How long a creation has to finish before its funding is settled by the job. */
const SETTLE_AFTER_MS = 60_000;

/** What the pool gives back to its creator (a job's payload): credited under the pool's refund key. */
export interface PoolReturn {
  tournamentId: string;
  userId: string;
  amount: number;
}

/**
 * Who pays a prize pool's fixed part: the tournament's creator, from their wallet, before the
 * tournament exists (docs/decisions.md, "A prize pool's fixed part is paid by its creator"), by the
 * protocol of platform/wallet-debit.ts with a funding row as the intent: the row and its settle job
 * in one transaction, the debit under the row's key, then the tournament (the row's id) and the row
 * DONE in one transaction. The creator's retry with the same request key, or the settle job, resumes
 * a funding the call did not finish (the same key: one debit). A cancellation gives the fixed part
 * back; a completion gives back what places nobody reached leave of it; both under the pool's one
 * refund key, as a durable job enqueued with the change.
 */
export class PrizePoolService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      tournaments: TournamentsStore;
      fundings: FundingsStore;
      users: UsersPort;
      /** The start-time job, scheduled with the tournament. */
      scheduleStart: (tx: Tx, tournament: Pick<TournamentRow, 'id' | 'startsAt'>) => Promise<string>;
      queues: TournamentQueues;
      logger: Logger;
    },
  ) {}

  /**
   * Creates a tournament whose pool has a fixed part, once its creator paid it. INSUFFICIENT_FUNDS
   * when they cannot (nothing created); SERVICE_UNAVAILABLE when the wallet's answer is unknown (the
   * retry with the same request key, or the settle job within minutes, finishes it: one debit).
   */
  async createFunded(createdBy: string, settings: TournamentSettings): Promise<TournamentRow> {
    let funding = settings.requestKey ? await this.deps.fundings.findByRequestKey(createdBy, settings.requestKey) : null;
    if (!funding) {
      try {
        funding = await this.deps.work.run(async ({ tx }) => {
          const row = await this.deps.fundings.create(tx, { id: randomUUID(), createdBy, requestKey: settings.requestKey, settings, amount: settings.prizeFixed });
          // The database's clock decides when a job is due: real time, not the (test-driven) clock.
          await enqueueJob(tx, this.deps.queues.poolSettle, { fundingId: row.id }, { runAt: new Date(Date.now() + SETTLE_AFTER_MS), maxAttempts: 20 });
          return row;
        });
      } catch (error) {
        // A concurrent twin (same creator and request key) made it first: resume that one.
        if (!settings.requestKey || !isUniqueViolation(error)) throw error;
        funding = (await this.deps.fundings.findByRequestKey(createdBy, settings.requestKey))!;
      }
    }
    return (await this.settle(funding.id, 'CREATOR'))!;
  }

  /**
   * Brings a funding to its end: the tournament when it was paid (now or before), INSUFFICIENT_FUNDS
   * when the creator asked and cannot pay. The job leaves a refused funding as it is (the creator
   * was told) and only finishes those whose outcome was unknown.
   */
  private async settle(fundingId: string, by: 'CREATOR' | 'JOB'): Promise<TournamentRow | null> {
    const funding = await this.deps.fundings.find(fundingId);
    if (!funding) throw new NotFoundError('TournamentFunding', fundingId);
    if (funding.status === 'FAILED' && by === 'JOB') return null;
    if (funding.status !== 'DONE') {
      try {
        await this.deps.users.applyCoins({ userId: funding.createdBy, idempotencyKey: feeKey(poolAction(funding.id)), amount: -funding.amount, reason: 'tournament_prize_pool', reference: funding.id });
      } catch (error) {
        if (!(error instanceof InsufficientFundsError)) throw error;
        await this.deps.fundings.move(funding.id, ['PENDING'], 'FAILED');
        if (by === 'JOB') return null;
        throw new InsufficientFundsError('You do not have enough coins for the prize pool’s fixed part.', { ...error.details, field: 'prizePool.fixed' });
      }
    }
    const created = await this.deps.work.run(async ({ tx }) => {
      // The debit under this funding's key went through: the tournament it paid for exists once (a
      // FAILED mark from a refusal that raced a later successful debit is overruled).
      if (!(await this.deps.fundings.move(funding.id, ['PENDING', 'FAILED'], 'DONE', tx))) return null;
      const row = await this.deps.tournaments.create(tx, settingsOf(funding), funding.createdBy, { id: funding.id, amount: funding.amount });
      await this.deps.scheduleStart(tx, row);
      return row;
    });
    // Created before (by the other of the creator's call and the job): read it once committed.
    return created ?? (await this.deps.tournaments.findByIds([funding.id]))[0]!;
  }

  /** Owes the creator `amount` of the pool back (in the caller's transaction, either kind); nothing for 0. */
  async oweBack(client: Tx | Sql, tournament: Pick<TournamentRow, 'id' | 'createdBy'>, amount: number): Promise<void> {
    if (amount <= 0 || !tournament.createdBy) return;
    await enqueueJob(client, this.deps.queues.poolReturn, { tournamentId: tournament.id, userId: tournament.createdBy, amount } satisfies PoolReturn, { maxAttempts: 50 });
  }

  /** The settle job: finishes a funding the creator's call did not (a replay if it was paid). */
  settleHandler(): JobHandler {
    return async (payload) => {
      const created = await this.settle((payload as { fundingId: string }).fundingId, 'JOB');
      this.deps.logger.debug({ payload, created: created?.id ?? null }, 'prize pool funding settled');
    };
  }

  /** The return job: credits the pool's coins back under its refund key (once, however often it runs). */
  returnHandler(): JobHandler {
    return async (payload) => {
      const { tournamentId, userId, amount } = payload as PoolReturn;
      await this.deps.users.applyCoins({ userId, idempotencyKey: refundKey(poolAction(tournamentId)), amount, reason: 'tournament_prize_pool_refund', reference: tournamentId });
    };
  }
}
