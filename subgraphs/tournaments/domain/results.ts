import { BadUserInputError, DomainError, ErrorCode, ForbiddenError } from '../../../platform/errors.js';
import type { Source } from './brackets/types.js';

export type MatchStatus = 'PENDING' | 'READY' | 'DISPUTED' | 'COMPLETED' | 'SKIPPED';

/** What the result rules need to know about a match. */
export interface MatchState {
  key: string;
  status: MatchStatus;
  playerA: string | null;
  playerB: string | null;
  winnerId: string | null;
  claimA: Claim | null;
  claimB: Claim | null;
}

export interface Claim {
  winnerId: string;
  score: string | null;
}

/** Who reports: the game server (REPORT_MATCH_RESULTS), a player, or the tournament's organizer (or an admin). */
export type Reporter = { kind: 'SERVICE' } | { kind: 'ORGANIZER' } | { kind: 'PLAYER'; userId: string };

/** What a report does to the match. */
export type ReportOutcome =
  | { kind: 'COMPLETE'; winnerId: string; score: string | null; decidedBy: 'SERVICE' | 'PLAYERS' | 'ORGANIZER' }
  | { kind: 'CLAIM'; side: 'A' | 'B'; claim: Claim }
  | { kind: 'DISPUTE'; side: 'A' | 'B'; claim: Claim }
  /** Nothing changes: the same report again (a retry). */
  | { kind: 'REPLAY' };

const conflict = (message: string, reason: string) => new DomainError(ErrorCode.CONFLICT, message, { field: 'matchId', reason });

export const MAX_SCORE_LENGTH = 32;

/**
 * The result rules. The game server and the organizer decide a match outright (the organizer also
 * settles a dispute); each player reports for themselves, and the match completes when both agree
 * or becomes DISPUTED when they do not. A finished match takes no other result (the same one again
 * is a replay, so a retried report changes nothing); a match whose players are not known yet takes
 * none. The winner must be one of the two players.
 */
export function decideReport(match: MatchState, reporter: Reporter, claim: Claim): ReportOutcome {
  // Who may report comes first: a player outside the match learns nothing about what they sent.
  if (reporter.kind === 'PLAYER' && reporter.userId !== match.playerA && reporter.userId !== match.playerB) {
    throw new ForbiddenError('Only the two players, the game server or the organizer can report this match.');
  }
  if (claim.score !== null && (claim.score.length > MAX_SCORE_LENGTH || claim.score.trim() === '')) {
    throw new BadUserInputError(`score must be 1–${MAX_SCORE_LENGTH} characters.`, 'score');
  }
  if (match.status === 'COMPLETED') {
    if (claim.winnerId === match.winnerId) return { kind: 'REPLAY' };
    throw conflict('This match is already finished with another result.', 'MATCH_FINISHED');
  }
  if (match.status === 'PENDING' || match.status === 'SKIPPED') throw conflict('This match cannot be played (yet).', 'MATCH_NOT_READY');
  if (claim.winnerId !== match.playerA && claim.winnerId !== match.playerB) {
    throw new BadUserInputError('The winner must be one of the match’s two players.', 'winnerId');
  }
  if (reporter.kind !== 'PLAYER') return { kind: 'COMPLETE', winnerId: claim.winnerId, score: claim.score, decidedBy: reporter.kind };

  const side = reporter.userId === match.playerA ? 'A' : 'B';
  const mine = side === 'A' ? match.claimA : match.claimB;
  const theirs = side === 'A' ? match.claimB : match.claimA;
  if (mine?.winnerId === claim.winnerId) return { kind: 'REPLAY' };
  // Into a dispute, whatever the player reported before, the answer is that the organizer decides.
  if (match.status === 'DISPUTED') throw conflict('This match is disputed: the organizer decides it.', 'DISPUTED');
  if (mine) throw conflict('You already reported another result for this match.', 'ALREADY_REPORTED');
  if (!theirs) return { kind: 'CLAIM', side, claim };
  if (theirs.winnerId === claim.winnerId) return { kind: 'COMPLETE', winnerId: claim.winnerId, score: claim.score ?? theirs.score, decidedBy: 'PLAYERS' };
  return { kind: 'DISPUTE', side, claim };
}

/** A match of the bracket as advancement sees it. */
export interface BracketSlot {
  key: string;
  sourceA: Source;
  sourceB: Source;
  playerA: string | null;
  playerB: string | null;
  conditional: boolean;
  status: MatchStatus;
}

/** A change advancement makes to a later match. */
export interface SlotUpdate {
  key: string;
  playerA?: string;
  playerB?: string;
  status?: MatchStatus;
}

/**
 * Where a finished match's players go: the winner to every slot fed by `winnerOf` it, the loser to
 * every slot fed by `loserOf` it (the losers' bracket, the third-place match). A match whose two
 * players are then known opens (READY). The grand final's reset (conditional) opens only when the
 * losers' champion (the first final's second player) won; otherwise it is SKIPPED.
 */
export function advance(matches: readonly BracketSlot[], finished: { key: string; winnerId: string; loserId: string; playerB: string }): SlotUpdate[] {
  const updates: SlotUpdate[] = [];
  for (const m of matches) {
    const fill = (source: Source) => ('winnerOf' in source && source.winnerOf === finished.key ? finished.winnerId : 'loserOf' in source && source.loserOf === finished.key ? finished.loserId : null);
    const a = fill(m.sourceA);
    const b = fill(m.sourceB);
    if (a === null && b === null) continue;
    const update: SlotUpdate = { key: m.key, ...(a !== null ? { playerA: a } : {}), ...(b !== null ? { playerB: b } : {}) };
    if (m.conditional && finished.winnerId !== finished.playerB) update.status = 'SKIPPED';
    else if ((a ?? m.playerA) && (b ?? m.playerB)) update.status = 'READY';
    updates.push(update);
  }
  return updates;
}

/**
 * How many of a tournament's matches are still undecided (neither COMPLETED nor SKIPPED) once a
 * result is applied: the reported match is decided, and each match advancement SKIPPED is too (a
 * match it opens, READY, was undecided and stays so).
 */
export function undecidedAfter(undecidedBefore: number, updates: readonly SlotUpdate[]): number {
  return undecidedBefore - 1 - updates.filter((u) => u.status === 'SKIPPED').length;
}
