import { requireScope, requireUser, type Viewer } from '../../../platform/auth.js';
import { DomainError, ErrorCode, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { canManage } from '../domain/lifecycle.js';
import { nextSwissRound } from '../domain/brackets/index.js';
import { advance, decideReport, type Reporter } from '../domain/results.js';
import { matchUpdated } from '../contracts/live.js';
import { isBracketFinished } from '../domain/standings.js';
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
 * did.
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
    const match = await this.deps.work.run(async (work) => {
      const tournament = await this.deps.entries.lockTournamentOfMatch(work.tx, input.matchId);
      const match = tournament && (await this.deps.matches.find(work.tx, input.matchId));
      if (!tournament || !match) throw new NotFoundError('TournamentMatch', input.matchId);
      const playing = userId !== null && (userId === match.playerA || userId === match.playerB);
      const reporter: Reporter =
        userId === null ? { kind: 'SERVICE' } : !playing && canManage({ userId, role: viewer.role }, tournament) ? { kind: 'ORGANIZER' } : { kind: 'PLAYER', userId };
      const outcome = decideReport(stateOf(match), reporter, claim);
      if (outcome.kind === 'REPLAY') return match;
      if (tournament.status !== 'IN_PROGRESS') {
        throw new DomainError(ErrorCode.CONFLICT, 'This tournament is not being played.', { field: 'matchId', reason: 'NOT_IN_PROGRESS' });
      }
      if (outcome.kind === 'CLAIM' || outcome.kind === 'DISPUTE') {
        const claimed = await this.deps.matches.update(work.tx, match.id, {
          [outcome.side === 'A' ? 'claimA' : 'claimB']: { ...outcome.claim },
          ...(outcome.kind === 'DISPUTE' ? { status: 'DISPUTED' } : {}),
        });
        if (outcome.kind === 'DISPUTE') work.publish(matchUpdated, tournament.id, viewOf(claimed));
        return claimed;
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
      const before = await this.deps.matches.bracket(work.tx, tournament.id);
      const advanced = await this.deps.matches.apply(work.tx, tournament.id, advance(before.map(slotOf), { key: match.key, winnerId: outcome.winnerId, loserId, playerB: match.playerB! }), at);
      const changed = [done, ...advanced];
      if (tournament.format === 'SWISS') {
        const seeded = await this.deps.entries.seededPlayers(work.tx, tournament.id);
        const swiss = before.map((m) => (m.id === done.id ? done : m)).filter((m) => m.side === 'SWISS');
        const next = nextSwissRound(seeded, swiss, tournament.swissRounds);
        if (next) {
          await this.deps.entries.insertMatches(work.tx, tournament.id, next, seeded, at);
          changed.push(...(await this.deps.matches.round(work.tx, tournament.id, 'SWISS', next[0]!.round)));
        }
      }
      await work.record('tournament.match_won', { tournamentId: tournament.id, matchId: match.id, winnerId: outcome.winnerId, round: match.round, wonAt: at.toISOString() });
      for (const m of changed) work.publish(matchUpdated, tournament.id, viewOf(m));
      const byId = new Map(changed.map((m) => [m.id, m]));
      const after = [...before.map((m) => byId.get(m.id) ?? m), ...changed.filter((m) => !before.some((b) => b.id === m.id))];
      if (isBracketFinished(tournament.format, after)) {
        await this.deps.completion.completeIn(work, tournament, after, at);
        completed = true;
      }
      return done;
    });
    if (completed) this.deps.poke?.();
    return match;
  }
}
