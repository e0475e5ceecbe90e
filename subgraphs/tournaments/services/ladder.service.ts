import type { Logger } from 'pino';
import { requireRole, requireUser, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError, DomainError, ErrorCode, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { Tx } from '../../../platform/db/index.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { matchUpdated } from '../contracts/live.js';
import { assertCanChallenge, decidedChallenges, ladderAfter, ladderMatchKey } from '../domain/brackets/ladder.js';
import { canManage } from '../domain/lifecycle.js';
import { DEFAULT_LADDER_RANGE } from '../domain/settings.js';
import type { EntriesStore } from '../store/entries.store.js';
import { viewOf, type MatchesStore, type StoredMatch } from '../store/matches.store.js';
import type { TournamentRow } from '../store/tournaments.store.js';
import type { CompletionService } from './completion.service.js';

const conflict = (message: string, field: string, reason: string) => new DomainError(ErrorCode.CONFLICT, message, { field, reason });
const isOpen = (m: StoredMatch) => m.status === 'READY' || m.status === 'DISPUTED';

/**
 * Ladder play (domain/brackets/ladder.ts): challenges are matches made on demand, under the
 * tournament's lock, and reported like any other; the ladder is the seeds' order with every decided
 * challenge applied. At `endsAt` a durable job ends the ladder, and its organizer (or an admin) may
 * end it any time with endLadder: undecided challenges are SKIPPED and the ladder's order is the
 * final standings (completion.service.ts), under the tournament's lock, so only the first end counts.
 */
export class LadderService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      entries: EntriesStore;
      matches: MatchesStore;
      completion: CompletionService;
      logger: Logger;
      endQueue: string;
      poke?: () => void;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The end job, due at `endsAt` (in the transaction that starts the ladder). */
  scheduleEnd(tx: Tx, tournament: Pick<TournamentRow, 'id' | 'endsAt'>): Promise<string | null> {
    if (!tournament.endsAt) return Promise.resolve(null);
    return enqueueJob(tx, this.deps.endQueue, { tournamentId: tournament.id }, { runAt: tournament.endsAt, maxAttempts: 10 });
  }

  /** The viewer challenges `defenderId` (see challengeOnLadder in the SDL for every refusal). */
  async challenge(viewer: Viewer, tournamentId: string, defenderId: string): Promise<StoredMatch> {
    const userId = requireUser(viewer);
    if (!isUuid(tournamentId)) throw new NotFoundError('Tournament', tournamentId);
    return this.deps.work.run(async (work) => {
      const tournament = await this.deps.entries.lockTournament(work.tx, tournamentId);
      if (!tournament) throw new NotFoundError('Tournament', tournamentId);
      if (tournament.format !== 'LADDER') throw new BadUserInputError('Only LADDER tournaments take challenges.', 'tournamentId');
      if (tournament.status !== 'IN_PROGRESS') throw conflict('This ladder is not being played.', 'tournamentId', 'NOT_IN_PROGRESS');
      const seeds = await this.deps.entries.seededPlayers(work.tx, tournament.id);
      if (!seeds.includes(userId)) throw new ForbiddenError('Only the tournament’s players can challenge.');
      const matches = await this.deps.matches.bracket(work.tx, tournament.id);
      const open = matches.filter(isOpen);
      const same = open.find((m) => m.playerA === userId && m.playerB === defenderId);
      if (same) return same;
      if (open.some((m) => m.playerA === userId || m.playerB === userId)) throw conflict('You already have an undecided challenge.', 'tournamentId', 'CHALLENGER_BUSY');
      if (open.some((m) => m.playerA === defenderId || m.playerB === defenderId)) throw conflict('That player already has an undecided challenge.', 'defenderId', 'DEFENDER_BUSY');
      const ladder = ladderAfter(seeds, decidedChallenges(matches));
      assertCanChallenge(ladder, userId, defenderId, tournament.ladderRange ?? DEFAULT_LADDER_RANGE);
      const n = matches.filter((m) => m.side === 'LADDER').length + 1;
      const at = this.now();
      const match = await this.deps.matches.create(work.tx, {
        tournamentId: tournament.id,
        key: ladderMatchKey(n),
        side: 'LADDER',
        round: n,
        position: 1,
        sourceA: { seed: seeds.indexOf(userId) + 1 },
        sourceB: { seed: seeds.indexOf(defenderId) + 1 },
        playerA: userId,
        playerB: defenderId,
        status: 'READY',
        readyAt: at,
      });
      work.publish(matchUpdated, tournament.id, viewOf(match));
      return match;
    });
  }

  /**
   * Ends the ladder now (endLadder): its organizer or an admin. A ladder already COMPLETED is
   * answered as it is (a retry changes nothing). NOT_FOUND; FORBIDDEN; BAD_USER_INPUT (field
   * `tournamentId`) for another format; CONFLICT NOT_IN_PROGRESS before play starts or once cancelled.
   */
  async endLadder(viewer: Viewer, tournamentId: string): Promise<TournamentRow> {
    const userId = requireRole(viewer, ['ORGANIZER', 'ADMIN'], 'end ladders');
    if (!isUuid(tournamentId)) throw new NotFoundError('Tournament', tournamentId);
    const ended = await this.deps.work.run(async (work) => {
      const tournament = await this.deps.entries.lockTournament(work.tx, tournamentId);
      if (!tournament) throw new NotFoundError('Tournament', tournamentId);
      if (!canManage({ userId, role: viewer.role }, tournament)) throw new ForbiddenError('Only the tournament’s organizer or an admin can end it.');
      if (tournament.format !== 'LADDER') throw new BadUserInputError('Only a LADDER tournament is ended this way; other formats end with their last match.', 'tournamentId');
      if (tournament.status === 'COMPLETED') return { tournament, ended: false };
      if (tournament.status !== 'IN_PROGRESS') throw conflict('This ladder is not being played.', 'tournamentId', 'NOT_IN_PROGRESS');
      return { tournament: await this.endIn(work, tournament), ended: true };
    });
    if (ended.ended) this.deps.poke?.();
    return ended.tournament;
  }

  /** Undecided challenges SKIPPED, then the completion (standings from the ladder's order, prizes). */
  private async endIn(work: PrismaWork, tournament: TournamentRow): Promise<TournamentRow> {
    const skipped = await this.deps.matches.skipOpen(work.tx, tournament.id);
    for (const m of skipped) work.publish(matchUpdated, tournament.id, viewOf(m));
    return this.deps.completion.completeIn(work, tournament, await this.deps.matches.bracket(work.tx, tournament.id), this.now());
  }

  /** The end job: nothing unless the ladder is being played; run early (clocks apart), it waits again. */
  endHandler(): JobHandler {
    return async (payload) => {
      const { tournamentId } = payload as { tournamentId: string };
      const outcome = await this.deps.work.run(async (work) => {
        const tournament = await this.deps.entries.lockTournament(work.tx, tournamentId);
        if (!tournament || tournament.status !== 'IN_PROGRESS' || tournament.format !== 'LADDER' || !tournament.endsAt) return 'nothing';
        const early = tournament.endsAt.getTime() - this.now().getTime();
        if (early > 0) {
          await enqueueJob(work.tx, this.deps.endQueue, { tournamentId }, { runAt: new Date(Date.now() + early), maxAttempts: 10 });
          return 'later';
        }
        await this.endIn(work, tournament);
        return 'ended';
      });
      if (outcome === 'ended') this.deps.poke?.();
      this.deps.logger.debug({ tournamentId, outcome }, 'ladder end time');
    };
  }
}
