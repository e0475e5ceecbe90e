import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TournamentRow } from '../store/tournaments.store.js';
import type { MatchRow, RoundOf } from '../store/matches.store.js';
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

/** A new tournament. */
export type CreateTournamentInput = {
  /** At most 2,000 characters; '' when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When play is planned to end: after `startsAt`; open-ended when omitted. */
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
  /** The prize pool; none (0 fixed, no share of fees, all to first place) when omitted. */
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
   * is refunded exactly once (shortly after: durable jobs). Its organizer or an admin only:
   * UNAUTHENTICATED when signed out, FORBIDDEN otherwise. NOT_FOUND for an unknown tournament;
   * CONFLICT (field `status`) when it is already COMPLETED or CANCELLED.
   */
  cancelTournament: CancelTournamentPayload;
  /**
   * Creates a tournament, open for registration until it starts. ORGANIZER or ADMIN players only:
   * UNAUTHENTICATED when signed out, FORBIDDEN for other players and for service tokens.
   * BAD_USER_INPUT (with `field`, the input's field, dotted for nested ones such as
   * `prizePool.distribution`) for any invalid value; nothing is stored then. With a `requestKey`, a
   * retry by the same organizer returns the tournament the first request created and changes nothing
   * (even when the other fields differ).
   */
  createTournament: CreateTournamentPayload;
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
   * Safe to retry: the same result again changes nothing and answers the match. UNAUTHENTICATED when
   * signed out; FORBIDDEN for a player not in the match and a service token without the scope;
   * NOT_FOUND for an unknown match; BAD_USER_INPUT (field `winnerId`) for a winner not in the match,
   * (field `score`) for a blank score or one over 32 characters; CONFLICT (field `matchId`, with
   * `reason`): `MATCH_FINISHED` (another result was decided), `MATCH_NOT_READY` (its players are not
   * known, or it was skipped), `ALREADY_REPORTED` (the player reported another winner), `DISPUTED` (a
   * player reporting into a dispute), `NOT_IN_PROGRESS` (the tournament is not being played).
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
export type MutationCreateTournamentArgs = {
  input: CreateTournamentInput;
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
 * by final place.
 */
export type PrizePool = {
  __typename?: 'PrizePool';
  /** Percent of the pool per final place, first place first; adds up to 100. */
  distribution: Array<Scalars['Int']['output']>;
  /** Percent (0–100) of the entry fees collected that goes to the pool. */
  feeSharePercent: Scalars['Int']['output'];
  /** Coins the pool holds whatever the entry fees. */
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
   * none above the one before, adding up to 100.
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
   * Tournaments found by words of their name or description, best match first (a word in the name
   * counts more than one in the description; then the soonest start). Every word must match the
   * start of a word: `spr cup` finds "Spring Cup". Without `text`, every tournament (with the
   * filters) by start time, soonest first. Public. BAD_USER_INPUT (field `text`) for text over 100
   * characters or without a letter or digit; (field `first`) outside 0–100; (field `after`) for a
   * cursor this search did not return.
   */
  searchTournaments?: Maybe<TournamentConnection>;
  /** One tournament, or null when the id is unknown. */
  tournament?: Maybe<Tournament>;
  /** Tournaments by start time, soonest first, optionally in one status. */
  tournaments?: Maybe<TournamentConnection>;
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

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Spectator mode, public and live only (read `tournament(id) { bracket }` for the state before
   * subscribing). Each match of the tournament as it is after it changes: a result (COMPLETED), a dispute
   * (DISPUTED), a later match receiving a player or opening (READY) or being SKIPPED, a new Swiss
   * round's matches as they are paired. With `tournamentUpdated`, enough to keep a bracket view live.
   */
  matchUpdated: TournamentMatch;
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
export type SubscriptionMatchUpdatedArgs = {
  tournamentId: Scalars['ID']['input'];
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
   * robin, Swiss) in play order, its rounds in order, their matches by position. Empty before play
   * starts; Swiss shows the rounds paired so far; a ladder has none. Public.
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
  /** The most players it takes. */
  maxParticipants: Scalars['Int']['output'];
  /** The fewest players it needs to start. */
  minParticipants: Scalars['Int']['output'];
  /** The lowest player level that may register (1 lets everyone in). */
  minimumLevel: Scalars['Int']['output'];
  /** The tournament's name. */
  name: Scalars['String']['output'];
  /** Players registered now (their entry fee paid). */
  participantCount: Scalars['Int']['output'];
  /** What the winners share. */
  prizePool: PrizePool;
  /** The organizer's rules, as plain text ('' when none). */
  rules: Scalars['String']['output'];
  /**
   * The final standings, first place first, once COMPLETED (empty before): every player who played,
   * their place and the prize paid. Places: elimination formats rank by how far a player got (the
   * final's winner, then its loser; in single elimination the third-place match decides third and
   * fourth; players knocked out in the same round are ordered by seed); round robin by wins, then Sonneborn-Berger, then seed; Swiss by score, then Buchholz, then
   * Sonneborn-Berger, then seed. Public.
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
  /** SWISS: the rounds to play; null means automatic, ⌈log2(players)⌉ rounds once play starts. */
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
  /** Its name in the bracket: `W2-1` (winners' round 2, match 1), `L3-2`, `GF1`, `GF2`, `3P`, `RR4-2`, `S1-3`. */
  key: Scalars['String']['output'];
  /** The first player (the higher seed where seeds decide), or null while not known. */
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
  /** Called off; entry fees are refunded. */
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
  Tournament: Tournament;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
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
  CreateTournamentInput: CreateTournamentInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateTournamentPayload: ResolverTypeWrapper<Omit<CreateTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JoinTournamentInput: JoinTournamentInput;
  JoinTournamentPayload: ResolverTypeWrapper<Omit<JoinTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  LeaveTournamentInput: LeaveTournamentInput;
  LeaveTournamentPayload: ResolverTypeWrapper<Omit<LeaveTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PrizePool: ResolverTypeWrapper<PrizePool>;
  PrizePoolInput: PrizePoolInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReportMatchResultInput: ReportMatchResultInput;
  ReportMatchResultPayload: ResolverTypeWrapper<Omit<ReportMatchResultPayload, 'match'> & { match: ResolversTypes['TournamentMatch'] }>;
  StartTournamentInput: StartTournamentInput;
  StartTournamentPayload: ResolverTypeWrapper<Omit<StartTournamentPayload, 'tournament'> & { tournament: ResolversTypes['Tournament'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tournament: ResolverTypeWrapper<TournamentRow>;
  TournamentAnalytics: ResolverTypeWrapper<Omit<TournamentAnalytics, 'longestMatch' | 'shortestMatch'> & { longestMatch?: Maybe<ResolversTypes['TournamentMatch']>, shortestMatch?: Maybe<ResolversTypes['TournamentMatch']> }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
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
  CreateTournamentInput: CreateTournamentInput;
  String: Scalars['String']['output'];
  CreateTournamentPayload: Omit<CreateTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  DateTime: Scalars['DateTime']['output'];
  JoinTournamentInput: JoinTournamentInput;
  JoinTournamentPayload: Omit<JoinTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  LeaveTournamentInput: LeaveTournamentInput;
  LeaveTournamentPayload: Omit<LeaveTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PrizePool: PrizePool;
  PrizePoolInput: PrizePoolInput;
  Query: Record<PropertyKey, never>;
  ReportMatchResultInput: ReportMatchResultInput;
  ReportMatchResultPayload: Omit<ReportMatchResultPayload, 'match'> & { match: ResolversParentTypes['TournamentMatch'] };
  StartTournamentInput: StartTournamentInput;
  StartTournamentPayload: Omit<StartTournamentPayload, 'tournament'> & { tournament: ResolversParentTypes['Tournament'] };
  Subscription: Record<PropertyKey, never>;
  Tournament: TournamentRow;
  TournamentAnalytics: Omit<TournamentAnalytics, 'longestMatch' | 'shortestMatch'> & { longestMatch?: Maybe<ResolversParentTypes['TournamentMatch']>, shortestMatch?: Maybe<ResolversParentTypes['TournamentMatch']> };
  Float: Scalars['Float']['output'];
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

export type CreateTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateTournamentPayload'] = ResolversParentTypes['CreateTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type JoinTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JoinTournamentPayload'] = ResolversParentTypes['JoinTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type LeaveTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaveTournamentPayload'] = ResolversParentTypes['LeaveTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelTournament?: Resolver<ResolversTypes['CancelTournamentPayload'], ParentType, ContextType, RequireFields<MutationCancelTournamentArgs, 'input'>>;
  createTournament?: Resolver<ResolversTypes['CreateTournamentPayload'], ParentType, ContextType, RequireFields<MutationCreateTournamentArgs, 'input'>>;
  joinTournament?: Resolver<ResolversTypes['JoinTournamentPayload'], ParentType, ContextType, RequireFields<MutationJoinTournamentArgs, 'input'>>;
  leaveTournament?: Resolver<ResolversTypes['LeaveTournamentPayload'], ParentType, ContextType, RequireFields<MutationLeaveTournamentArgs, 'input'>>;
  reportMatchResult?: Resolver<ResolversTypes['ReportMatchResultPayload'], ParentType, ContextType, RequireFields<MutationReportMatchResultArgs, 'input'>>;
  startTournament?: Resolver<ResolversTypes['StartTournamentPayload'], ParentType, ContextType, RequireFields<MutationStartTournamentArgs, 'input'>>;
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
  searchTournaments?: Resolver<Maybe<ResolversTypes['TournamentConnection']>, ParentType, ContextType, Partial<QuerySearchTournamentsArgs>>;
  tournament?: Resolver<Maybe<ResolversTypes['Tournament']>, ParentType, ContextType, RequireFields<QueryTournamentArgs, 'id'>>;
  tournaments?: Resolver<Maybe<ResolversTypes['TournamentConnection']>, ParentType, ContextType, Partial<QueryTournamentsArgs>>;
}>;

export type ReportMatchResultPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportMatchResultPayload'] = ResolversParentTypes['ReportMatchResultPayload']> = ResolversObject<{
  match?: Resolver<ResolversTypes['TournamentMatch'], ParentType, ContextType>;
}>;

export type StartTournamentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StartTournamentPayload'] = ResolversParentTypes['StartTournamentPayload']> = ResolversObject<{
  tournament?: Resolver<ResolversTypes['Tournament'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  matchUpdated?: SubscriptionResolver<ResolversTypes['TournamentMatch'], "matchUpdated", ParentType, ContextType, RequireFields<SubscriptionMatchUpdatedArgs, 'tournamentId'>>;
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
  CreateTournamentPayload?: CreateTournamentPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JoinTournamentPayload?: JoinTournamentPayloadResolvers<ContextType>;
  LeaveTournamentPayload?: LeaveTournamentPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PrizePool?: PrizePoolResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReportMatchResultPayload?: ReportMatchResultPayloadResolvers<ContextType>;
  StartTournamentPayload?: StartTournamentPayloadResolvers<ContextType>;
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
