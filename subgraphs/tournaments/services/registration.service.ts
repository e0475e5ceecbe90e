import type { Logger } from 'pino';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import { ErrorCode, DomainError, InsufficientFundsError, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { assertCanLeave, assertCanRegister, assertLevelAllowed, entryFeeKey, entryRefundKey } from '../domain/lifecycle.js';
import { tournamentUpdated } from '../contracts/live.js';
import type { EntriesStore, EntryKey, EntryRow } from '../store/entries.store.js';
import type { TournamentRow } from '../store/tournaments.store.js';
import type { UsersPort } from '../store/users.client.js';

/**
 * The subgraph's job queues: the start time, refunds owed (leaving, a cancellation, a join that
 * could not commit), entries whose fee call may have been cut short, prizes owed, a ladder's end,
 * prize pools whose creator's payment may have been cut short, and pool coins owed back to the creator. `prefix` is `tournaments`;
 * tests give each subgraph they build its own, so runners of another test's platform never take
 * their jobs.
 */
export const tournamentQueues = (prefix = 'tournaments') => ({
  start: `${prefix}.start`,
  refund: `${prefix}.refund`,
  settle: `${prefix}.settle-entry`,
  prize: `${prefix}.prize`,
  end: `${prefix}.end`,
  poolSettle: `${prefix}.settle-pool`,
  poolReturn: `${prefix}.return-pool`,
});
export type TournamentQueues = ReturnType<typeof tournamentQueues>;
/** How long a join has to finish before its entry is settled by the job. */
const SETTLE_AFTER_MS = 60_000;

/**
 * Registration with entry fees taken exactly once from the player's wallet, which the users
 * subgraph owns (docs/decisions.md, "Entry fees: a keyed debit in the users subgraph, a place held
 * first"). A join holds a place (a PENDING entry, under the tournament's lock), takes the fee with
 * the attempt's key, then confirms the entry under the lock again; a join that cannot confirm (the
 * tournament stopped taking players meanwhile) owes a refund with the attempt's refund key. Every
 * refund is a durable job enqueued with the change that owes it.
 */
export class RegistrationService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      entries: EntriesStore;
      users: UsersPort;
      logger: Logger;
      queues: TournamentQueues;
      /** Runs due refund and settle jobs now (after a commit that enqueued some). */
      poke?: () => void;
      now?: () => Date;
    },
  ) {}

  /**
   * Registers the viewer. NOT_FOUND for an unknown tournament; CONFLICT (reason NOT_OPEN,
   * ALREADY_REGISTERED or FULL); FORBIDDEN (reason LEVEL_TOO_LOW); INSUFFICIENT_FUNDS when the fee
   * cannot be paid (nothing registered). A retry after an unknown outcome resumes the same attempt.
   */
  async joinTournament(viewer: Viewer, tournamentId: string): Promise<TournamentRow> {
    const userId = requireUser(viewer);
    if (!isUuid(tournamentId)) throw new NotFoundError('Tournament', tournamentId);
    const level = (await this.deps.users.levels([userId])).get(userId) ?? 1;

    const held = await this.deps.work.run(async (work) => {
      const tournament = await this.lock(work, tournamentId);
      const { held, current, lastAttempt } = await this.deps.entries.registrationOf(work.tx, tournamentId, userId);
      // The viewer's own unfinished join (a retry): take the fee again under the same key.
      if (current?.status === 'PENDING') return { tournament, entry: current };
      assertCanRegister({ status: tournament.status, maxParticipants: tournament.maxParticipants, participants: held, alreadyRegistered: current !== null });
      assertLevelAllowed(level, tournament.minimumLevel);
      const free = tournament.entryFee === 0;
      const entry = await this.deps.entries.insert(work.tx, {
        tournamentId,
        userId,
        attempt: lastAttempt + 1,
        status: free ? 'ACTIVE' : 'PENDING',
        fee: tournament.entryFee,
        rating: level,
      });
      if (!free) await enqueueJob(work.tx, this.deps.queues.settle, keyOf(entry), { runAt: new Date(Date.now() + SETTLE_AFTER_MS), maxAttempts: 20 });
      else work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
      return { tournament, entry };
    });
    if (held.entry.status === 'ACTIVE') return held.tournament;

    try {
      await this.takeFee(held.entry);
    } catch (error) {
      if (error instanceof InsufficientFundsError) await this.deps.entries.drop(keyOf(held.entry));
      throw error;
    }
    const { outcome, tournament } = await this.confirm(held.entry);
    if (outcome === 'DROPPED') {
      throw new DomainError(ErrorCode.CONFLICT, 'This tournament stopped taking players before your registration completed; your entry fee is refunded.', {
        field: 'tournamentId',
        reason: 'NOT_OPEN',
      });
    }
    return tournament;
  }

  /** Unregisters the viewer before the start and refunds their fee. NOT_FOUND; CONFLICT (NOT_OPEN, NOT_REGISTERED). */
  async leaveTournament(viewer: Viewer, tournamentId: string): Promise<TournamentRow> {
    const userId = requireUser(viewer);
    if (!isUuid(tournamentId)) throw new NotFoundError('Tournament', tournamentId);
    const tournament = await this.deps.work.run(async (work) => {
      const tournament = await this.lock(work, tournamentId);
      const { current } = await this.deps.entries.registrationOf(work.tx, tournamentId, userId);
      assertCanLeave({ status: tournament.status, registered: current?.status === 'ACTIVE' });
      await this.deps.entries.move(work.tx, keyOf(current!), 'ACTIVE', 'LEFT');
      await this.owe(work, current!);
      work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
      return tournament;
    });
    this.deps.poke?.();
    return tournament;
  }

  /**
   * The players' levels now, for seeding at the start (a level gained since joining counts); an
   * empty map when the users subgraph cannot answer, and the levels they joined with are used.
   */
  async levelsNow(userIds: readonly string[]): Promise<Map<string, number>> {
    if (!userIds.length) return new Map();
    try {
      return await this.deps.users.levels(userIds);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'player levels unavailable: seeding by the levels they joined with');
      return new Map();
    }
  }

  /** Enqueues the refund of an entry's fee (in the caller's transaction); nothing for a free entry. */
  async owe(work: PrismaWork, entry: EntryRow): Promise<void> {
    if (entry.fee > 0) await enqueueJob(work.tx, this.deps.queues.refund, { ...keyOf(entry), fee: entry.fee }, { maxAttempts: 20 });
  }

  /** The refund job: credits the fee back under the attempt's refund key (once, however often it runs). */
  refundHandler(): JobHandler {
    return async (payload) => {
      const { tournamentId, userId, attempt, fee } = payload as EntryKey & { fee: number };
      await this.deps.users.applyCoins({ userId, idempotencyKey: entryRefundKey(tournamentId, userId, attempt), amount: fee, reason: 'tournament_entry_refund', reference: tournamentId });
    };
  }

  /**
   * The settle job: an entry still PENDING a minute after its join (the process stopped, or the
   * wallet call's outcome was unknown) takes its fee again under the same key — a replay if it had
   * been taken — and confirms; refused, it is dropped.
   */
  settleHandler(): JobHandler {
    return async (payload) => {
      const key = payload as EntryKey;
      const entry = await this.deps.entries.find(key);
      if (entry?.status !== 'PENDING') return;
      try {
        await this.takeFee(entry);
      } catch (error) {
        if (!(error instanceof InsufficientFundsError)) throw error;
        await this.deps.entries.drop(key);
        return;
      }
      await this.confirm(entry);
    };
  }

  private takeFee(entry: EntryRow): Promise<void> {
    const { tournamentId, userId, attempt, fee } = entry;
    return this.deps.users.applyCoins({ userId, idempotencyKey: entryFeeKey(tournamentId, userId, attempt), amount: -fee, reason: 'tournament_entry_fee', reference: tournamentId });
  }

  /**
   * After the fee is taken: ACTIVE if the tournament still takes players, else DROPPED with the fee
   * owed back. An entry already moved (by the other of the join and the settle job) stays as it is.
   */
  private async confirm(entry: EntryRow): Promise<{ outcome: 'ACTIVE' | 'DROPPED'; tournament: TournamentRow }> {
    const result = await this.deps.work.run(async (work) => {
      const tournament = await this.lock(work, entry.tournamentId);
      const key = keyOf(entry);
      if (tournament.status === 'REGISTRATION' && (await this.deps.entries.move(work.tx, key, 'PENDING', 'ACTIVE'))) {
        work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
        return { outcome: 'ACTIVE' as const, tournament };
      }
      if (await this.deps.entries.move(work.tx, key, 'PENDING', 'DROPPED')) {
        await this.owe(work, entry);
        return { outcome: 'DROPPED' as const, tournament };
      }
      const status = await this.deps.entries.statusOf(work.tx, key);
      return { outcome: status === 'ACTIVE' ? ('ACTIVE' as const) : ('DROPPED' as const), tournament };
    });
    if (result.outcome === 'DROPPED') this.deps.poke?.();
    return result;
  }

  private async lock(work: PrismaWork, tournamentId: string): Promise<TournamentRow> {
    const tournament = await this.deps.entries.lockTournament(work.tx, tournamentId);
    if (!tournament) throw new NotFoundError('Tournament', tournamentId);
    return tournament;
  }
}

export const keyOf = (entry: EntryKey): EntryKey => ({ tournamentId: entry.tournamentId, userId: entry.userId, attempt: entry.attempt });
