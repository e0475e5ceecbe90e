import type { Logger } from 'pino';
import { requireRole, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { Tx } from '../../../platform/db/index.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { tournamentUpdated } from '../contracts/live.js';
import { openingBracket } from '../domain/brackets/index.js';
import { seedByRating } from '../domain/brackets/seeding.js';
import { assertCanStart, assertTransition, canManage, startRefusal } from '../domain/lifecycle.js';
import type { EntriesStore } from '../store/entries.store.js';
import type { MatchesStore } from '../store/matches.store.js';
import type { TournamentRow, TournamentsStore } from '../store/tournaments.store.js';
import type { LadderService } from './ladder.service.js';
import type { PrizePoolService } from './prize-pool.service.js';
import type { RegistrationService } from './registration.service.js';


/**
 * Starting and cancelling. At the start time a durable job starts the tournament with enough
 * players (seeding them and drawing the bracket) or cancels it and refunds everyone; the organizer
 * (or an admin) may start early or cancel by hand. Every path takes the tournament's lock and
 * checks its status first, so whichever comes first wins and the others change nothing: the job
 * runs once however many replicas poll, and a cancellation refunds once.
 */
export class ScheduleService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      tournaments: TournamentsStore;
      entries: EntriesStore;
      matches: MatchesStore;
      registration: RegistrationService;
      /** A LADDER's end job is scheduled when it starts. */
      ladder: Pick<LadderService, 'scheduleEnd'>;
      /** A cancellation gives the creator's fixed part of the pool back. */
      pool: Pick<PrizePoolService, 'oweBack'>;
      logger: Logger;
      /** The start-time job's queue: one job per tournament, due at its start. */
      startQueue: string;
      now?: () => Date;
      poke?: () => void;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Schedules the start-time job (in the transaction that creates the tournament or postpones the job). */
  scheduleStart(tx: Tx, tournament: Pick<TournamentRow, 'id' | 'startsAt'>): Promise<string> {
    return enqueueJob(tx, this.deps.startQueue, { tournamentId: tournament.id }, { runAt: tournament.startsAt, maxAttempts: 10 });
  }

  /** Starts now, before the start time. Its organizer or an admin; CONFLICT (NOT_IN_REGISTRATION, TOO_FEW_PARTICIPANTS). */
  async startTournament(viewer: Viewer, tournamentId: string): Promise<TournamentRow> {
    const userId = requireRole(viewer, ['ORGANIZER', 'ADMIN'], 'start tournaments');
    const levels = await this.levelsNow(tournamentId);
    return this.deps.work.run(async (work) => {
      const tournament = await this.lockManaged(work, tournamentId, { userId, role: viewer.role });
      const active = await this.deps.entries.entriesIn(work.tx, tournament.id, 'ACTIVE');
      assertCanStart({ status: tournament.status, minParticipants: tournament.minParticipants, participants: active.length });
      return this.startIn(work, tournament, active, levels);
    });
  }

  /** Calls the tournament off and refunds every entry fee. Its organizer or an admin; CONFLICT once finished. */
  async cancelTournament(viewer: Viewer, tournamentId: string): Promise<TournamentRow> {
    const userId = requireRole(viewer, ['ORGANIZER', 'ADMIN'], 'cancel tournaments');
    const cancelled = await this.deps.work.run(async (work) => {
      const tournament = await this.lockManaged(work, tournamentId, { userId, role: viewer.role });
      return this.cancelIn(work, tournament, 'ORGANIZER');
    });
    this.deps.poke?.();
    return cancelled;
  }

  /**
   * The start-time job. Nothing when the tournament already started or was cancelled; run early
   * (the job's clock ahead of ours), it schedules itself again for the start time.
   */
  startHandler(): JobHandler {
    return async (payload) => {
      const { tournamentId } = payload as { tournamentId: string };
      const levels = await this.levelsNow(tournamentId);
      const outcome = await this.deps.work.run(async (work) => {
        const tournament = await this.deps.entries.lockTournament(work.tx, tournamentId);
        if (!tournament || tournament.status !== 'REGISTRATION') return 'nothing';
        const early = tournament.startsAt.getTime() - this.now().getTime();
        if (early > 0) {
          // The database's clock (which made the job due) is ahead of ours: wait out the difference.
          await enqueueJob(work.tx, this.deps.startQueue, { tournamentId }, { runAt: new Date(Date.now() + early), maxAttempts: 10 });
          return 'later';
        }
        const active = await this.deps.entries.entriesIn(work.tx, tournament.id, 'ACTIVE');
        if (startRefusal({ status: tournament.status, minParticipants: tournament.minParticipants, participants: active.length })) {
          await this.cancelIn(work, tournament, 'TOO_FEW_PARTICIPANTS');
          return 'cancelled';
        }
        await this.startIn(work, tournament, active, levels);
        return 'started';
      });
      if (outcome === 'cancelled') this.deps.poke?.();
      this.deps.logger.debug({ tournamentId, outcome }, 'tournament start time');
    };
  }

  /** The registered players' levels now, read before the start takes the tournament's lock. */
  private async levelsNow(tournamentId: string): Promise<Map<string, number>> {
    if (!isUuid(tournamentId)) return new Map();
    return this.deps.registration.levelsNow(await this.deps.entries.activePlayerIds(tournamentId));
  }

  /** Seeds by level now (`levels`; the level a player joined with when missing), then draws the bracket. */
  private async startIn(work: PrismaWork, tournament: TournamentRow, active: Awaited<ReturnType<EntriesStore['entriesIn']>>, levels: ReadonlyMap<string, number>): Promise<TournamentRow> {
    assertTransition(tournament.status, 'IN_PROGRESS');
    const seeded = seedByRating(active.map((e) => ({ ...e, id: e.userId, rating: levels.get(e.userId) ?? e.rating, registeredAt: e.joinedAt })));
    await this.deps.entries.setSeeds(work.tx, seeded);
    const bracket = openingBracket(tournament.format, seeded.length, tournament);
    await this.deps.matches.insert(work.tx, tournament.id, bracket, seeded.map((e) => e.userId), this.now());
    const started = await this.deps.tournaments.setStatus(work.tx, tournament.id, 'IN_PROGRESS');
    if (tournament.format === 'LADDER') await this.deps.ladder.scheduleEnd(work.tx, tournament);
    await work.record('tournament.started', { tournamentId: tournament.id, players: seeded.length, startedAt: this.now().toISOString() });
    work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
    return started;
  }

  private async cancelIn(work: PrismaWork, tournament: TournamentRow, reason: 'ORGANIZER' | 'TOO_FEW_PARTICIPANTS'): Promise<TournamentRow> {
    assertTransition(tournament.status, 'CANCELLED');
    for (const entry of await this.deps.entries.entriesIn(work.tx, tournament.id, 'ACTIVE')) await this.deps.registration.owe(work, entry);
    await this.deps.pool.oweBack(work.tx, tournament, tournament.prizeFunded);
    const cancelled = await this.deps.tournaments.setStatus(work.tx, tournament.id, 'CANCELLED');
    await work.record('tournament.cancelled', { tournamentId: tournament.id, reason, cancelledAt: this.now().toISOString() });
    work.publish(tournamentUpdated, tournament.id, { id: tournament.id });
    return cancelled;
  }

  private async lockManaged(work: PrismaWork, tournamentId: string, viewer: { userId: string; role: string | null }): Promise<TournamentRow> {
    const tournament = isUuid(tournamentId) ? await this.deps.entries.lockTournament(work.tx, tournamentId) : null;
    if (!tournament) throw new NotFoundError('Tournament', tournamentId);
    if (!canManage(viewer, tournament)) throw new ForbiddenError('Only the tournament’s organizer or an admin can do this.');
    return tournament;
  }
}
