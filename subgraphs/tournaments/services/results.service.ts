import { requireScope, requireUser, type Viewer } from '../../../platform/auth.js';
import { DomainError, ErrorCode, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { canManage } from '../domain/lifecycle.js';
import { nextSwissRound } from '../domain/brackets/index.js';
import { advance, decideReport, type Reporter } from '../domain/results.js';
import type { EntriesStore } from '../store/entries.store.js';
import { slotOf, stateOf, type MatchRow, type MatchesStore } from '../store/matches.store.js';

export interface MatchResultInput {
  matchId: string;
  winnerId: string;
  score?: string | null;
}

/**
 * Match results (domain/results.ts decides; this applies; a finished Swiss round pairs the next,
 * domain/brackets/index.ts): one unit of work per report, under the
 * tournament's lock, so concurrent reports of one tournament (a retry racing its original, two
 * matches feeding the same next one) apply one after the other, and a retry sees what the first
 * did.
 */
export class ResultsService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      entries: EntriesStore;
      matches: MatchesStore;
      now?: () => Date;
    },
  ) {}

  async reportMatchResult(viewer: Viewer, input: MatchResultInput): Promise<MatchRow> {
    const userId = viewer.kind === 'service' ? (requireScope(viewer, 'REPORT_MATCH_RESULTS'), null) : requireUser(viewer);
    if (!isUuid(input.matchId)) throw new NotFoundError('TournamentMatch', input.matchId);
    const claim = { winnerId: input.winnerId, score: input.score ?? null };
    return this.deps.work.run(async (work) => {
      const unlocked = await this.deps.matches.find(work.tx, input.matchId);
      if (!unlocked) throw new NotFoundError('TournamentMatch', input.matchId);
      const tournament = (await this.deps.entries.lockTournament(work.tx, unlocked.tournamentId))!;
      const match = (await this.deps.matches.find(work.tx, input.matchId))!;
      const playing = userId !== null && (userId === match.playerA || userId === match.playerB);
      const reporter: Reporter =
        userId === null ? { kind: 'SERVICE' } : !playing && canManage({ userId, role: viewer.role }, tournament) ? { kind: 'ORGANIZER' } : { kind: 'PLAYER', userId };
      const outcome = decideReport(stateOf(match), reporter, claim);
      if (outcome.kind === 'REPLAY') return match;
      if (tournament.status !== 'IN_PROGRESS') {
        throw new DomainError(ErrorCode.CONFLICT, 'This tournament is not being played.', { field: 'matchId', reason: 'NOT_IN_PROGRESS' });
      }
      if (outcome.kind === 'CLAIM' || outcome.kind === 'DISPUTE') {
        return this.deps.matches.update(work.tx, match.id, {
          [outcome.side === 'A' ? 'claimA' : 'claimB']: { ...outcome.claim },
          ...(outcome.kind === 'DISPUTE' ? { status: 'DISPUTED' } : {}),
        });
      }
      const at = this.deps.now?.() ?? new Date();
      const done = await this.deps.matches.update(work.tx, match.id, {
        status: 'COMPLETED',
        winnerId: outcome.winnerId,
        score: outcome.score,
        decidedBy: outcome.decidedBy,
        completedAt: at,
      });
      const loserId = outcome.winnerId === match.playerA ? match.playerB! : match.playerA!;
      const bracket = await this.deps.matches.bracket(work.tx, tournament.id);
      await this.deps.matches.apply(work.tx, tournament.id, advance(bracket.map(slotOf), { key: match.key, winnerId: outcome.winnerId, loserId, playerB: match.playerB! }));
      if (tournament.format === 'SWISS') {
        const seeded = await this.deps.entries.seededPlayers(work.tx, tournament.id);
        const next = nextSwissRound(seeded, bracket.filter((m) => m.side === 'SWISS'), tournament.swissRounds);
        if (next) await this.deps.entries.insertMatches(work.tx, tournament.id, next, seeded, at);
      }
      await work.record('tournament.match_won', { tournamentId: tournament.id, matchId: match.id, winnerId: outcome.winnerId, round: match.round, wonAt: at.toISOString() });
      return done;
    });
  }
}
