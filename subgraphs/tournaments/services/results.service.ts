import { requireScope, requireUser, type Viewer } from '../../../platform/auth.js';
import { DomainError, ErrorCode, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { canManage } from '../domain/lifecycle.js';
import { nextSwissRound } from '../domain/brackets/index.js';
import { advance, decideReport, undecidedAfter, type Reporter } from '../domain/results.js';
import { matchUpdated } from '../contracts/live.js';
import type { EntriesStore } from '../store/entries.store.js';
import type { CompletionService } from './completion.service.js';
import { slotOf, stateOf, viewOf, type MatchesStore, type StoredMatch } from '../store/matches.store.js';

export interface MatchResultInput {
  matchId: string;
  winnerId: string;
  score?: string | null;
}

/**
 * Match results (domain/results.ts decides; this applies; a finished Swiss round pairs the next,
 * domain/brackets/index.ts; the last result completes the tournament, completion.service.ts;
 * every changed match is published on `matchUpdated` after the commit): one unit of work per report, under the
 * tournament's lock, so concurrent reports of one tournament (a retry racing its original, two
 * matches feeding the same next one) apply one after the other, and a retry sees what the first
 * did. It runs on the SQL port (docs/database.md: the result path is a measured hot path): the lock
 * and the read in one round trip, the write and its event in another, then the commit; the whole
 * bracket is read only when the last undecided match ends (a Swiss round's end, a completion).
 */
export class ResultsService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      entries: EntriesStore;
      matches: MatchesStore;
      completion: CompletionService;
      /** Runs due jobs now (the prizes a completion enqueued). */
      poke?: () => void;
      now?: () => Date;
    },
  ) {}

  async reportMatchResult(viewer: Viewer, input: MatchResultInput): Promise<StoredMatch> {
    const userId = viewer.kind === 'service' ? (requireScope(viewer, 'REPORT_MATCH_RESULTS'), null) : requireUser(viewer);
    if (!isUuid(input.matchId)) throw new NotFoundError('TournamentMatch', input.matchId);
    const claim = { winnerId: input.winnerId, score: input.score ?? null };
    let completed = false;
    const match = await this.deps.work.runSql(async (work) => {
      // Sent together on the pipelined connection: the scene is read once the lock is held.
      const [tournament, scene] = await Promise.all([this.deps.entries.lockTournamentOfMatch(work.sql, input.matchId), this.deps.matches.resultScene(work.sql, input.matchId)]);
      if (!tournament || !scene) throw new NotFoundError('TournamentMatch', input.matchId);
      const { match } = scene;
      const playing = userId !== null && (userId === match.playerA || userId === match.playerB);
      const reporter: Reporter =
        userId === null ? { kind: 'SERVICE' } : !playing && canManage({ userId, role: viewer.role }, tournament) ? { kind: 'ORGANIZER' } : { kind: 'PLAYER', userId };
      const outcome = decideReport(stateOf(match), reporter, claim);
      if (outcome.kind === 'REPLAY') return match;
      if (tournament.status !== 'IN_PROGRESS') {
        throw new DomainError(ErrorCode.CONFLICT, 'This tournament is not being played.', { field: 'matchId', reason: 'NOT_IN_PROGRESS' });
      }
      if (outcome.kind === 'CLAIM' || outcome.kind === 'DISPUTE') {
        const claimed = await this.deps.matches.claim(work.sql, match.id, outcome.side, outcome.claim, outcome.kind === 'DISPUTE');
        if (outcome.kind === 'DISPUTE') work.publish(matchUpdated, tournament.id, viewOf(claimed));
        return claimed;
      }
      const at = this.deps.now?.() ?? new Date();
      const loserId = outcome.winnerId === match.playerA ? match.playerB! : match.playerA!;
      const updates = advance(scene.fed.map(slotOf), { key: match.key, winnerId: outcome.winnerId, loserId, playerB: match.playerB! });
      // The write and the event go out together (pipelined); neither needs the other's answer.
      const [changed] = await Promise.all([
        this.deps.matches.decide(work.sql, tournament.id, { matchId: match.id, winnerId: outcome.winnerId, score: outcome.score, decidedBy: outcome.decidedBy, at, updates }),
        work.record('tournament.match_won', { tournamentId: tournament.id, matchId: match.id, winnerId: outcome.winnerId, round: match.round, wonAt: at.toISOString() }),
      ]);
      const done = changed[0]!;
      if (undecidedAfter(scene.undecided, updates) === 0 && tournament.format !== 'LADDER') {
        // The last undecided match: a Swiss round's end pairs the next one, or the tournament is over.
        const [seeded, bracket] = await Promise.all([this.deps.entries.seededPlayers(work.sql, tournament.id), this.deps.matches.bracket(work.sql, tournament.id)]);
        const next = tournament.format === 'SWISS' ? nextSwissRound(seeded, bracket.filter((m) => m.side === 'SWISS'), tournament.swissRounds) : null;
        if (next) changed.push(...(await this.deps.matches.insert(work.sql, tournament.id, next, seeded, at)));
        else {
          await this.deps.completion.completeIn(work, tournament, bracket, at);
          completed = true;
        }
      }
      for (const m of changed) work.publish(matchUpdated, tournament.id, viewOf(m));
      return done;
    });
    if (completed) this.deps.poke?.();
    return match;
  }
}
