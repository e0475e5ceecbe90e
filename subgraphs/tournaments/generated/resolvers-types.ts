import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TournamentRow } from '../store/tournaments.store.js';
import type { MatchRow, RoundOf } from '../store/matches.store.js';
import type { LeaderboardRow, PeriodRef, RankedRecordRow, LeaderboardUpdateRef } from '../store/leaderboards.store.js';
import type { PlayerRankChange } from '../domain/leaderboards.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date and time in ISO-8601 format with a UTC offset, e.g. `2026-11-28T13:45:00.000Z`. */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** One round of a bracket. */
export type BracketRound = {
  __typename?: 'BracketRound';
  /** The round's matches by position. */
  matches: Array<TournamentMatch>;
  /** 1-based within its side. */
  round: Scalars['Int']['output'];
  /** Which part of the bracket. */
  side: BracketSide;
};

/** Which part of a bracket a round belongs to. */
export type BracketSide =
  /** Double elimination: the winners' champion against the losers' champion (and its reset). */
  | 'GRAND_FINAL'
  /** Ladder: each challenge is a round of its own, in the order made. */
  | 'LADDER'
  /** Double elimination: where a first loss sends a player. */
  | 'LOSERS'
  /** Round robin: everyone against everyone. */
  | 'ROUND_ROBIN'
  /** Swiss: rounds paired by score. */
  | 'SWISS'
  /** Single elimination: the semi-final losers' match. */
  | 'THIRD_PLACE'
  /** Elimination: the main bracket. */
  | 'WINNERS';

/** Which tournament to cancel. */
export type CancelTournamentInput = {
  /** The tournament's id. */
  tournamentId: Scalars['ID']['input'];
};

/** The result of cancelTournament. */
export type CancelTournamentPayload = {
  __typename?: 'CancelTournamentPayload';
  /** The tournament, CANCELLED. */
  tournament: Tournament;
};

/** A ladder challenge. */
export type ChallengeOnLadderInput = {
  /** The player challenged: ranked above the viewer, within the ladder's range. */
  defenderId: Scalars['ID']['input'];
  /** The LADDER tournament. */
  tournamentId: Scalars['ID']['input'];
};

/** The result of challengeOnLadder. */
export type ChallengeOnLadderPayload = {
  __typename?: 'ChallengeOnLadderPayload';
  /** The challenge's match, READY for its result. */
  match: TournamentMatch;
};

/** A new tournament. */
export type CreateTournamentInput = {
  /** At most 2,000 characters; '' when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * When play is planned to end: after `startsAt`; open-ended when omitted. For a LADDER it is the
   * end: at that time the ladder's order becomes the final standings (challenges not decided by then
   * are SKIPPED) and prizes are paid; a ladder without it plays until its organizer ends it
   * (endLadder) or cancels it.
   */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Coins each player pays to register, 0–1,000,000; 0 (free) when omitted. */
  entryFee?: InputMaybe<Scalars['Int']['input']>;
  /** How it is played. */
  format: TournamentFormat;
  /**
   * The format's options; the defaults when omitted. Options of another format are refused
   * (BAD_USER_INPUT naming the option).
   */
  formatOptions?: InputMaybe<TournamentFormatOptionsInput>;
  /** The most players it takes: from `minParticipants` up to 1,024. */
  maxParticipants: Scalars['Int']['input'];
  /** The fewest players needed to start: 2 or more. Fewer at the start time cancels the tournament. */
  minParticipants: Scalars['Int']['input'];
  /** The lowest player level that may register, 1–100; 1 when omitted. */
  minimumLevel?: InputMaybe<Scalars['Int']['input']>;
  /** 3–100 characters after trimming. */
  name: Scalars['String']['input'];
  /**
   * The prize pool; none (0 fixed, no share of fees, all to first place) when omitted. Its fixed
   * part is taken from the creator's wallet (see createTournament).
   */
  prizePool?: InputMaybe<PrizePoolInput>;
  /**
   * The organizer's idempotency key (8–200 characters): a retry with the same key returns the
   * tournament the first request created.
   */
  requestKey?: InputMaybe<Scalars['String']['input']>;
  /** The rules as plain text, at most 10,000 characters; '' when omitted. */
  rules?: InputMaybe<Scalars['String']['input']>;
  /** When play begins and registration closes: in the future, at most a year ahead. */
  startsAt: Scalars['DateTime']['input'];
};

/** The result of createTournament. */
export type CreateTournamentPayload = {
  __typename?: 'CreateTournamentPayload';
  /** The tournament, in REGISTRATION. */
  tournament: Tournament;
};

/** A leaderboard's definition. */
export type DefineLeaderboardInput = {
  /** Platform scores to follow (none by default). */
  follows?: InputMaybe<Array<ScoreSource>>;
  /**
   * The id game code uses: 1–64 lowercase letters, digits, `-` or `_`, starting with a letter or digit
   * (`weekly-kills`).
   */
  id: Scalars['ID']['input'];
  /** A JSON object, as text (at most 2,048 characters; `{}` by default). */
  metadata?: InputMaybe<Scalars['String']['input']>;
  /** How submissions change records (BEST by default). Fixed once the leaderboard exists. */
  operator?: InputMaybe<ScoreOperator>;
  /** A cron expression in UTC (5 fields, or 6 with seconds first) for the resets, or null for none. */
  resetSchedule?: InputMaybe<Scalars['String']['input']>;
  /** Which end ranks first (DESC by default). Fixed once the leaderboard exists. */
  sortOrder?: InputMaybe<LeaderboardSortOrder>;
  /** The name players see (1–100 characters). */
  title: Scalars['String']['input'];
};

/** The leaderboard as defined. */
export type DefineLeaderboardPayload = {
  __typename?: 'DefineLeaderboardPayload';
  /** The leaderboard. */
  leaderboard: Leaderboard;
};

/** Which ladder to end. */
export type EndLadderInput = {
  /** The LADDER tournament's id. */
  tournamentId: Scalars['ID']['input'];
};

/** The result of endLadder. */
export type EndLadderPayload = {
  __typename?: 'EndLadderPayload';
  /** The tournament, COMPLETED, its standings final. */
  tournament: Tournament;
};

/** Which tournament to join. */
export type JoinTournamentInput = {
  /** The tournament's id. */
  tournamentId: Scalars['ID']['input'];
};

/** The result of joinTournament. */
export type JoinTournamentPayload = {
  __typename?: 'JoinTournamentPayload';
  /** The tournament, the player now registered. */
  tournament: Tournament;
};

/**
 * A leaderboard: players ranked by a score the game server submits (or that other parts of the
 * platform feed it), in periods that a reset schedule starts afresh. Records rank by score, then
 * subscore, both in the leaderboard's sort order; on a tie the player who reached that score first
 * ranks ahead.
 */
export type Leaderboard = {
  __typename?: 'Leaderboard';
  /**
   * The current period's records around a player (`period(previous: 0).around`): empty when the player
   * has no record there, including a well-formed id of nobody (reads check only the id's format).
   */
  around: Array<LeaderboardRecord>;
  /** The platform's scores this leaderboard follows besides the game server's submissions. */
  follows: Array<ScoreSource>;
  /** The id its definition chose (`weekly-kills`). */
  id: Scalars['ID']['output'];
  /** The definition's metadata: a JSON object, as text. */
  metadata: Scalars['String']['output'];
  /** When the current period ends (the schedule's next time), or null when it never resets. */
  nextResetAt?: Maybe<Scalars['DateTime']['output']>;
  /** How a submission changes a player's record. */
  operator: ScoreOperator;
  /**
   * A period of the leaderboard: the current one (`previous: 0`, the default), the one before it
   * (`previous: 1`), and so on; null when there is no such period. Archived periods keep their records
   * and stay readable. BAD_USER_INPUT (field `previous`) when negative.
   */
  period?: Maybe<LeaderboardPeriod>;
  /**
   * A player's record and rank in the current period (`period(previous: 0).rank`), or null when they
   * have none there (or are outside the scope), including a well-formed id of nobody (reads check only
   * the id's format).
   */
  rank?: Maybe<LeaderboardRecord>;
  /**
   * When the leaderboard starts a new period: a cron expression in UTC (`0 0 * * 1`: Mondays at
   * 00:00), or null when it never resets.
   */
  resetSchedule?: Maybe<Scalars['String']['output']>;
  /** DESC: the highest score ranks first; ASC: the lowest (lap times). */
  sortOrder: LeaderboardSortOrder;
  /** The name players see. */
  title: Scalars['String']['output'];
  /** The current period's records from the top (`period(previous: 0).top`). */
  top: LeaderboardRecordConnection;
};


/**
 * A leaderboard: players ranked by a score the game server submits (or that other parts of the
 * platform feed it), in periods that a reset schedule starts afresh. Records rank by score, then
 * subscore, both in the leaderboard's sort order; on a tie the player who reached that score first
 * ranks ahead.
 */
export type LeaderboardAroundArgs = {
  n?: InputMaybe<Scalars['Int']['input']>;
  scope?: InputMaybe<LeaderboardScope>;
  userId: Scalars['ID']['input'];
};


/**
 * A leaderboard: players ranked by a score the game server submits (or that other parts of the
 * platform feed it), in periods that a reset schedule starts afresh. Records rank by score, then
 * subscore, both in the leaderboard's sort order; on a tie the player who reached that score first
 * ranks ahead.
 */
export type LeaderboardPeriodArgs = {
  previous?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A leaderboard: players ranked by a score the game server submits (or that other parts of the
 * platform feed it), in periods that a reset schedule starts afresh. Records rank by score, then
 * subscore, both in the leaderboard's sort order; on a tie the player who reached that score first
 * ranks ahead.
 */
export type LeaderboardRankArgs = {
  scope?: InputMaybe<LeaderboardScope>;
  userId: Scalars['ID']['input'];
};


/**
 * A leaderboard: players ranked by a score the game server submits (or that other parts of the
 * platform feed it), in periods that a reset schedule starts afresh. Records rank by score, then
 * subscore, both in the leaderboard's sort order; on a tie the player who reached that score first
 * ranks ahead.
 */
export type LeaderboardTopArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  scope?: InputMaybe<LeaderboardScope>;
};

/** Whether more records follow a page. */
export type LeaderboardPageInfo = {
  __typename?: 'LeaderboardPageInfo';
  /** The last record's cursor, or null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when records follow the page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** One period of a leaderboard: from one reset to the next. */
export type LeaderboardPeriod = {
  __typename?: 'LeaderboardPeriod';
  /** When a reset archived it, or null for the current period. */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The `n` records ranked just above a player, the player's own, and the `n` just below, best first;
   * empty when the player has no record here (or is outside the scope). BAD_USER_INPUT (field `n`)
   * outside 0–50, (field `userId`) for an id that is not in a player id's format; a well-formed id is
   * not checked further: an id of nobody is a player without a record (empty), where `submitScore`
   * refuses it.
   */
  around: Array<LeaderboardRecord>;
  /** When its scheduled reset ends it, or null when the leaderboard never resets. */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** 1 for the leaderboard's first period, one more after each reset. */
  number: Scalars['Int']['output'];
  /**
   * A player's record and rank here, or null when they have none (or are outside the scope).
   * BAD_USER_INPUT (field `userId`) for an id that is not in a player id's format; a well-formed id is
   * not checked further: an id of nobody is a player without a record (null), where `submitScore`
   * refuses it.
   */
  rank?: Maybe<LeaderboardRecord>;
  /** How many players have a record in it. */
  recordCount: Scalars['Int']['output'];
  /** When it began (the leaderboard's creation, or the reset that started it). */
  startedAt: Scalars['DateTime']['output'];
  /**
   * Its records from the top: rank 1 first. The cursor is a position, so a page read while scores
   * change may repeat or skip a record at its edge. BAD_USER_INPUT (field `first`) outside 0–100,
   * (field `after`) for a cursor this field did not return. The FRIENDS scope ranks the viewer and at
   * most 999 of their friends, those they became friends with most recently (see
   * `LeaderboardScope.FRIENDS`); GUILD ranks every member of the viewer's guild.
   */
  top: LeaderboardRecordConnection;
};


/** One period of a leaderboard: from one reset to the next. */
export type LeaderboardPeriodAroundArgs = {
  n?: InputMaybe<Scalars['Int']['input']>;
  scope?: InputMaybe<LeaderboardScope>;
  userId: Scalars['ID']['input'];
};


/** One period of a leaderboard: from one reset to the next. */
export type LeaderboardPeriodRankArgs = {
  scope?: InputMaybe<LeaderboardScope>;
  userId: Scalars['ID']['input'];
};


/** One period of a leaderboard: from one reset to the next. */
export type LeaderboardPeriodTopArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  scope?: InputMaybe<LeaderboardScope>;
};

/** A player's record in one period of a leaderboard. */
export type LeaderboardRecord = {
  __typename?: 'LeaderboardRecord';
  /** Where this record is, for `top(after:)`. */
  cursor: Scalars['String']['output'];
  /** The metadata of the submission that set the record: a JSON object, as text. */
  metadata: Scalars['String']['output'];
  /** The player, served by the users subgraph (name, level, avatar…). */
  player: User;
  /** 1 for the best record, in the scope it was read in. */
  rank: Scalars['Int']['output'];
  /** The record's score. */
  score: Scalars['Float']['output'];
  /** How many submissions reached this record, including those that did not change it. */
  submissions: Scalars['Int']['output'];
  /** Its subscore: breaks ties of score, in the same sort order (0 unless submitted). */
  subscore: Scalars['Float']['output'];
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a leaderboard's records from the top. */
export type LeaderboardRecordConnection = {
  __typename?: 'LeaderboardRecordConnection';
  /** The records, best first. */
  edges: Array<LeaderboardRecordEdge>;
  /** Where the page is. */
  pageInfo: LeaderboardPageInfo;
};

/** A record and its cursor. */
export type LeaderboardRecordEdge = {
  __typename?: 'LeaderboardRecordEdge';
  /** Pass it as `after` to read on from this record. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: LeaderboardRecord;
};

/** Which records a read ranks. */
export type LeaderboardScope =
  /**
   * The signed-in player's and their friends' (FRIEND relations in the users subgraph). A player may
   * have any number of friends; the scope takes the 999 they became friends with most recently (the
   * first 999 of their friends list, most recently changed first), whatever their scores, so an
   * older friendship beyond those is not ranked.
   */
  | 'FRIENDS'
  /** Every player's. */
  | 'GLOBAL'
  /** The signed-in player's guild's members' (none when they are in no guild). */
  | 'GUILD';

/** Which end of the scores ranks first. */
export type LeaderboardSortOrder =
  /** The lowest score first (times, golf strokes). */
  | 'ASC'
  /** The highest score first. */
  | 'DESC';

/** What `leaderboardUpdated` delivers. */
export type LeaderboardUpdate = {
  __typename?: 'LeaderboardUpdate';
  /** The leaderboard. */
  leaderboard: Leaderboard;
  /** Its current period as it is now. */
  period: LeaderboardPeriod;
  /** True when a reset began this period (then `top` is empty). */
  reset: Scalars['Boolean']['output'];
  /** The current top records as they are now (as many as the subscription's `first`). */
  top: Array<LeaderboardRecord>;
};

/** Which tournament to leave. */
export type LeaveTournamentInput = {
  /** The tournament's id. */
  tournamentId: Scalars['ID']['input'];
};

/** The result of leaveTournament. */
export type LeaveTournamentPayload = {
  __typename?: 'LeaveTournamentPayload';
  /** The tournament, the player no longer registered. */
  tournament: Tournament;
};

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Calls the tournament off (in REGISTRATION or IN_PROGRESS): every registered player's entry fee
   * is refunded exactly once, and the prize pool's fixed part goes back to the creator who paid it,
   * exactly once (shortly after: durable jobs). Its organizer or an admin only:
   * UNAUTHENTICATED when signed out, FORBIDDEN otherwise. NOT_FOUND for an unknown tournament;
   * CONFLICT (field `status`) when it is already COMPLETED or CANCELLED.
   */
  cancelTournament: CancelTournamentPayload;
  /**
   * LADDER: the signed-in player challenges a player ranked above them, at most
   * `formatOptions.ladderChallengeRange` places up. The challenge is a match (READY at once, the
   * challenger as `playerA`), reported with reportMatchResult like any other; when the challenger wins
   * they take the defender's place and everyone between moves down one (`Tournament.ladder`). A player
   * has at most one undecided challenge (made or received) at a time. The same challenge again while
   * it is undecided returns it and changes nothing. UNAUTHENTICATED when signed out, FORBIDDEN for
   * service tokens and for players not in the tournament. NOT_FOUND for an unknown tournament.
   * BAD_USER_INPUT: (field `tournamentId`) for a tournament of another format, (field `defenderId`)
   * for a player not on the ladder. CONFLICT (with `reason`): `NOT_IN_PROGRESS` (field
   * `tournamentId`) before play starts or after it ended, `CHALLENGER_BUSY` (field `tournamentId`)
   * when the viewer has an undecided challenge, `DEFENDER_BUSY` (field `defenderId`) when the defender
   * has one, `NOT_ABOVE` (field `defenderId`) for a defender not ranked above the viewer (the viewer
   * included), `OUT_OF_RANGE` (field `defenderId`, with `range`) for one ranked more places up than
   * `formatOptions.ladderChallengeRange`.
   */
  challengeOnLadder: ChallengeOnLadderPayload;
  /**
   * Creates a tournament, open for registration until it starts. ORGANIZER or ADMIN players only:
   * UNAUTHENTICATED when signed out, FORBIDDEN for other players and for service tokens.
   * BAD_USER_INPUT (with `field`, the input's field, dotted for nested ones such as
   * `prizePool.distribution`) for any invalid value; nothing is stored then. With a `requestKey`, a
   * retry by the same organizer returns the tournament the first request created and changes nothing
   * (even when the other fields differ).
   * A prize pool with a fixed part (`prizePool.fixed` above 0) is paid by the creator, ORGANIZER or
   * ADMIN alike: those coins are taken from their wallet exactly once before the tournament exists.
   * INSUFFICIENT_FUNDS (field `prizePool.fixed`) when they cannot pay: nothing is created or taken
   * (the same `requestKey` may be retried after topping up). SERVICE_UNAVAILABLE when the wallet could
   * not be reached: retry with the same `requestKey` (it pays at most once); without one, the
   * tournament the payment was for is still created within a few minutes if the coins were taken.
   */
  createTournament: CreateTournamentPayload;
  /**
   * Creates a leaderboard, or changes one with the same id (configuration as data: sending the same
   * definition again changes nothing). ADMIN only: UNAUTHENTICATED for anonymous viewers, FORBIDDEN
   * for anyone else. BAD_USER_INPUT (field `input.<name>`) for an id that is not 1–64 lowercase
   * letters, digits, `-` or `_` starting with a letter or digit; a title that is not 1–100
   * characters; a reset schedule that is not a cron expression; metadata that is not a JSON object
   * of at most 2,048 characters. CONFLICT (field `input.sortOrder` or `input.operator`) when an
   * existing leaderboard would change its sort order or operator: records already kept under one
   * rule would not compare with new ones. A new or changed `resetSchedule` takes effect from now:
   * the current period ends at the schedule's next time.
   */
  defineLeaderboard: DefineLeaderboardPayload;
  /**
   * LADDER: ends the ladder now, whether or not it has an `endsAt`: challenges not decided yet are
   * SKIPPED, the ladder's order becomes the final standings, each place's prize is paid into the
   * player's wallet exactly once (shortly after), the tournament is COMPLETED and every player is told
   * in their inbox — as at `endsAt`. Its organizer or an admin only: UNAUTHENTICATED when signed out,
   * FORBIDDEN otherwise (service tokens included). NOT_FOUND for an unknown tournament;
   * BAD_USER_INPUT (field `tournamentId`) for a tournament of another format (they end with their
   * last match); CONFLICT (field `tournamentId`, reason `NOT_IN_PROGRESS`) before play starts or once
   * cancelled. Safe to retry: a ladder that already ended is answered as it is, and nothing is paid
   * twice.
   */
  endLadder: EndLadderPayload;
  /**
   * Registers the signed-in player, taking the entry fee from their wallet exactly once (a retry of
   * the same registration never pays twice). UNAUTHENTICATED when signed out, FORBIDDEN for service
   * tokens. NOT_FOUND for an unknown tournament. CONFLICT (field `tournamentId`, with `reason`):
   * `NOT_OPEN` when it is not in REGISTRATION (or stopped taking players while the fee was being taken:
   * the fee is then refunded), `ALREADY_REGISTERED`, `FULL` at `maxParticipants`. FORBIDDEN with reason
   * `LEVEL_TOO_LOW` (and `minimumLevel`, `level`) below the tournament's minimum level.
   * INSUFFICIENT_FUNDS when the player cannot pay the fee: nothing is registered or taken.
   * SERVICE_UNAVAILABLE when the wallet could not be reached: retry; the retry pays at most once.
   */
  joinTournament: JoinTournamentPayload;
  /**
   * Unregisters the signed-in player before the tournament starts; their entry fee is refunded to
   * their wallet exactly once (shortly after: the refund is a durable job). Joining again later pays
   * again. UNAUTHENTICATED when signed out, FORBIDDEN for service tokens, NOT_FOUND for an unknown
   * tournament, CONFLICT (field `tournamentId`, with `reason`): `NOT_OPEN` once it has started or
   * ended, `NOT_REGISTERED` when the player is not registered.
   */
  leaveTournament: LeaveTournamentPayload;
  /**
   * Reports a match's result. The game server (a service token with REPORT_MATCH_RESULTS) and the
   * tournament's organizer (or an admin) decide it outright; the organizer also settles a DISPUTED
   * match. Each of the two players may report: the match completes when both name the same winner and
   * becomes DISPUTED when they differ. A completed match moves its winner (and, in double elimination,
   * its loser) into the next matches, which open (READY) once both players are known; the grand
   * final's reset opens only when the losers' champion won the first final, and is SKIPPED otherwise.
   * In SWISS, the last result of a round pairs the next round (by score, no rematch, the bye to the
   * lowest-ranked player without one) until `formatOptions.swissRounds` (or the automatic count).
   * The result that leaves nothing to play completes the tournament: COMPLETED, `standings` final,
   * each place's prize paid into the player's wallet exactly once (shortly after), every player told
   * in their inbox. A LADDER's challenges are reported here too (see challengeOnLadder).
   * Safe to retry: the same result again changes nothing and answers the match. UNAUTHENTICATED when
   * signed out; FORBIDDEN for a player not in the match and a service token without the scope;
   * NOT_FOUND for an unknown match; BAD_USER_INPUT (field `winnerId`) for a winner not in the match,
   * (field `score`) for a blank score or one over 32 characters; CONFLICT (field `matchId`, with
   * `reason`): `MATCH_FINISHED` (another result was decided), `MATCH_NOT_READY` (its players are not
   * known, or it was skipped), `ALREADY_REPORTED` (the player already reported another winner and
   * the match is still READY), `DISPUTED` (the match is DISPUTED: a player's report other than the
   * one they made is refused; the organizer decides), `NOT_IN_PROGRESS` (the tournament is not being played).
   */
  reportMatchResult: ReportMatchResultPayload;
  /**
   * Starts the tournament before its start time: seeds the registered players by level (earlier
   * sign-up first among equals) and draws the bracket. Without this, it starts by itself at
   * `startsAt` with enough players, or is cancelled and everyone refunded. Its organizer or an admin
   * only: UNAUTHENTICATED when signed out, FORBIDDEN otherwise. NOT_FOUND for an unknown tournament;
   * CONFLICT (field `tournamentId`, with `reason`): `NOT_IN_REGISTRATION`, `TOO_FEW_PARTICIPANTS`
   * (fewer than `minParticipants`).
   */
  startTournament: StartTournamentPayload;
  /**
   * Submits a player's score to the current period of a leaderboard, as the leaderboard's operator
   * says (BEST keeps the better, SET replaces, INCREMENT adds, DECREMENT subtracts). Only the game
   * server may submit: a service token holding the REPORT_MATCH_RESULTS scope; FORBIDDEN for players
   * (players never report their own scores), UNAUTHENTICATED for anonymous callers.
   *
   * Idempotent by `submissionId`: the same id sent again for the same player (a retry, or
   * concurrently) applies once and answers with the player's record in the current period as it is
   * now; a retry is known by its id and player alone, and the rest of it (score, subscore, metadata)
   * applies nothing. CONFLICT (field `input.submissionId`) for an id this leaderboard already took
   * for another player (a new submission needs a new id), and for a retry whose player has no record
   * in the current period: it applied in a period that has since ended and applies nothing to this
   * one. NOT_FOUND (field `input.leaderboardId`) for an unknown leaderboard; BAD_USER_INPUT (field
   * `input.<name>`) for a userId that is not a player id, a score or subscore that is not a finite
   * number between -1e15 and 1e15 (or a sum that would leave that range), metadata that is not a
   * JSON object of at most 2,048 characters, or a submissionId that is not 1–128 characters. Nothing
   * is stored on any error.
   */
  submitScore: SubmitScorePayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationCancelTournamentArgs = {
  input: CancelTournamentInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationChallengeOnLadderArgs = {
  input: ChallengeOnLadderInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationCreateTournamentArgs = {
  input: CreateTournamentInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDefineLeaderboardArgs = {
  input: DefineLeaderboardInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationEndLadderArgs = {
  input: EndLadderInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationJoinTournamentArgs = {
  input: JoinTournamentInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationLeaveTournamentArgs = {
  input: LeaveTournamentInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationReportMatchResultArgs = {
  input: ReportMatchResultInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationStartTournamentArgs = {
  input: StartTournamentInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSubmitScoreArgs = {
  input: SubmitScoreInput;
};

/** Where a page sits in a list (Relay connection spec). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last item's cursor on this page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first item's cursor on this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * What a tournament's winners share: a fixed amount plus a share of the entry fees collected, split
 * by final place. The fixed part is paid by the tournament's creator from their wallet when they
 * create it, and given back to them if it is cancelled; the fee share comes out of the entry fees
 * players paid. No prize is created out of nothing.
 */
export type PrizePool = {
  __typename?: 'PrizePool';
  /** Percent of the pool per final place, first place first; adds up to 100. */
  distribution: Array<Scalars['Int']['output']>;
  /** Percent (0–100) of the entry fees collected that goes to the pool. */
  feeSharePercent: Scalars['Int']['output'];
  /**
   * Coins the pool holds whatever the entry fees: paid by the tournament's creator when they created
   * it. Returned to them in full when the tournament is cancelled; once it completes, what places
   * nobody reached leave unpaid goes back to them too (up to this amount).
   */
  fixed: Scalars['Int']['output'];
  /**
   * Coins to share now: `fixed` plus `feeSharePercent` of the entry fees of the players registered
   * now (rounded down); final once play starts.
   */
  total: Scalars['Int']['output'];
};

/** A prize pool: a fixed amount plus a share of the fees, split by final place. */
export type PrizePoolInput = {
  /**
   * Percent of the pool per final place, first place first: 1–32 whole percents, each at least 1,
   * none above the one before, adding up to 100, and no more places than `maxParticipants`.
   */
  distribution: Array<Scalars['Int']['input']>;
  /** Percent of the entry fees collected that goes to the pool, 0–100 (default 0). */
  feeSharePercent?: InputMaybe<Scalars['Int']['input']>;
  /** Coins the pool holds whatever the fees, 0–100,000,000 (default 0). */
  fixed?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * One leaderboard, or null when the id is unknown. Public: anyone, signed in or not, may read
   * leaderboards (the FRIENDS and GUILD scopes of its records need a signed-in player).
   */
  leaderboard?: Maybe<Leaderboard>;
  /** Every leaderboard, by id (at most 100 of them after `after`). Public. */
  leaderboards: Array<Leaderboard>;
  /**
   * Tournaments found by words of their name or description, best match first (by how often the
   * words occur, a word in the name counting more than one in the description; equal matches by the
   * soonest start). Every word must match the start of a word: `spr cup` finds "Spring Cup"; only the
   * first 8 different words count. Without `text`, every tournament (with the
   * filters) by start time, soonest first. Public. BAD_USER_INPUT (field `text`) for text over 100
   * characters or without a letter or digit; (field `first`) outside 0–100; (field `after`) for a
   * cursor no search returned.
   */
  searchTournaments?: Maybe<TournamentConnection>;
  /** One tournament, or null when the id is unknown. */
  tournament?: Maybe<Tournament>;
  /**
   * Tournaments by start time, soonest first, optionally in one status; 20 per page unless `first`
   * or `last` says otherwise. Public. BAD_USER_INPUT (field `first` or `last`) outside 0–100 or for
   * both at once; (field `after` or `before`) for a cursor this list did not return.
   */
  tournaments?: Maybe<TournamentConnection>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryLeaderboardArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryLeaderboardsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QuerySearchTournamentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  format?: InputMaybe<TournamentFormat>;
  status?: InputMaybe<TournamentStatus>;
  text?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryTournamentArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryTournamentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TournamentStatus>;
};

/** What `rankChanged` delivers to a player who was passed. */
export type RankChange = {
  __typename?: 'RankChange';
  /** The leaderboard. */
  leaderboard: Leaderboard;
  /** Who passed them, in the order they did. */
  passedBy: Array<User>;
  /** The player's rank before the (first) pass this change reports. */
  previousRank: Scalars['Int']['output'];
  /** The player's rank now (1 is the best). */
  rank: Scalars['Int']['output'];
};

/** A match's result. */
export type ReportMatchResultInput = {
  /** The match (TournamentMatch.id). */
  matchId: Scalars['ID']['input'];
  /** The score as free text, e.g. `2-1` (1–32 characters), or omitted. */
  score?: InputMaybe<Scalars['String']['input']>;
  /** The player who won: one of the match's two players. */
  winnerId: Scalars['ID']['input'];
};

/** The result of reportMatchResult. */
export type ReportMatchResultPayload = {
  __typename?: 'ReportMatchResultPayload';
  /** The match after the report: COMPLETED, READY (waiting for the other player's report) or DISPUTED. */
  match: TournamentMatch;
};

/** How a submission changes the player's record in the current period (a first submission creates it). */
export type ScoreOperator =
  /**
   * Keeps the better of the record and the submission (score, then subscore); an equal or worse one
   * changes nothing and the player keeps their place among ties.
   */
  | 'BEST'
  /** Subtracts the submission's score and subscore from the record's (from 0 for a first submission). */
  | 'DECREMENT'
  /** Adds the submission's score and subscore to the record's. */
  | 'INCREMENT'
  /** Replaces the record with the submission. */
  | 'SET';

/**
 * Scores the platform produces itself, which a leaderboard may follow (through the event bus: a
 * player's record changes shortly after the event, once per event).
 */
export type ScoreSource =
  /** An unlocked achievement's points (a submission of `points`). */
  | 'ACHIEVEMENT_POINTS'
  /** Coins a player contributed to their guild's treasury (a submission of the amount). */
  | 'GUILD_CONTRIBUTION'
  /**
   * A player's final place in a completed tournament (a submission of the place: 1 for the winner;
   * with ASC and BEST, a player's best finish).
   */
  | 'TOURNAMENT_PLACEMENT';

/** Which tournament to start. */
export type StartTournamentInput = {
  /** The tournament's id. */
  tournamentId: Scalars['ID']['input'];
};

/** The result of startTournament. */
export type StartTournamentPayload = {
  __typename?: 'StartTournamentPayload';
  /** The tournament, IN_PROGRESS. */
  tournament: Tournament;
};

/** One score from the game server. */
export type SubmitScoreInput = {
  /** The leaderboard. */
  leaderboardId: Scalars['ID']['input'];
  /**
   * A JSON object, as text, kept with the record when this submission changes it (at most 2,048
   * characters; `{}` by default).
   */
  metadata?: InputMaybe<Scalars['String']['input']>;
  /** The score: a finite number between -1e15 and 1e15. */
  score: Scalars['Float']['input'];
  /**
   * The game server's id for this submission (1–128 characters), one per submission on each
   * leaderboard: sending it again for the same player applies nothing and answers their current
   * record; sending it for another player is CONFLICT, and so is a retry after the period it applied
   * in ended, when the player has no record in the current one (see `submitScore`).
   */
  submissionId: Scalars['String']['input'];
  /** A second score that breaks ties of `score` (0 by default; same range). */
  subscore?: InputMaybe<Scalars['Float']['input']>;
  /** The player who scored. */
  userId: Scalars['ID']['input'];
};

/** The player's record after a submission. */
export type SubmitScorePayload = {
  __typename?: 'SubmitScorePayload';
  /** The leaderboard. */
  leaderboard: Leaderboard;
  /** The record in the current period, with its rank among everyone. */
  record: LeaderboardRecord;
};

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * A leaderboard's current top `first` records, each time they change: a submission that enters,
   * leaves or moves within them, and every reset (which delivers the new, empty period with
   * `reset: true`). Changes that land while an update is being delivered are coalesced into the next
   * one, which always shows the board as it is then. Public and shared: every subscriber with the same
   * arguments receives the same update. NOT_FOUND (field `id`) for an unknown leaderboard;
   * BAD_USER_INPUT (field `first`) outside 1–100.
   */
  leaderboardUpdated: LeaderboardUpdate;
  /**
   * Spectator mode, public and live only (read `tournament(id) { bracket }` for the state before
   * subscribing). Each match of the tournament as it is after it changes: a result (COMPLETED), a dispute
   * (DISPUTED), a later match receiving a player or opening (READY) or being SKIPPED, a new Swiss
   * round's matches as they are paired, a ladder challenge made (READY), undecided challenges SKIPPED
   * when a ladder ends. A player's first report (the match stays READY until the other's) is not sent.
   * With `tournamentUpdated`, enough to keep a bracket view live.
   */
  matchUpdated: TournamentMatch;
  /**
   * The signed-in player's rank on a leaderboard each time someone passes them (moves ahead of them in
   * the current period: from behind them, or with the passer's first record of the period, which
   * passes everyone it lands ahead of): their new rank and who passed them. Only players actually
   * passed hear it (at most the 100 nearest behind a player's new place, per submission);
   * several passes that land while one is being delivered arrive as one change. UNAUTHENTICATED for
   * anonymous viewers, FORBIDDEN for a service token; NOT_FOUND (field `leaderboardId`) for an unknown
   * leaderboard.
   */
  rankChanged: RankChange;
  /**
   * Spectator mode, public (anyone may subscribe, signed in or not; every subscriber gets the same
   * events) and live only: read `tournament(id)` for the state before subscribing. The tournament as
   * it is after each change of its own: a player registers or leaves (the
   * participant count), play starts, it completes (standings and prizes final) or is cancelled. An
   * unknown id sends nothing.
   */
  tournamentUpdated?: Maybe<Tournament>;
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionLeaderboardUpdatedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionMatchUpdatedArgs = {
  tournamentId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionRankChangedArgs = {
  leaderboardId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionTournamentUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** A competition players register for. */
export type Tournament = {
  __typename?: 'Tournament';
  /** Figures about the matches played so far (final once COMPLETED). Public. */
  analytics: TournamentAnalytics;
  /**
   * The bracket, round by round: each side (winners', losers', grand final, third place, round
   * robin, Swiss, ladder) in play order, its rounds in order, their matches by position. Empty before
   * play starts; Swiss shows the rounds paired so far; a ladder shows its challenges, one round each,
   * in the order they were made. Public.
   */
  bracket: Array<BracketRound>;
  /** When the last match ended, or null until it COMPLETED. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the tournament was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the tournament is about. */
  description: Scalars['String']['output'];
  /** When play is planned to end, or null when open-ended. */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Coins a player pays to register (0 for free). */
  entryFee: Scalars['Int']['output'];
  /** How it is played. */
  format: TournamentFormat;
  /** How its format is played: best-of, third-place match, grand-final reset, Swiss rounds, ladder range. */
  formatOptions: TournamentFormatOptions;
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /**
   * LADDER: the ranking now, top first — the seeds' order when play started, changed by every
   * challenge won (the challenger takes the defender's place; those between move down one). Empty for
   * other formats and before play starts. Public.
   */
  ladder: Array<User>;
  /** The most players it takes. */
  maxParticipants: Scalars['Int']['output'];
  /** The fewest players it needs to start. */
  minParticipants: Scalars['Int']['output'];
  /** The lowest player level that may register (1 lets everyone in). */
  minimumLevel: Scalars['Int']['output'];
  /** The tournament's name. */
  name: Scalars['String']['output'];
  /**
   * Players registered (their entry fee paid); a cancellation, which refunds them, leaves the count
   * as it was.
   */
  participantCount: Scalars['Int']['output'];
  /** What the winners share. */
  prizePool: PrizePool;
  /** The organizer's rules, as plain text ('' when none). */
  rules: Scalars['String']['output'];
  /**
   * The final standings, first place first, once COMPLETED (empty before): every player who played,
   * their place and the prize paid. Places: elimination formats rank by how far a player got (the
   * final's winner, then its loser; in single elimination the third-place match decides third and
   * fourth; players knocked out in the same round are ordered by seed); round robin by wins, then
   * Sonneborn-Berger, then seed; Swiss by score, then Buchholz, then Sonneborn-Berger, then seed; a
   * ladder by its order when it ended (`ladder`). Public.
   */
  standings: Array<TournamentStanding>;
  /** When play begins. */
  startsAt: Scalars['DateTime']['output'];
  /** Where it is in its life. */
  status: TournamentStatus;
};

/**
 * Figures about a tournament's matches. Byes (a Swiss bye, a player without an opponent) are not
 * matches here; a SKIPPED match (the grand final's reset when not needed) is not either.
 */
export type TournamentAnalytics = {
  __typename?: 'TournamentAnalytics';
  /**
   * Average seconds from a match opening (both players known) to its result, over the completed
   * matches; null before any.
   */
  averageMatchDurationSeconds?: Maybe<Scalars['Float']['output']>;
  /** Of those, the ones with a result. */
  completedMatches: Scalars['Int']['output'];
  /** Percent (0–100) of `totalMatches` that have a result; 0 when there are none. */
  completionRate: Scalars['Float']['output'];
  /** The completed match that took longest from opening to result (the earlier one on a tie), or null. */
  longestMatch?: Maybe<TournamentMatch>;
  /** Percent (0–100) of the places filled: registered players over `maxParticipants`. */
  participationRate: Scalars['Float']['output'];
  /** The completed match that took the least time from opening to result (the earlier one on a tie), or null. */
  shortestMatch?: Maybe<TournamentMatch>;
  /** Matches of the bracket so far (played or to be played): Swiss counts the rounds paired so far. */
  totalMatches: Scalars['Int']['output'];
  /** Completed matches won by the lower seed (the larger seed number) of the two. */
  upsets: Scalars['Int']['output'];
};

/** A page of tournaments. */
export type TournamentConnection = {
  __typename?: 'TournamentConnection';
  /** The tournaments on this page, each with its cursor. */
  edges: Array<TournamentEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A tournament and its cursor. */
export type TournamentEdge = {
  __typename?: 'TournamentEdge';
  /** Pass as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The tournament. */
  node: Tournament;
};

/** How a tournament pairs players and decides its winner. */
export type TournamentFormat =
  /** Lose twice and you are out (winners' and losers' brackets). */
  | 'DOUBLE_ELIMINATION'
  /** Challenge players ranked above you to take their place. */
  | 'LADDER'
  /** Everyone plays everyone. */
  | 'ROUND_ROBIN'
  /** Lose once and you are out. */
  | 'SINGLE_ELIMINATION'
  /** Fixed rounds; each round pairs players with similar scores. */
  | 'SWISS';

/** How a tournament's format is played. Options that do not apply to its format are false or null. */
export type TournamentFormatOptions = {
  __typename?: 'TournamentFormatOptions';
  /** Games per match: the first to win a majority of them wins the match (1, 3, 5 or 7). */
  bestOf: Scalars['Int']['output'];
  /** DOUBLE_ELIMINATION: when the losers' bracket champion wins the grand final, a second one is played. */
  grandFinalReset: Scalars['Boolean']['output'];
  /** LADDER: how many places above themselves a player may challenge. */
  ladderChallengeRange?: Maybe<Scalars['Int']['output']>;
  /**
   * SWISS: the rounds to play; null means automatic: ⌈log2(players)⌉ rounds, counted from the
   * players at the start (it stays null).
   */
  swissRounds?: Maybe<Scalars['Int']['output']>;
  /** SINGLE_ELIMINATION: the semi-final losers play for third place. */
  thirdPlaceMatch: Scalars['Boolean']['output'];
};

/** A format's options. Each applies to one format; leaving one out takes its default. */
export type TournamentFormatOptionsInput = {
  /** Games per match: 1, 3, 5 or 7 (default 1). Any format. */
  bestOf?: InputMaybe<Scalars['Int']['input']>;
  /** DOUBLE_ELIMINATION only: a second grand final when the losers' champion wins the first (default false). */
  grandFinalReset?: InputMaybe<Scalars['Boolean']['input']>;
  /** LADDER only: how many places above themselves a player may challenge, 1–10 (default 3). */
  ladderChallengeRange?: InputMaybe<Scalars['Int']['input']>;
  /** SWISS only: rounds to play, 1–20, fewer than the players allow at most; automatic when omitted. */
  swissRounds?: InputMaybe<Scalars['Int']['input']>;
  /** SINGLE_ELIMINATION only: the semi-final losers play for third place (default false). */
  thirdPlaceMatch?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One match of a tournament. */
export type TournamentMatch = {
  __typename?: 'TournamentMatch';
  /** When the result was decided. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whole seconds from `startedAt` to `completedAt`, once COMPLETED (null for a bye). */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Stable, opaque id: what reportMatchResult takes. */
  id: Scalars['ID']['output'];
  /** Its name in the bracket: `W2-1` (winners' round 2, match 1), `L3-2`, `GF1`, `GF2`, `3P`, `RR4-2`, `S1-3`, `LD5` (the ladder's fifth challenge). */
  key: Scalars['String']['output'];
  /**
   * The first player (the higher seed where seeds decide; the challenger in a ladder), or null while
   * not known.
   */
  playerA?: Maybe<User>;
  /**
   * The second player, or null while not known. Always null for a Swiss bye: that match is
   * COMPLETED at once, won by `playerA`, who scores a win without playing.
   */
  playerB?: Maybe<User>;
  /** Its position within the round. */
  position: Scalars['Int']['output'];
  /** Its round within its side. */
  round: Scalars['Int']['output'];
  /** The score as reported (free text such as `2-1`), or null. */
  score?: Maybe<Scalars['String']['output']>;
  /** Which part of the bracket. */
  side: BracketSide;
  /** When the match opened: both players became known (null while PENDING, and for a bye). */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: TournamentMatchStatus;
  /** The winner, once COMPLETED. */
  winner?: Maybe<User>;
};

/** Where a match stands. */
export type TournamentMatchStatus =
  /** Finished: `winner` won. */
  | 'COMPLETED'
  /** The players reported different winners: the organizer decides. */
  | 'DISPUTED'
  /** A player is not known yet: an earlier match decides them. */
  | 'PENDING'
  /** Both players are known: waiting for the result. */
  | 'READY'
  /** Not played: the grand final's reset when the winners' champion won the first grand final. */
  | 'SKIPPED';

/** A player's final result in a tournament. */
export type TournamentStanding = {
  __typename?: 'TournamentStanding';
  /** 1 = the winner. Each place is held by one player. */
  placement: Scalars['Int']['output'];
  /** The player. */
  player: User;
  /**
   * Coins won: the pool's share for this place (0 when the distribution pays no share to it). Paid
   * into the player's wallet exactly once, shortly after the tournament completes.
   */
  prize: Scalars['Int']['output'];
};

/** Where a tournament is in its life. */
export type TournamentStatus =
  /**
   * Called off; entry fees are refunded, and the prize pool's fixed part goes back to its creator.
   * Matches not played stay as they were (no result is taken any more).
   */
  | 'CANCELLED'
  /** Finished; standings are final. */
  | 'COMPLETED'
  /** Matches are being played. */
  | 'IN_PROGRESS'
  /** Open for sign-ups. */
  | 'REGISTRATION';

/** A player account, served by the users subgraph; a match names its players by it. */
export type User = {
  __typename?: 'User';
  /** The player's stable, opaque id. */
  id: Scalars['ID']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Leaderboard: Leaderboard;
  Tournament: Tournament;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Leaderboard:
    ( { __typename: 'Leaderboard' }
    & GraphQLRecursivePick<FederationTypes['Leaderboard'], {"id":true}> );
  Tournament:
    ( { __typename: 'Tournament' }
    & GraphQLRecursivePick<FederationTypes['Tournament'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  BracketRound: ResolverTypeWrapper<RoundOf>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BracketSide: BracketSide;
  CancelTournamentInput: CancelTournamentInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CancelTournamentPayload: ResolverTypeWrapper<Omit<CancelTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  ChallengeOnLadderInput: ChallengeOnLadderInput;
  ChallengeOnLadderPayload: ResolverTypeWrapper<Omit<ChallengeOnLadderPayload, 'match'> & { match: ResolversTypes['TournamentMatch'] }>;
  CreateTournamentInput: CreateTournamentInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateTournamentPayload: ResolverTypeWrapper<Omit<CreateTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DefineLeaderboardInput: DefineLeaderboardInput;
  DefineLeaderboardPayload: ResolverTypeWrapper<Omit<DefineLeaderboardPayload, 'leaderboard'> & { leaderboard: ResolversTypes['Leaderboard'] }>;
  EndLadderInput: EndLadderInput;
  EndLadderPayload: ResolverTypeWrapper<Omit<EndLadderPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  JoinTournamentInput: JoinTournamentInput;
  JoinTournamentPayload: ResolverTypeWrapper<Omit<JoinTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  Leaderboard: ResolverTypeWrapper<LeaderboardRow>;
  LeaderboardPageInfo: ResolverTypeWrapper<LeaderboardPageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  LeaderboardPeriod: ResolverTypeWrapper<PeriodRef>;
  LeaderboardRecord: ResolverTypeWrapper<RankedRecordRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  LeaderboardRecordConnection: ResolverTypeWrapper<Omit<LeaderboardRecordConnection, 'edges'> & { edges: Array<ResolversTypes['LeaderboardRecordEdge']> }>;
  LeaderboardRecordEdge: ResolverTypeWrapper<Omit<LeaderboardRecordEdge, 'node'> & { node: ResolversTypes['LeaderboardRecord'] }>;
  LeaderboardScope: LeaderboardScope;
  LeaderboardSortOrder: LeaderboardSortOrder;
  LeaderboardUpdate: ResolverTypeWrapper<LeaderboardUpdateRef>;
  LeaveTournamentInput: LeaveTournamentInput;
  LeaveTournamentPayload: ResolverTypeWrapper<Omit<LeaveTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PrizePool: ResolverTypeWrapper<PrizePool>;
  PrizePoolInput: PrizePoolInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RankChange: ResolverTypeWrapper<PlayerRankChange>;
  ReportMatchResultInput: ReportMatchResultInput;
  ReportMatchResultPayload: ResolverTypeWrapper<Omit<ReportMatchResultPayload, 'match'> & { match: ResolversTypes['TournamentMatch'] }>;
  ScoreOperator: ScoreOperator;
  ScoreSource: ScoreSource;
  StartTournamentInput: StartTournamentInput;
  StartTournamentPayload: ResolverTypeWrapper<Omit<StartTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  SubmitScoreInput: SubmitScoreInput;
  SubmitScorePayload: ResolverTypeWrapper<Omit<SubmitScorePayload, 'leaderboard' | 'record'> & { leaderboard: ResolversTypes['Leaderboard'], record: ResolversTypes['LeaderboardRecord'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tournament: ResolverTypeWrapper<TournamentRow>;
  TournamentAnalytics: ResolverTypeWrapper<Omit<TournamentAnalytics, 'longestMatch' | 'shortestMatch'> & { longestMatch?: Maybe<ResolversTypes['TournamentMatch']>, shortestMatch?: Maybe<ResolversTypes['TournamentMatch']> }>;
  TournamentConnection: ResolverTypeWrapper<Omit<TournamentConnection, 'edges'> & { edges: Array<ResolversTypes['TournamentEdge']> }>;
  TournamentEdge: ResolverTypeWrapper<Omit<TournamentEdge, 'node'> & { node: ResolversTypes['Tournament'] }>;
  TournamentFormat: TournamentFormat;
  TournamentFormatOptions: ResolverTypeWrapper<TournamentFormatOptions>;
  TournamentFormatOptionsInput: TournamentFormatOptionsInput;
  TournamentMatch: ResolverTypeWrapper<MatchRow>;
  TournamentMatchStatus: TournamentMatchStatus;
  TournamentStanding: ResolverTypeWrapper<TournamentStanding>;
  TournamentStatus: TournamentStatus;
  User: ResolverTypeWrapper<User>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BracketRound: RoundOf;
  Int: Scalars['Int']['output'];
  CancelTournamentInput: CancelTournamentInput;
  ID: Scalars['ID']['output'];
  CancelTournamentPayload: Omit<CancelTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  ChallengeOnLadderInput: ChallengeOnLadderInput;
  ChallengeOnLadderPayload: Omit<ChallengeOnLadderPayload, 'match'> & { match: ResolversParentTypes['TournamentMatch'] };
  CreateTournamentInput: CreateTournamentInput;
  String: Scalars['String']['output'];
  CreateTournamentPayload: Omit<CreateTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  DateTime: Scalars['DateTime']['output'];
  DefineLeaderboardInput: DefineLeaderboardInput;
  DefineLeaderboardPayload: Omit<DefineLeaderboardPayload, 'leaderboard'> & { leaderboard: ResolversParentTypes['Leaderboard'] };
  EndLadderInput: EndLadderInput;
  EndLadderPayload: Omit<EndLadderPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  JoinTournamentInput: JoinTournamentInput;
  JoinTournamentPayload: Omit<JoinTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  Leaderboard: LeaderboardRow;
  LeaderboardPageInfo: LeaderboardPageInfo;
  Boolean: Scalars['Boolean']['output'];
  LeaderboardPeriod: PeriodRef;
  LeaderboardRecord: RankedRecordRow;
  Float: Scalars['Float']['output'];
  LeaderboardRecordConnection: Omit<LeaderboardRecordConnection, 'edges'> & { edges: Array<ResolversParentTypes['LeaderboardRecordEdge']> };
  LeaderboardRecordEdge: Omit<LeaderboardRecordEdge, 'node'> & { node: ResolversParentTypes['LeaderboardRecord'] };
  LeaderboardUpdate: LeaderboardUpdateRef;
  LeaveTournamentInput: LeaveTournamentInput;
  LeaveTournamentPayload: Omit<LeaveTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PrizePool: PrizePool;
  PrizePoolInput: PrizePoolInput;
  Query: Record<PropertyKey, never>;
  RankChange: PlayerRankChange;
  ReportMatchResultInput: ReportMatchResultInput;
  ReportMatchResultPayload: Omit<ReportMatchResultPayload, 'match'> & { match: ResolversParentTypes['TournamentMatch'] };
  StartTournamentInput: StartTournamentInput;
  StartTournamentPayload: Omit<StartTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  SubmitScoreInput: SubmitScoreInput;
  SubmitScorePayload: Omit<SubmitScorePayload, 'leaderboard' | 'record'> & { leaderboard: ResolversParentTypes['Leaderboard'], record: ResolversParentTypes['LeaderboardRecord'] };
  Subscription: Record<PropertyKey, never>;
  Tournament: TournamentRow;
  TournamentAnalytics: Omit<TournamentAnalytics, 'longestMatch' | 'shortestMatch'> & { longestMatch?: Maybe<ResolversParentTypes['TournamentMatch']>, shortestMatch?: Maybe<ResolversParentTypes['TournamentMatch']> };
  TournamentConnection: Omit<TournamentConnection, 'edges'> & { edges: Array<ResolversParentTypes['TournamentEdge']> };
  TournamentEdge: Omit<TournamentEdge, 'node'> & { node: ResolversParentTypes['Tournament'] };
  TournamentFormatOptions: TournamentFormatOptions;
  TournamentFormatOptionsInput: TournamentFormatOptionsInput;
  TournamentMatch: MatchRow;
  TournamentStanding: TournamentStanding;
  User: User;
}>;

export type PublicStreamDirectiveArgs = { };

export type PublicStreamDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicStreamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BracketRoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BracketRound'] = ResolversParentTypes['BracketRound']> = ResolversObject<{
  matches?: Resolver<Array<ResolversTypes['TournamentMatch']>, ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['BracketSide'], ParentType, ContextType>;
}>;

export type CancelTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CancelTournamentPayload'] = ResolversParentTypes['CancelTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type ChallengeOnLadderPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChallengeOnLadderPayload'] = ResolversParentTypes['ChallengeOnLadderPayload']> = ResolversObject<{
  match?: Resolver<ResolversTypes['TournamentMatch'], ParentType, ContextType>;
}>;

export type CreateTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateTournamentPayload'] = ResolversParentTypes['CreateTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DefineLeaderboardPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DefineLeaderboardPayload'] = ResolversParentTypes['DefineLeaderboardPayload']> = ResolversObject<{
  leaderboard?: Resolver<ResolversTypes['Leaderboard'], ParentType, ContextType>;
}>;

export type EndLadderPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EndLadderPayload'] = ResolversParentTypes['EndLadderPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type JoinTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JoinTournamentPayload'] = ResolversParentTypes['JoinTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type LeaderboardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Leaderboard'] = ResolversParentTypes['Leaderboard'], FederationReferenceType extends FederationReferenceTypes['Leaderboard'] = FederationReferenceTypes['Leaderboard']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Leaderboard']> | FederationReferenceType, FederationReferenceType, ContextType>;
  around?: Resolver<Array<ResolversTypes['LeaderboardRecord']>, ParentType, ContextType, RequireFields<LeaderboardAroundArgs, 'scope' | 'userId'>>;
  follows?: Resolver<Array<ResolversTypes['ScoreSource']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextResetAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  operator?: Resolver<ResolversTypes['ScoreOperator'], ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['LeaderboardPeriod']>, ParentType, ContextType, RequireFields<LeaderboardPeriodArgs, 'previous'>>;
  rank?: Resolver<Maybe<ResolversTypes['LeaderboardRecord']>, ParentType, ContextType, RequireFields<LeaderboardRankArgs, 'scope' | 'userId'>>;
  resetSchedule?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sortOrder?: Resolver<ResolversTypes['LeaderboardSortOrder'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  top?: Resolver<ResolversTypes['LeaderboardRecordConnection'], ParentType, ContextType, RequireFields<LeaderboardTopArgs, 'scope'>>;
}>;

export type LeaderboardPageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardPageInfo'] = ResolversParentTypes['LeaderboardPageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type LeaderboardPeriodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardPeriod'] = ResolversParentTypes['LeaderboardPeriod']> = ResolversObject<{
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  around?: Resolver<Array<ResolversTypes['LeaderboardRecord']>, ParentType, ContextType, RequireFields<LeaderboardPeriodAroundArgs, 'scope' | 'userId'>>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['LeaderboardRecord']>, ParentType, ContextType, RequireFields<LeaderboardPeriodRankArgs, 'scope' | 'userId'>>;
  recordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  top?: Resolver<ResolversTypes['LeaderboardRecordConnection'], ParentType, ContextType, RequireFields<LeaderboardPeriodTopArgs, 'scope'>>;
}>;

export type LeaderboardRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardRecord'] = ResolversParentTypes['LeaderboardRecord']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  player?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  submissions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type LeaderboardRecordConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardRecordConnection'] = ResolversParentTypes['LeaderboardRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LeaderboardRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['LeaderboardPageInfo'], ParentType, ContextType>;
}>;

export type LeaderboardRecordEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardRecordEdge'] = ResolversParentTypes['LeaderboardRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LeaderboardRecord'], ParentType, ContextType>;
}>;

export type LeaderboardUpdateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardUpdate'] = ResolversParentTypes['LeaderboardUpdate']> = ResolversObject<{
  leaderboard?: Resolver<ResolversTypes['Leaderboard'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['LeaderboardPeriod'], ParentType, ContextType>;
  reset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  top?: Resolver<Array<ResolversTypes['LeaderboardRecord']>, ParentType, ContextType>;
}>;

export type LeaveTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaveTournamentPayload'] = ResolversParentTypes['LeaveTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelTournament?: Resolver<ResolversTypes['CancelTournamentPayload'], ParentType, ContextType, RequireFields<MutationCancelTournamentArgs, 'input'>>;
  challengeOnLadder?: Resolver<ResolversTypes['ChallengeOnLadderPayload'], ParentType, ContextType, RequireFields<MutationChallengeOnLadderArgs, 'input'>>;
  createTournament?: Resolver<ResolversTypes['CreateTournamentPayload'], ParentType, ContextType, RequireFields<MutationCreateTournamentArgs, 'input'>>;
  defineLeaderboard?: Resolver<ResolversTypes['DefineLeaderboardPayload'], ParentType, ContextType, RequireFields<MutationDefineLeaderboardArgs, 'input'>>;
  endLadder?: Resolver<ResolversTypes['EndLadderPayload'], ParentType, ContextType, RequireFields<MutationEndLadderArgs, 'input'>>;
  joinTournament?: Resolver<ResolversTypes['JoinTournamentPayload'], ParentType, ContextType, RequireFields<MutationJoinTournamentArgs, 'input'>>;
  leaveTournament?: Resolver<ResolversTypes['LeaveTournamentPayload'], ParentType, ContextType, RequireFields<MutationLeaveTournamentArgs, 'input'>>;
  reportMatchResult?: Resolver<ResolversTypes['ReportMatchResultPayload'], ParentType, ContextType, RequireFields<MutationReportMatchResultArgs, 'input'>>;
  startTournament?: Resolver<ResolversTypes['StartTournamentPayload'], ParentType, ContextType, RequireFields<MutationStartTournamentArgs, 'input'>>;
  submitScore?: Resolver<ResolversTypes['SubmitScorePayload'], ParentType, ContextType, RequireFields<MutationSubmitScoreArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PrizePoolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PrizePool'] = ResolversParentTypes['PrizePool']> = ResolversObject<{
  distribution?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  feeSharePercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fixed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  leaderboard?: Resolver<Maybe<ResolversTypes['Leaderboard']>, ParentType, ContextType, RequireFields<QueryLeaderboardArgs, 'id'>>;
  leaderboards?: Resolver<Array<ResolversTypes['Leaderboard']>, ParentType, ContextType, Partial<QueryLeaderboardsArgs>>;
  searchTournaments?: Resolver<Maybe<ResolversTypes['TournamentConnection']>, ParentType, ContextType, Partial<QuerySearchTournamentsArgs>>;
  tournament?: Resolver<Maybe<ResolversTypes['Tournament']>, ParentType, ContextType, RequireFields<QueryTournamentArgs, 'id'>>;
  tournaments?: Resolver<Maybe<ResolversTypes['TournamentConnection']>, ParentType, ContextType, Partial<QueryTournamentsArgs>>;
}>;

export type RankChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RankChange'] = ResolversParentTypes['RankChange']> = ResolversObject<{
  leaderboard?: Resolver<ResolversTypes['Leaderboard'], ParentType, ContextType>;
  passedBy?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  previousRank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ReportMatchResultPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportMatchResultPayload'] = ResolversParentTypes['ReportMatchResultPayload']> = ResolversObject<{
  match?: Resolver<ResolversTypes['TournamentMatch'], ParentType, ContextType>;
}>;

export type StartTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StartTournamentPayload'] = ResolversParentTypes['StartTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type SubmitScorePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubmitScorePayload'] = ResolversParentTypes['SubmitScorePayload']> = ResolversObject<{
  leaderboard?: Resolver<ResolversTypes['Leaderboard'], ParentType, ContextType>;
  record?: Resolver<ResolversTypes['LeaderboardRecord'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  leaderboardUpdated?: SubscriptionResolver<ResolversTypes['LeaderboardUpdate'], "leaderboardUpdated", ParentType, ContextType, RequireFields<SubscriptionLeaderboardUpdatedArgs, 'id'>>;
  matchUpdated?: SubscriptionResolver<ResolversTypes['TournamentMatch'], "matchUpdated", ParentType, ContextType, RequireFields<SubscriptionMatchUpdatedArgs, 'tournamentId'>>;
  rankChanged?: SubscriptionResolver<ResolversTypes['RankChange'], "rankChanged", ParentType, ContextType, RequireFields<SubscriptionRankChangedArgs, 'leaderboardId'>>;
  tournamentUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Tournament']>, "tournamentUpdated", ParentType, ContextType, RequireFields<SubscriptionTournamentUpdatedArgs, 'id'>>;
}>;

export type TournamentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Tournament'] = ResolversParentTypes['Tournament'], FederationReferenceType extends FederationReferenceTypes['Tournament'] = FederationReferenceTypes['Tournament']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tournament']> | FederationReferenceType, FederationReferenceType, ContextType>;
  analytics?: Resolver<ResolversTypes['TournamentAnalytics'], ParentType, ContextType>;
  bracket?: Resolver<Array<ResolversTypes['BracketRound']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  entryFee?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['TournamentFormat'], ParentType, ContextType>;
  formatOptions?: Resolver<ResolversTypes['TournamentFormatOptions'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ladder?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  maxParticipants?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minParticipants?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minimumLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  participantCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prizePool?: Resolver<ResolversTypes['PrizePool'], ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  standings?: Resolver<Array<ResolversTypes['TournamentStanding']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TournamentStatus'], ParentType, ContextType>;
}>;

export type TournamentAnalyticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TournamentAnalytics'] = ResolversParentTypes['TournamentAnalytics']> = ResolversObject<{
  averageMatchDurationSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  completedMatches?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longestMatch?: Resolver<Maybe<ResolversTypes['TournamentMatch']>, ParentType, ContextType>;
  participationRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  shortestMatch?: Resolver<Maybe<ResolversTypes['TournamentMatch']>, ParentType, ContextType>;
  totalMatches?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  upsets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TournamentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TournamentConnection'] = ResolversParentTypes['TournamentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TournamentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type TournamentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TournamentEdge'] = ResolversParentTypes['TournamentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type TournamentFormatOptionsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TournamentFormatOptions'] = ResolversParentTypes['TournamentFormatOptions']> = ResolversObject<{
  bestOf?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grandFinalReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ladderChallengeRange?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  swissRounds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  thirdPlaceMatch?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type TournamentMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TournamentMatch'] = ResolversParentTypes['TournamentMatch']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  playerA?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  playerB?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  side?: Resolver<ResolversTypes['BracketSide'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TournamentMatchStatus'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type TournamentStandingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TournamentStanding'] = ResolversParentTypes['TournamentStanding']> = ResolversObject<{
  placement?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  player?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  prize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  BracketRound?: BracketRoundResolvers<ContextType>;
  CancelTournamentPayload?: CancelTournamentPayloadResolvers<ContextType>;
  ChallengeOnLadderPayload?: ChallengeOnLadderPayloadResolvers<ContextType>;
  CreateTournamentPayload?: CreateTournamentPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DefineLeaderboardPayload?: DefineLeaderboardPayloadResolvers<ContextType>;
  EndLadderPayload?: EndLadderPayloadResolvers<ContextType>;
  JoinTournamentPayload?: JoinTournamentPayloadResolvers<ContextType>;
  Leaderboard?: LeaderboardResolvers<ContextType>;
  LeaderboardPageInfo?: LeaderboardPageInfoResolvers<ContextType>;
  LeaderboardPeriod?: LeaderboardPeriodResolvers<ContextType>;
  LeaderboardRecord?: LeaderboardRecordResolvers<ContextType>;
  LeaderboardRecordConnection?: LeaderboardRecordConnectionResolvers<ContextType>;
  LeaderboardRecordEdge?: LeaderboardRecordEdgeResolvers<ContextType>;
  LeaderboardUpdate?: LeaderboardUpdateResolvers<ContextType>;
  LeaveTournamentPayload?: LeaveTournamentPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PrizePool?: PrizePoolResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RankChange?: RankChangeResolvers<ContextType>;
  ReportMatchResultPayload?: ReportMatchResultPayloadResolvers<ContextType>;
  StartTournamentPayload?: StartTournamentPayloadResolvers<ContextType>;
  SubmitScorePayload?: SubmitScorePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tournament?: TournamentResolvers<ContextType>;
  TournamentAnalytics?: TournamentAnalyticsResolvers<ContextType>;
  TournamentConnection?: TournamentConnectionResolvers<ContextType>;
  TournamentEdge?: TournamentEdgeResolvers<ContextType>;
  TournamentFormatOptions?: TournamentFormatOptionsResolvers<ContextType>;
  TournamentMatch?: TournamentMatchResolvers<ContextType>;
  TournamentStanding?: TournamentStandingResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  publicStream?: PublicStreamDirectiveResolver<any, any, ContextType>;
}>;
