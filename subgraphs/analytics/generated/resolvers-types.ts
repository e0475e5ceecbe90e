import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RealtimeMetricsModel } from '../services/dashboard.service.js';
import type { ExperimentRow } from '../store/experiments.store.js';
import type { Variant } from '../domain/experiments.js';
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
  /**
   * Free-form JSON carried by an analytics event (`properties`, `context`). Any JSON value is
   * accepted by the schema; each event's value is then checked on its own (an object, the platform's
   * text policy on every string and key), so one bad event is rejected alone.
   */
  EventData: { input: unknown; output: unknown; }
  /** A JSON object, e.g. `{ "mode": "pvp", "enemy": "dragon" }`. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A character recommended to a player. */
export type CharacterRecommendation = {
  __typename?: 'CharacterRecommendation';
  /** Why it is recommended. */
  basis: RecommendationBasis;
  /** The character. */
  character: GameCharacter;
  /** How strongly it is recommended (see `QuestRecommendation.score`). */
  score: Scalars['Float']['output'];
};

/** A character's role in a team. */
export type CharacterRole =
  /** Deals damage up close. */
  | 'FIGHTER'
  /** Deals damage with spells. */
  | 'MAGE'
  /** Moves fast and fights from afar. */
  | 'SCOUT'
  /** Heals and helps. */
  | 'SUPPORT'
  /** Takes the hits. */
  | 'TANK';

/** A range a proportion lies in, at the stated confidence. */
export type ConfidenceInterval = {
  __typename?: 'ConfidenceInterval';
  /** Upper bound (0–1). */
  high: Scalars['Float']['output'];
  /** Lower bound (0–1). */
  low: Scalars['Float']['output'];
};

/** What happened to a conversion. */
export type ConversionOutcome =
  /** Counted before (a retry, or the goal reached again): nothing changed. */
  | 'ALREADY_COUNTED'
  /** Counted now. */
  | 'COUNTED'
  /** The experiment has ended (`endsAt` passed, or COMPLETED): not counted. */
  | 'EXPERIMENT_ENDED'
  /** The player was never exposed to the experiment: not counted. */
  | 'NOT_EXPOSED';

/** One UTC day of activity. */
export type DailyActivity = {
  __typename?: 'DailyActivity';
  /** Players with at least one event that day. */
  activePlayers: Scalars['Int']['output'];
  /** The day (midnight UTC). */
  day: Scalars['DateTime']['output'];
  /** Events that happened that day. */
  events: Scalars['Int']['output'];
  /** Players whose first event happened that day. */
  newPlayers: Scalars['Int']['output'];
};

/** An experiment to create or change. */
export type DefineExperimentInput = {
  /** What it tests (at most 1,000 characters). */
  description?: Scalars['String']['input'];
  /** When it stops (exclusive): after `startsAt`, at most 366 days later. */
  endsAt: Scalars['DateTime']['input'];
  /**
   * 1–10 goals (1–63 characters from `a–z 0–9 _`, starting with a letter); the first is the primary
   * one `experimentResults` measures by default.
   */
  goals: Array<Scalars['String']['input']>;
  /** Its key: 1–63 characters from `a–z 0–9 _ -`, starting with a letter. */
  key: Scalars['String']['input'];
  /** When it starts taking players. */
  startsAt: Scalars['DateTime']['input'];
  /** Its status; DRAFT when omitted. */
  status?: ExperimentStatus;
  /** Who may enter; every player when omitted. */
  targeting?: InputMaybe<ExperimentTargetingInput>;
  /** 2–10 variants; the first is the control. Weights add up to 100. */
  variants: Array<ExperimentVariantInput>;
};

/** What `defineExperiment` did. */
export type DefineExperimentPayload = {
  __typename?: 'DefineExperimentPayload';
  /** True when this call created it; false when it existed (changed or not). */
  created: Scalars['Boolean']['output'];
  /** The experiment as it now is. */
  experiment: Experiment;
};

/** Counts of one event over a time range. */
export type EventMetric = {
  __typename?: 'EventMetric';
  /** The count per bucket, oldest first; buckets with no events are included with count 0. */
  buckets: Array<MetricBucket>;
  /** The event's name. */
  name: Scalars['String']['output'];
  /** How many times it happened in the whole range. */
  total: Scalars['Int']['output'];
};

/**
 * Why an analytics event was refused. Event types with their own metrics label:
 * SESSION_STARTED, SESSION_COMPLETED, LEVEL_STARTED, LEVEL_COMPLETED, LEVEL_FAILED, MATCH_STARTED,
 * MATCH_COMPLETED, QUEST_STARTED, QUEST_COMPLETED, ITEM_ACQUIRED, ITEM_USED, PURCHASE_COMPLETED,
 * SCREEN_VIEWED, TUTORIAL_STEP_COMPLETED, SOCIAL_INTERACTION.
 */
export type EventRejectionReason =
  /** `context` is not an object of the documented keys and types. */
  | 'INVALID_CONTEXT'
  /** `eventId` is not 1–64 characters from `A–Z a–z 0–9 . _ : -`. */
  | 'INVALID_EVENT_ID'
  /** `eventType` is not UPPER_SNAKE_CASE of 1–64 characters. */
  | 'INVALID_EVENT_TYPE'
  /** `properties` is not a JSON object of at most 64 keys, or a known property has the wrong value. */
  | 'INVALID_PROPERTIES'
  /** `sessionId` is not 1–64 characters from `A–Z a–z 0–9 . _ : -`. */
  | 'INVALID_SESSION_ID'
  /** `timestamp` is not ISO-8601 with an offset. */
  | 'INVALID_TIMESTAMP'
  /** `userId` is not a player id, or a game server left it out. */
  | 'INVALID_USER'
  /**
   * Not an event object, a required field missing, a field of the wrong JSON type, or an unknown
   * field (`POST /ingest`).
   */
  | 'MALFORMED'
  /** A player reported an event of another player. */
  | 'NOT_YOUR_EVENT'
  /** A string or key in `properties` or `context` holds NUL, a control character or a lone surrogate. */
  | 'TEXT_POLICY'
  /** `timestamp` is more than 24 hours ahead or more than 30 days back. */
  | 'TIMESTAMP_OUT_OF_RANGE'
  /** The event is larger than 32 KB as JSON. */
  | 'TOO_LARGE';

/** How many events of one type. */
export type EventTypeCount = {
  __typename?: 'EventTypeCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The event type, e.g. `LEVEL_COMPLETED`. */
  eventType: Scalars['String']['output'];
};

/** An A/B experiment. */
export type Experiment = {
  __typename?: 'Experiment';
  /** When it was first defined. */
  createdAt: Scalars['DateTime']['output'];
  /** What it tests, for the studio. */
  description: Scalars['String']['output'];
  /** When it stops (exclusive). */
  endsAt: Scalars['DateTime']['output'];
  /** Its conversion goals; the first is the primary one. */
  goals: Array<Scalars['String']['output']>;
  /** Its key: 1–63 characters from `a–z 0–9 _ -`, starting with a letter. */
  key: Scalars['String']['output'];
  /** When it starts taking players. */
  startsAt: Scalars['DateTime']['output'];
  /** Where it is in its life. */
  status: ExperimentStatus;
  /** Who may enter. */
  targeting: ExperimentTargeting;
  /** When its definition last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its variants; the first is the control. */
  variants: Array<ExperimentVariant>;
};

/** A player's place in an experiment. */
export type ExperimentAssignment = {
  __typename?: 'ExperimentAssignment';
  /** The experiment's key. */
  experimentKey: Scalars['String']['output'];
  /** The variant's feature flags; null when the player is not in the experiment. */
  featureFlags?: Maybe<Scalars['JSONObject']['output']>;
  /** Why the player is, or is not, in the experiment. */
  reason: ExperimentAssignmentReason;
  /** The variant's key; null when the player is not in the experiment (see `reason`). */
  variant?: Maybe<Scalars['String']['output']>;
};

/** Why a player has a variant or not. */
export type ExperimentAssignmentReason =
  /** The player is in the experiment, in `variant` (an exposure is recorded). */
  | 'ASSIGNED'
  /** The experiment is not RUNNING, or this moment is outside `startsAt`–`endsAt`. */
  | 'NOT_RUNNING'
  /** The player is outside the experiment's targeting. */
  | 'NOT_TARGETED';

/** An experiment's results on one goal. */
export type ExperimentResults = {
  __typename?: 'ExperimentResults';
  /** The confidence level of the intervals: 0.95. */
  confidenceLevel: Scalars['Float']['output'];
  /** The experiment. */
  experiment: Experiment;
  /** The goal measured. */
  goal: Scalars['String']['output'];
  /** The p-value below which a difference is `significant`: 0.05. */
  significanceLevel: Scalars['Float']['output'];
  /** Every variant, in the experiment's order (the control first). */
  variants: Array<VariantResult>;
};

/** Where an experiment is in its life. */
export type ExperimentStatus =
  /** Over for good: nobody is assigned, no conversion counts, and it can no longer change. */
  | 'COMPLETED'
  /** Being prepared: nobody is assigned. */
  | 'DRAFT'
  /** Stopped for now: nobody is assigned (players keep their variant when it runs again). */
  | 'PAUSED'
  /** Players are assigned between `startsAt` and `endsAt`. */
  | 'RUNNING';

/**
 * Who may enter an experiment: every condition given must hold; none given means every player.
 * What analytics knows of a player: their sessions, their latest reported platform and country (the
 * `context` of their latest event sent to `trackEvents`), and their level (from the users service).
 */
export type ExperimentTargeting = {
  __typename?: 'ExperimentTargeting';
  /**
   * Only players whose latest event came from one of these countries (`context.location.country`,
   * ISO 3166-1 alpha-2), upper-case, without repeats, in alphabetical order.
   */
  countries?: Maybe<Array<Scalars['String']['output']>>;
  /** Only players at this level or below. */
  maxLevel?: Maybe<Scalars['Int']['output']>;
  /** Only players with fewer sessions than this (new players). */
  maxSessions?: Maybe<Scalars['Int']['output']>;
  /** Only players at this level or above. */
  minLevel?: Maybe<Scalars['Int']['output']>;
  /**
   * Only players whose latest event came from one of these platforms (`context.device.platform`),
   * lower-case, without repeats, in alphabetical order.
   */
  platforms?: Maybe<Array<Scalars['String']['output']>>;
};

/** Who may enter an experiment; leave a field out for no condition on it. */
export type ExperimentTargetingInput = {
  /** Only these countries (1–50 ISO 3166-1 alpha-2 codes; case does not matter). */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only players at this level or below (1–10,000, not below `minLevel`). */
  maxLevel?: InputMaybe<Scalars['Int']['input']>;
  /** Only players with fewer sessions than this (1–10,000): new players. */
  maxSessions?: InputMaybe<Scalars['Int']['input']>;
  /** Only players at this level or above (1–10,000). */
  minLevel?: InputMaybe<Scalars['Int']['input']>;
  /** Only these platforms (1–50 values, 1–32 characters from `a–z 0–9 _ -`; case does not matter). */
  platforms?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One variant of an experiment. */
export type ExperimentVariant = {
  __typename?: 'ExperimentVariant';
  /** What the game switches on for its players. */
  featureFlags: Scalars['JSONObject']['output'];
  /** True for the first variant, the control the others are compared with. */
  isControl: Scalars['Boolean']['output'];
  /** Its key: 1–32 characters from `a–z 0–9 _ -`, starting with a letter. */
  key: Scalars['String']['output'];
  /** Its share of the players, in whole percent. */
  weight: Scalars['Int']['output'];
};

/** One variant to define. */
export type ExperimentVariantInput = {
  /** What the game switches on for its players: a JSON object of at most 4 KB; `{}` when omitted. */
  featureFlags?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Its key: 1–32 characters from `a–z 0–9 _ -`, starting with a letter; distinct within the experiment. */
  key: Scalars['String']['input'];
  /** Its share of the players: a whole percent from 0 to 100. */
  weight: Scalars['Int']['input'];
};

/** A playable character of the game's content catalog. */
export type GameCharacter = {
  __typename?: 'GameCharacter';
  /** The character's id, as events name it in `properties.characterId`. */
  id: Scalars['ID']['output'];
  /** Its display name. */
  name: Scalars['String']['output'];
  /** Its role in a team. */
  role: CharacterRole;
};

/** One time bucket of a metric. */
export type MetricBucket = {
  __typename?: 'MetricBucket';
  /** How many times the event happened in the bucket. */
  count: Scalars['Int']['output'];
  /** When the bucket starts. */
  start: Scalars['DateTime']['output'];
};

/** The size of a metric's time buckets (UTC). */
export type MetricInterval =
  /** One bucket per UTC day. */
  | 'DAY'
  /** One bucket per hour. */
  | 'HOUR';

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Creates an experiment, or changes the one with this key. ADMIN only (`UNAUTHENTICATED`
   * anonymous, `FORBIDDEN` for everyone else).
   *
   * Checks (`BAD_USER_INPUT` naming the field, or the element at fault in a list, e.g.
   * `variants.1.weight`, `goals.0`, `targeting.platforms.2`; nothing stored): 2–10 variants with
   * distinct keys and whole-percent weights from 0 to 100 adding up to exactly 100; feature flags a
   * JSON object of at most 4 KB; 1–10 distinct goals; `endsAt` after `startsAt` and at most 366 days later; targeting
   * as described on `ExperimentTargetingInput`.
   *
   * Changing: until the first exposure anything may change. After it, only `description`, `status`,
   * `endsAt` and the variants' `featureFlags` (same variant keys and weights): a change of variants,
   * weights, targeting, `startsAt` or goals is `CONFLICT` (it would move players between variants or
   * change what was measured; define a new key instead). A COMPLETED experiment cannot change
   * (`CONFLICT`). Sending the same definition again changes nothing (`created` false), so a retry is
   * safe; two concurrent first definitions of one key create it once.
   */
  defineExperiment: DefineExperimentPayload;
  /**
   * Records that a player reached a goal of an experiment they were exposed to. Who may call: a
   * signed-in player, for themselves (`userId` omitted or their own; another id is `FORBIDDEN`); or a
   * game server with a service token holding `REPORT_GAME_EVENTS`, for the player in `userId`
   * (required). Anonymous callers get `UNAUTHENTICATED`; `NOT_FOUND` for an unknown experiment,
   * `BAD_USER_INPUT` for a goal it does not have.
   *
   * A conversion counts once per player, experiment and goal (`ALREADY_COUNTED` after that, retries
   * and concurrent calls included), for the variant the player was exposed to. A player who was never
   * exposed (never got an `ASSIGNED` answer from `experimentVariant`) is `NOT_EXPOSED`, even after the
   * end; for an exposed player, after `endsAt` or once the experiment is COMPLETED, `EXPERIMENT_ENDED`:
   * in both cases nothing is stored.
   */
  recordConversion: RecordConversionPayload;
  /**
   * Counts one custom event: a game-defined name (`tutorial_skipped`, `shop_opened`) with free-form
   * properties. It is stored with its properties, added to its hour in `customEventCounts`, and
   * counted in the Prometheus counter `analytics_custom_events_total{event="<name>", …}`.
   *
   * Prometheus labels come only from an allow-list the operator configures
   * (`ANALYTICS_CUSTOM_EVENT_LABELS`: a JSON object from property key to its allowed values; by default
   * `platform` with `ios`, `android`, `pc`, `web`, `console`): an allowed key's value becomes a label
   * (a value outside its list becomes `other`); every other key is kept in storage only. So a client
   * cannot grow the number of series without bound.
   *
   * Who may call: a signed-in player, for themselves (`userId` omitted or their own; another id is
   * `FORBIDDEN`); or a game server with a service token holding `REPORT_GAME_EVENTS`, for any player
   * or none. Anonymous callers get `UNAUTHENTICATED`, other service tokens `FORBIDDEN`.
   *
   * Checks (`BAD_USER_INPUT` naming the field, nothing stored): `name` 1–63 characters from
   * `a–z 0–9 _` starting with a letter; `properties` a JSON object of at most 32 top-level keys and
   * 4 KB of UTF-8 JSON, under the platform's text policy (no NUL, control characters or lone
   * surrogates in any key or string); `eventId` as described on the input; `userId` a player id.
   * Names are a shared, bounded set: only a game server or an ADMIN introduces a new name (by
   * reporting it first); a player reporting a name never reported before gets `BAD_USER_INPUT`
   * (field `name`). At most `ANALYTICS_CUSTOM_EVENT_NAMES_MAX` distinct names
   * exist (200 by default, shared by all replicas): a new name past it is `BAD_USER_INPUT` (extension
   * `maxNames`) and nothing is stored, while names already known keep counting.
   *
   * Retries are safe: the same `eventId` from the same caller (the player, or the game server's key)
   * is the same event, answered with `duplicate` true and counted once, concurrent retries included.
   * Rate limit: shared with `trackEvents` (each call is one event).
   */
  trackCustomEvent: TrackCustomEventPayload;
  /**
   * Reports what players did, for analytics: 1–500 events per call (an empty list or more than 500
   * is `BAD_USER_INPUT` and nothing is stored). Each event is checked on its own: the payload lists
   * every rejected event with its reason, and the others are accepted in the same call. An accepted
   * event has been durably appended to the analytics log before this answers, and is counted in
   * `realtimeMetrics` within a few seconds.
   *
   * Who may call: a signed-in player, for their own events only (`userId` omitted or their own id;
   * another player's id rejects that event with `NOT_YOUR_EVENT`), or a game server with a service
   * token holding `REPORT_GAME_EVENTS`, for any player (`userId` required; other service tokens get
   * `FORBIDDEN`). Anonymous callers get `UNAUTHENTICATED`.
   *
   * Retries are safe: an event whose `eventId` the same player already reported is counted under
   * `duplicates` and has no second effect (the same `eventId` twice in one call too).
   *
   * Rate limit: events (not calls) per caller: a player 600 per minute, a game server 200,000 per
   * 10 seconds; over it the whole call is `RATE_LIMITED` (with `retryAfterMs`) and nothing is stored.
   *
   * A request body is at most 1 MiB at the gateway unless the operator raised
   * `GATEWAY_MAX_BODY_BYTES` (larger is HTTP 413 `PAYLOAD_TOO_LARGE`): batches of large events must
   * be smaller.
   *
   * The same rules hold for `POST /ingest` at the gateway, which takes the events as a JSON array
   * (`Content-Type: application/json`, a player's or game server's `Authorization: Bearer` token) and
   * answers `{ accepted, duplicates, rejected }` with HTTP 200, or `{ errors }` with 400, 401, 403,
   * 413 or 429 for a refused call (a method other than POST, or a body that is not
   * `application/json`, is 400 `BAD_REQUEST`). There, an event GraphQL could not take (not an object, a missing
   * or non-string required field, an unknown field, a control character in a string field) is
   * rejected alone as `MALFORMED` or `TEXT_POLICY`.
   * A string anywhere in `eventId`, `userId`, `sessionId`, `eventType` or `timestamp` holding NUL, a
   * control character or a lone surrogate refuses the whole call with `BAD_USER_INPUT` (the
   * platform's text policy on every argument); in `properties` and `context` it rejects that event
   * only (`TEXT_POLICY`).
   */
  trackEvents: TrackEventsPayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDefineExperimentArgs = {
  input: DefineExperimentInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRecordConversionArgs = {
  input: RecordConversionInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationTrackCustomEventArgs = {
  input: TrackCustomEventInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationTrackEventsArgs = {
  input: TrackEventsInput;
};

/**
 * One player's personalized experience. Interactions the model learns from are these events
 * (reported through `trackEvents` or `POST /ingest`): `QUEST_STARTED` (weight 1) and
 * `QUEST_COMPLETED` (weight 3) with `properties.questId`; `MATCH_STARTED`, `LEVEL_STARTED`,
 * `QUEST_STARTED` (1) and `MATCH_COMPLETED`, `LEVEL_COMPLETED`, `QUEST_COMPLETED` (2) with
 * `properties.characterId`. Ids are the catalog's (`Quest.id`, `GameCharacter.id`); others are
 * kept but not recommended.
 */
export type PersonalizedExperience = {
  __typename?: 'PersonalizedExperience';
  /**
   * The difficulty to tune this player's content to, from 0 (easiest) to 1: a step (0.05) above
   * the mean difficulty of the catalog quests they completed, 0.2 before they completed any; at
   * least 0.3 for a player with fewer than 5 sessions.
   */
  difficultyAdjustment: Scalars['Float']['output'];
  /** The theme of most quests the player completed; null before they completed any. */
  favoriteQuestTheme?: Maybe<QuestTheme>;
  /**
   * The model these recommendations come from; null before the first training (then every
   * recommendation is by popularity, and with no data at all in catalog order).
   */
  model?: Maybe<RecommendationModel>;
  /** Fewer than 5 sessions (the one being played included). */
  newPlayer: Scalars['Boolean']['output'];
  /**
   * What each recommended quest pays this player on completion, in the same order: the quest's
   * reward, × 1.5 for a returning player (rounded to whole coins and XP). An offer to show; the
   * game grants rewards through its own reward path.
   */
  personalizedRewards: Array<PersonalizedReward>;
  /** Characters the player has not played yet, best first, chosen the same way as the quests. */
  recommendedCharacters: Array<CharacterRecommendation>;
  /**
   * Quests the player has not played yet, best first: first those players with similar tastes
   * played (`basis: COLLABORATIVE`), then the most popular (`POPULARITY`; all of them for a player
   * with no history yet). A player with fewer than 5 sessions is offered only quests of difficulty
   * 0.5 or less.
   */
  recommendedQuests: Array<QuestRecommendation>;
  /** The player's last finished session (completed, or quiet for 30 minutes) ended more than 7 days ago. */
  returningPlayer: Scalars['Boolean']['output'];
  /** Hints for the game's interface. */
  uiHints: Array<UiHint>;
  /** The player this experience is for. */
  userId: Scalars['ID']['output'];
};

/** What one recommended quest pays this player. */
export type PersonalizedReward = {
  __typename?: 'PersonalizedReward';
  /** Coins, after the multiplier. */
  coins: Scalars['Int']['output'];
  /** The personal bonus applied: 1.5 for a returning player, 1 otherwise. */
  multiplier: Scalars['Float']['output'];
  /** The quest. */
  quest: Quest;
  /** Experience points, after the multiplier. */
  xp: Scalars['Int']['output'];
};

/** Growth of the player base: players seen for the first time (their first event), per 7 days. */
export type PlayerGrowth = {
  __typename?: 'PlayerGrowth';
  /** Players first seen in the last 7 days (today and the 6 UTC days before). */
  newPlayers: Scalars['Int']['output'];
  /** Players first seen in the 7 UTC days before those. */
  previousNewPlayers: Scalars['Int']['output'];
  /**
   * (newPlayers − previousNewPlayers) ÷ previousNewPlayers, e.g. 0.25 for 25% more; null when
   * previousNewPlayers is 0.
   */
  rate?: Maybe<Scalars['Float']['output']>;
};

/** One player's analytics, from every event they reported. */
export type PlayerMetrics = {
  __typename?: 'PlayerMetrics';
  /**
   * Mean session length in seconds: from a session's first event to its `SESSION_COMPLETED` (or its
   * latest event while it runs; a `durationSeconds` reported with `SESSION_COMPLETED` moves its start
   * back).
   */
  averageSessionSeconds: Scalars['Float']['output'];
  /**
   * Engagement over the last 7 days (today and the 6 UTC days before), 0–100:
   * 100 × (0.5 × activeDays ÷ 7 + 0.25 × min(sessions ÷ 14, 1) + 0.25 × min(average session
   * minutes ÷ 30, 1)), rounded to one decimal. Sessions are those started in those days.
   */
  engagementScore: Scalars['Float']['output'];
  /** Events reported for them. */
  events: Scalars['Int']['output'];
  /** Their events by type, most frequent first. */
  eventsByType: Array<EventTypeCount>;
  /** When their first event happened. */
  firstSeenAt: Scalars['DateTime']['output'];
  /** When their latest event happened. */
  lastSeenAt: Scalars['DateTime']['output'];
  /** Their sessions (distinct `sessionId`s). */
  sessions: Scalars['Int']['output'];
  /** The player's id. */
  userId: Scalars['ID']['output'];
};

/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * How many times a custom event was counted per UTC hour in [`from`, `to`), hours without any
   * included with count 0; at most 31 days. Events count in the hour they were received (custom events
   * carry no client timestamp). ADMIN only (`UNAUTHENTICATED` anonymous, `FORBIDDEN` for everyone
   * else); `BAD_USER_INPUT` for a name that is not a custom event name or a bad range. A name never
   * counted gives zeros.
   */
  customEventCounts: EventMetric;
  /**
   * Activity per UTC day over a range (at most 366 days; `to` exclusive, as in `retentionCohorts`),
   * from the daily rollups: every day, oldest first, quiet days included with zeros; a late event
   * counts in the day it happened. ADMIN only.
   */
  dailyActivity?: Maybe<Array<DailyActivity>>;
  /**
   * How often an event happened in a time range, in buckets. For the studio's operators: ADMIN only.
   * The range spans at most 366 days for DAY buckets and 31 days for HOUR buckets.
   */
  eventMetric?: Maybe<EventMetric>;
  /**
   * One experiment as defined. For the studio's operators: ADMIN only (`UNAUTHENTICATED` anonymous,
   * `FORBIDDEN` for everyone else); null for an unknown key.
   */
  experiment?: Maybe<Experiment>;
  /**
   * How each variant converts on a goal, with a 95% confidence interval per variant and a
   * significance test of each variant against the control (the first variant). ADMIN only;
   * `NOT_FOUND` for an unknown key, `BAD_USER_INPUT` for a goal the experiment does not have.
   *
   * Method: a variant's rate is conversions ÷ exposures (players exposed, once each; a player
   * converts on a goal at most once). The interval is the Wilson score interval at 95%. The test is
   * the pooled two-proportion z-test of the variant against the control, two-sided; `significant`
   * when its p-value is below 0.05. No correction is made for comparing several variants with the
   * control or for looking at results repeatedly while the experiment runs: read results at the
   * planned end, or lower the threshold yourself.
   */
  experimentResults: ExperimentResults;
  /**
   * The signed-in player's variant of an A/B experiment, and its feature flags. Players only:
   * anonymous callers get `UNAUTHENTICATED`, service tokens `FORBIDDEN`; an unknown key is
   * `NOT_FOUND`.
   *
   * Assignment is a pure function of the player and the experiment (a SHA-256 hash of
   * `<key>:<player id>` placed on the variants' weights): the same player always gets the same variant,
   * on every replica and after restarts, and over many players the shares follow the weights.
   *
   * The default, for a player outside the experiment, is no variant: `variant` and `featureFlags`
   * are null and `reason` says why (`NOT_RUNNING`: not RUNNING or outside `startsAt`–`endsAt`;
   * `NOT_TARGETED`: the player is outside the targeting). The game then shows what it shows
   * everyone. Only an `ASSIGNED` answer records an exposure, once per player and experiment however
   * often (or concurrently) this is asked. A change to an experiment reaches this within 5 seconds.
   */
  experimentVariant: ExperimentAssignment;
  /**
   * What to show one player next: quests and characters recommended by a model trained on every
   * player's events, the difficulty to tune their content to, the rewards those quests pay them, and
   * hints for the interface. Read-only: nothing is granted or changed by asking.
   *
   * For the signed-in player (omit `userId`, or pass their own id); an ADMIN may ask for any player.
   * Anonymous callers are refused with `UNAUTHENTICATED`, a player asking for someone else and game
   * servers with `FORBIDDEN`, a malformed `userId` or a limit out of range with `BAD_USER_INPUT`. A
   * player analytics has never seen gets the cold-start experience (popular quests, starting
   * difficulty), not an error.
   *
   * How it is computed (README, "Personalization"): events count as interactions as
   * `PersonalizedExperience` says; the model (item-based collaborative filtering) is retrained every
   * 15 minutes, so a new event moves the player's own history at once (it is never recommended what
   * they already played) and everyone's similarities at the next training. Then the product's rules:
   * a player with fewer than 5 sessions gets difficulty 0.3 or more and only quests of difficulty
   * 0.5 or less; a player whose last session ended more than 7 days ago gets every reward × 1.5.
   */
  personalizedExperience?: Maybe<PersonalizedExperience>;
  /**
   * One player's analytics: sessions, session length, events by type, when last seen and their
   * engagement score. The player themselves or an ADMIN (`UNAUTHENTICATED` anonymous, `FORBIDDEN`
   * for anyone else, game servers included; `BAD_USER_INPUT` for a `userId` that is not a player
   * id); null when analytics has no event of that player.
   */
  playerMetrics?: Maybe<PlayerMetrics>;
  /**
   * The live dashboard's figures, computed from what analytics has processed (an event reported
   * through `trackEvents` is counted within about 2 seconds). For the studio's operators: ADMIN only
   * (`UNAUTHENTICATED` anonymous, `FORBIDDEN` for everyone else, and for an admin demoted with
   * `setRole` whose token still says ADMIN).
   */
  realtimeMetrics?: Maybe<RealtimeMetrics>;
  /**
   * Retention by cohort: the players first seen on each UTC day of the range, and how many of them
   * were active again exactly 1, 7 and 30 days later: one cohort per day, oldest first, a day nobody
   * was first seen included with 0 players. `from` and `to` are truncated to their UTC day
   * (`to` exclusive: the day holding `to` is included only if `to` is after its midnight); at most
   * 92 days (`BAD_USER_INPUT` on `to` past that or when `to` is not after `from`). ADMIN only.
   */
  retentionCohorts?: Maybe<Array<RetentionCohort>>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryCustomEventCountsArgs = {
  from: Scalars['DateTime']['input'];
  name: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryDailyActivityArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryEventMetricArgs = {
  from: Scalars['DateTime']['input'];
  interval?: InputMaybe<MetricInterval>;
  name: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryExperimentArgs = {
  key: Scalars['String']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryExperimentResultsArgs = {
  goal?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryExperimentVariantArgs = {
  key: Scalars['String']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryPersonalizedExperienceArgs = {
  characters?: InputMaybe<Scalars['Int']['input']>;
  quests?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryPlayerMetricsArgs = {
  userId: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryRetentionCohortsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** A quest of the game's content catalog. */
export type Quest = {
  __typename?: 'Quest';
  /** From 0 (easiest) to 1 (hardest). */
  difficulty: Scalars['Float']['output'];
  /** The quest's id, as events name it in `properties.questId`. */
  id: Scalars['ID']['output'];
  /** Its display name. */
  name: Scalars['String']['output'];
  /** What completing it pays before any personal bonus. */
  reward: QuestReward;
  /** What kind of quest it is. */
  theme: QuestTheme;
};

/** A quest recommended to a player. */
export type QuestRecommendation = {
  __typename?: 'QuestRecommendation';
  /** Why it is recommended. */
  basis: RecommendationBasis;
  /** The quest. */
  quest: Quest;
  /**
   * How strongly it is recommended, for ordering within its basis: for `COLLABORATIVE` the summed
   * similarity to what the player played (unbounded), for `POPULARITY` the share of players who
   * played it (0–1).
   */
  score: Scalars['Float']['output'];
};

/** What a quest pays. */
export type QuestReward = {
  __typename?: 'QuestReward';
  /** Coins. */
  coins: Scalars['Int']['output'];
  /** Experience points. */
  xp: Scalars['Int']['output'];
};

/** A kind of quest. */
export type QuestTheme =
  /** Fighting. */
  | 'COMBAT'
  /** Travelling and discovering places. */
  | 'EXPLORATION'
  /** Riddles and mechanisms. */
  | 'PUZZLE'
  /** Dealing with characters and factions. */
  | 'SOCIAL';

/**
 * The live dashboard. The window (`windowStart`–`windowEnd`) is ten 30-second slices: the one
 * holding this moment and the nine before it, so an event counts as soon as it is processed and the
 * window slides every 30 seconds (it has covered 4.5 to 5 minutes up to `computedAt`). Events count
 * by their `timestamp`. The live figures (players, sessions, events,
 * unlocks) are read fresh on every request; `growth`, `engagementScore` and `retention`, which move
 * by the day, are recomputed at most once a minute. `apiRequestsPerMinute` and
 * `webSocketMessagesPerSecond` come from the gateway: every gateway replica counts its traffic per
 * 10-second bucket in the shared Redis, and these figures sum every replica over the last full
 * minute.
 */
export type RealtimeMetrics = {
  __typename?: 'RealtimeMetrics';
  /** Achievements unlocked in the last 60 minutes (told by the achievements service). */
  achievementUnlocksPerHour: Scalars['Int']['output'];
  /** Players with at least one event since `windowStart`. */
  activePlayers: Scalars['Int']['output'];
  /**
   * GraphQL queries and mutations the gateway answered (over HTTP, `POST /ingest` and WebSocket;
   * answers with errors included, subscriptions not) in the last full minute: the six 10-second
   * buckets before the current one, every gateway replica together. A replica's counts reach
   * analytics within about 2 seconds; 0 when no gateway shares analytics' Redis.
   */
  apiRequestsPerMinute: Scalars['Int']['output'];
  /** When these figures were computed. */
  computedAt: Scalars['DateTime']['output'];
  /** Sessions with an event since `windowStart` and no `SESSION_COMPLETED` yet. */
  concurrentSessions: Scalars['Int']['output'];
  /**
   * The mean engagement score (see `PlayerMetrics.engagementScore`) of the players active in the
   * last 7 days (today and the 6 UTC days before); null when nobody was.
   */
  engagementScore?: Maybe<Scalars['Float']['output']>;
  /** Events in the window by type, most frequent first. */
  eventsByType: Array<EventTypeCount>;
  /**
   * Events that happened in the window, per second: their number ÷ the seconds from `windowStart`
   * to `computedAt`.
   */
  eventsPerSecond: Scalars['Float']['output'];
  /** New players of the last 7 days against the 7 days before. */
  growth: PlayerGrowth;
  /** The latest measurable D1, D7 and D30 retention. */
  retention: RetentionSnapshot;
  /**
   * Subscription events the gateway sent to clients over WebSocket per second, over the same
   * minute as `apiRequestsPerMinute` (their number ÷ 60), every gateway replica together.
   */
  webSocketMessagesPerSecond: Scalars['Float']['output'];
  /** End of the window (exclusive): the end of the current 30-second slice, after `computedAt`. */
  windowEnd: Scalars['DateTime']['output'];
  /** Start of the window: 4.5 to 5 minutes before `computedAt`, a multiple of 30 seconds. */
  windowStart: Scalars['DateTime']['output'];
};

/** Why an item is recommended. */
export type RecommendationBasis =
  /** Players who played what this player played also played it (collaborative filtering). */
  | 'COLLABORATIVE'
  /**
   * It is popular with all players: the cold-start answer, and what fills the list after the
   * collaborative picks.
   */
  | 'POPULARITY';

/** A trained recommendation model. */
export type RecommendationModel = {
  __typename?: 'RecommendationModel';
  /** How many (player, item) interactions it learned from. */
  interactions: Scalars['Int']['output'];
  /** How many players it learned from. */
  players: Scalars['Int']['output'];
  /** When it was trained. */
  trainedAt: Scalars['DateTime']['output'];
};

/** A conversion to record. */
export type RecordConversionInput = {
  /** The experiment's key. */
  experimentKey: Scalars['String']['input'];
  /** One of the experiment's goals. */
  goal: Scalars['String']['input'];
  /** The player who converted: omitted (or their own id) for a player; required for a game server. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** What `recordConversion` did. */
export type RecordConversionPayload = {
  __typename?: 'RecordConversionPayload';
  /** What happened to the conversion. */
  outcome: ConversionOutcome;
  /** The variant it counts for (also when it was already counted); null when the player was not exposed. */
  variant?: Maybe<Scalars['String']['output']>;
};

/** One event `trackEvents` refused; nothing of it was stored. */
export type RejectedEvent = {
  __typename?: 'RejectedEvent';
  /** The event's `eventId` as sent, when it was a string. */
  eventId?: Maybe<Scalars['String']['output']>;
  /** The event's field at fault, e.g. `timestamp`, `properties.durationSeconds`. */
  field?: Maybe<Scalars['String']['output']>;
  /** The event's position in the batch (0 for the first). */
  index: Scalars['Int']['output'];
  /** A sentence for the developer reading logs. */
  message: Scalars['String']['output'];
  /** Why it was refused. */
  reason: EventRejectionReason;
};

/** The players first seen on one UTC day, and how many came back. */
export type RetentionCohort = {
  __typename?: 'RetentionCohort';
  /** The cohort's day (midnight UTC). */
  day: Scalars['DateTime']['output'];
  /** Players whose first event happened that day. */
  players: Scalars['Int']['output'];
  /**
   * Retention after 1, 7 and 30 days, for each of those days that has ended (today's and later
   * days are left out).
   */
  retained: Array<RetentionPoint>;
};

/** How many players of a cohort were active again n days after its day. */
export type RetentionPoint = {
  __typename?: 'RetentionPoint';
  /** n: 1, 7 or 30. */
  day: Scalars['Int']['output'];
  /** Players of the cohort with an event on that day. */
  players: Scalars['Int']['output'];
  /** players ÷ the cohort's size (0–1); 0 for a cohort without players. */
  rate: Scalars['Float']['output'];
};

/**
 * The newest retention figures that can be measured: for Dn, the cohort of the day n + 1 days ago
 * (its day n, yesterday, is complete). A rate is null when that cohort has no players.
 */
export type RetentionSnapshot = {
  __typename?: 'RetentionSnapshot';
  /** Share (0–1) of the players first seen 2 days ago who were active yesterday. */
  day1?: Maybe<Scalars['Float']['output']>;
  /** Share (0–1) of the players first seen 8 days ago who were active yesterday. */
  day7?: Maybe<Scalars['Float']['output']>;
  /** Share (0–1) of the players first seen 31 days ago who were active yesterday. */
  day30?: Maybe<Scalars['Float']['output']>;
};

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The dashboard, live: the current `RealtimeMetrics` at once, then again each time the window
   * slides (every 30 seconds). ADMIN only: anonymous subscribers are refused with `UNAUTHENTICATED`,
   * other players with `FORBIDDEN`. The role is checked again before every update, against the
   * latest role the users service announced as well as the token's: an admin demoted with `setRole`
   * while subscribed gets a `FORBIDDEN` error instead of the next update, and the stream ends.
   */
  realtimeMetricsUpdated: RealtimeMetrics;
};

/** One custom event. */
export type TrackCustomEventInput = {
  /**
   * The event's id, generated by the client once and sent again unchanged on a retry: 1–64
   * characters from `A–Z a–z 0–9 . _ : -` (a UUID fits). Unique per caller.
   */
  eventId: Scalars['String']['input'];
  /** The event's name: 1–63 characters from `a–z 0–9 _`, starting with a letter. */
  name: Scalars['String']['input'];
  /** What it carries: a JSON object, at most 32 top-level keys and 4 KB; `{}` when omitted. */
  properties?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The player it is about: omitted (or their own id) for a player; optional for a game server. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** What `trackCustomEvent` did. */
export type TrackCustomEventPayload = {
  __typename?: 'TrackCustomEventPayload';
  /** When it was counted (its hour in `customEventCounts`); for a duplicate, when it was first counted. */
  countedAt: Scalars['DateTime']['output'];
  /** True when this `eventId` had been counted before: nothing changed. */
  duplicate: Scalars['Boolean']['output'];
  /**
   * The Prometheus labels it was counted with beside `event`: the allow-listed property keys it
   * carried, with their value or `other`.
   */
  labels: Scalars['JSONObject']['output'];
  /** The event's name. */
  name: Scalars['String']['output'];
};

/** A batch of analytics events. */
export type TrackEventsInput = {
  /** 1–500 events, in any order (timestamps decide where they count). */
  events: Array<TrackedEventInput>;
};

/** What `trackEvents` did with a batch. */
export type TrackEventsPayload = {
  __typename?: 'TrackEventsPayload';
  /** Events appended to the analytics log by this call. */
  accepted: Scalars['Int']['output'];
  /**
   * Events already reported before (same player and `eventId`), or twice in this call: valid, and
   * without a second effect.
   */
  duplicates: Scalars['Int']['output'];
  /** Events refused, each with its reason, in the order sent. Empty when every event was valid. */
  rejected: Array<RejectedEvent>;
};

/**
 * One thing a player did, as a game client or server reports it. The whole event, as JSON, may be
 * at most 32 KB (32,768 bytes of UTF-8).
 */
export type TrackedEventInput = {
  /**
   * Where it happened: a JSON object with any of `device` (object), `location` (object),
   * `appVersion` (string, at most 64 characters) and `userAgent` (string, at most 512 characters);
   * no other keys.
   */
  context?: InputMaybe<Scalars['EventData']['input']>;
  /**
   * The event's id, generated by the client once and sent again unchanged on a retry: 1–64
   * characters from `A–Z a–z 0–9 . _ : -` (a UUID fits). Unique per player: the same id from the
   * same player is the same event.
   */
  eventId: Scalars['String']['input'];
  /**
   * What happened, in UPPER_SNAKE_CASE (1–64 characters, starting with a letter), e.g.
   * `SESSION_STARTED`, `SESSION_COMPLETED`, `LEVEL_COMPLETED`, `PURCHASE_COMPLETED`. Any such name
   * is accepted; `SESSION_COMPLETED` also ends the session and counts for achievements (do not
   * report the same session to `recordGameEvents` as well). Types outside the list in
   * `EventRejectionReason`'s documentation are counted under `other` in Prometheus metrics.
   */
  eventType: Scalars['String']['input'];
  /**
   * What the event carries: a JSON object (at most 64 keys at its top level). For
   * `SESSION_COMPLETED`, an optional `durationSeconds` (a number from 0 to 86,400) says how long
   * the session lasted when the client knows better than its first event.
   */
  properties?: InputMaybe<Scalars['EventData']['input']>;
  /**
   * The play session the event belongs to, chosen by the client (1–64 characters from
   * `A–Z a–z 0–9 . _ : -`). Sessions are counted per player and id; one starts at its first event
   * and ends with its `SESSION_COMPLETED` event.
   */
  sessionId: Scalars['String']['input'];
  /**
   * When it happened: ISO-8601 with an offset (`2026-12-04T13:45:00Z`), at most 24 hours ahead of
   * the server's clock and at most 30 days back. Late events count in the day and session they
   * belong to.
   */
  timestamp: Scalars['String']['input'];
  /**
   * The player the event is about. A player may omit it (their own id is used) or give their own; a
   * game server must give it.
   */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A hint for the game's interface. */
export type UiHint =
  /** The player has fewer than 5 sessions: show onboarding tips. */
  | 'ONBOARDING_TIPS'
  /** The player has played at most one character and another is recommended: suggest trying it. */
  | 'TRY_NEW_CHARACTER'
  /** The player is back after more than 7 days: show a welcome-back screen (their rewards are × 1.5). */
  | 'WELCOME_BACK';

/** How one variant converts. */
export type VariantResult = {
  __typename?: 'VariantResult';
  /** The Wilson score interval of the rate at 95%; null without exposures. */
  confidenceInterval?: Maybe<ConfidenceInterval>;
  /** conversions ÷ exposures (0–1); null without exposures. */
  conversionRate?: Maybe<Scalars['Float']['output']>;
  /** Of those, players who reached the goal. */
  conversions: Scalars['Int']['output'];
  /** Players exposed to it. */
  exposures: Scalars['Int']['output'];
  /** True for the control. */
  isControl: Scalars['Boolean']['output'];
  /** The z-test's two-sided p-value; null when `zScore` is. */
  pValue?: Maybe<Scalars['Float']['output']>;
  /** True when `pValue` is below `significanceLevel`. */
  significant: Scalars['Boolean']['output'];
  /**
   * This rate minus the control's (absolute, e.g. 0.05 for five points more); null for the control
   * and when either has no exposures.
   */
  upliftVsControl?: Maybe<Scalars['Float']['output']>;
  /** The variant's key. */
  variant: Scalars['String']['output'];
  /**
   * The two-proportion z statistic against the control (positive: converts better); null for the
   * control, or when untestable (a group without exposures, or nobody / everybody converted in both).
   */
  zScore?: Maybe<Scalars['Float']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CharacterRecommendation: ResolverTypeWrapper<CharacterRecommendation>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CharacterRole: CharacterRole;
  ConfidenceInterval: ResolverTypeWrapper<ConfidenceInterval>;
  ConversionOutcome: ConversionOutcome;
  DailyActivity: ResolverTypeWrapper<DailyActivity>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DefineExperimentInput: DefineExperimentInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DefineExperimentPayload: ResolverTypeWrapper<Omit<DefineExperimentPayload, 'experiment'> & { experiment: ResolversTypes['Experiment'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  EventData: ResolverTypeWrapper<Scalars['EventData']['output']>;
  EventMetric: ResolverTypeWrapper<EventMetric>;
  EventRejectionReason: EventRejectionReason;
  EventTypeCount: ResolverTypeWrapper<EventTypeCount>;
  Experiment: ResolverTypeWrapper<ExperimentRow>;
  ExperimentAssignment: ResolverTypeWrapper<ExperimentAssignment>;
  ExperimentAssignmentReason: ExperimentAssignmentReason;
  ExperimentResults: ResolverTypeWrapper<Omit<ExperimentResults, 'experiment'> & { experiment: ResolversTypes['Experiment'] }>;
  ExperimentStatus: ExperimentStatus;
  ExperimentTargeting: ResolverTypeWrapper<ExperimentTargeting>;
  ExperimentTargetingInput: ExperimentTargetingInput;
  ExperimentVariant: ResolverTypeWrapper<Variant>;
  ExperimentVariantInput: ExperimentVariantInput;
  GameCharacter: ResolverTypeWrapper<GameCharacter>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  MetricBucket: ResolverTypeWrapper<MetricBucket>;
  MetricInterval: MetricInterval;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PersonalizedExperience: ResolverTypeWrapper<PersonalizedExperience>;
  PersonalizedReward: ResolverTypeWrapper<PersonalizedReward>;
  PlayerGrowth: ResolverTypeWrapper<PlayerGrowth>;
  PlayerMetrics: ResolverTypeWrapper<PlayerMetrics>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quest: ResolverTypeWrapper<Quest>;
  QuestRecommendation: ResolverTypeWrapper<QuestRecommendation>;
  QuestReward: ResolverTypeWrapper<QuestReward>;
  QuestTheme: QuestTheme;
  RealtimeMetrics: ResolverTypeWrapper<RealtimeMetricsModel>;
  RecommendationBasis: RecommendationBasis;
  RecommendationModel: ResolverTypeWrapper<RecommendationModel>;
  RecordConversionInput: RecordConversionInput;
  RecordConversionPayload: ResolverTypeWrapper<RecordConversionPayload>;
  RejectedEvent: ResolverTypeWrapper<RejectedEvent>;
  RetentionCohort: ResolverTypeWrapper<RetentionCohort>;
  RetentionPoint: ResolverTypeWrapper<RetentionPoint>;
  RetentionSnapshot: ResolverTypeWrapper<RetentionSnapshot>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TrackCustomEventInput: TrackCustomEventInput;
  TrackCustomEventPayload: ResolverTypeWrapper<TrackCustomEventPayload>;
  TrackEventsInput: TrackEventsInput;
  TrackEventsPayload: ResolverTypeWrapper<TrackEventsPayload>;
  TrackedEventInput: TrackedEventInput;
  UiHint: UiHint;
  VariantResult: ResolverTypeWrapper<VariantResult>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CharacterRecommendation: CharacterRecommendation;
  Float: Scalars['Float']['output'];
  ConfidenceInterval: ConfidenceInterval;
  DailyActivity: DailyActivity;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  DefineExperimentInput: DefineExperimentInput;
  String: Scalars['String']['output'];
  DefineExperimentPayload: Omit<DefineExperimentPayload, 'experiment'> & { experiment: ResolversParentTypes['Experiment'] };
  Boolean: Scalars['Boolean']['output'];
  EventData: Scalars['EventData']['output'];
  EventMetric: EventMetric;
  EventTypeCount: EventTypeCount;
  Experiment: ExperimentRow;
  ExperimentAssignment: ExperimentAssignment;
  ExperimentResults: Omit<ExperimentResults, 'experiment'> & { experiment: ResolversParentTypes['Experiment'] };
  ExperimentTargeting: ExperimentTargeting;
  ExperimentTargetingInput: ExperimentTargetingInput;
  ExperimentVariant: Variant;
  ExperimentVariantInput: ExperimentVariantInput;
  GameCharacter: GameCharacter;
  ID: Scalars['ID']['output'];
  JSONObject: Scalars['JSONObject']['output'];
  MetricBucket: MetricBucket;
  Mutation: Record<PropertyKey, never>;
  PersonalizedExperience: PersonalizedExperience;
  PersonalizedReward: PersonalizedReward;
  PlayerGrowth: PlayerGrowth;
  PlayerMetrics: PlayerMetrics;
  Query: Record<PropertyKey, never>;
  Quest: Quest;
  QuestRecommendation: QuestRecommendation;
  QuestReward: QuestReward;
  RealtimeMetrics: RealtimeMetricsModel;
  RecommendationModel: RecommendationModel;
  RecordConversionInput: RecordConversionInput;
  RecordConversionPayload: RecordConversionPayload;
  RejectedEvent: RejectedEvent;
  RetentionCohort: RetentionCohort;
  RetentionPoint: RetentionPoint;
  RetentionSnapshot: RetentionSnapshot;
  Subscription: Record<PropertyKey, never>;
  TrackCustomEventInput: TrackCustomEventInput;
  TrackCustomEventPayload: TrackCustomEventPayload;
  TrackEventsInput: TrackEventsInput;
  TrackEventsPayload: TrackEventsPayload;
  TrackedEventInput: TrackedEventInput;
  VariantResult: VariantResult;
}>;

export type CharacterRecommendationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CharacterRecommendation'] = ResolversParentTypes['CharacterRecommendation']> = ResolversObject<{
  basis?: Resolver<ResolversTypes['RecommendationBasis'], ParentType, ContextType>;
  character?: Resolver<ResolversTypes['GameCharacter'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type ConfidenceIntervalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConfidenceInterval'] = ResolversParentTypes['ConfidenceInterval']> = ResolversObject<{
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type DailyActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DailyActivity'] = ResolversParentTypes['DailyActivity']> = ResolversObject<{
  activePlayers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newPlayers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DefineExperimentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DefineExperimentPayload'] = ResolversParentTypes['DefineExperimentPayload']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
}>;

export interface EventDataScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['EventData'], any> {
  name: 'EventData';
}

export type EventMetricResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventMetric'] = ResolversParentTypes['EventMetric']> = ResolversObject<{
  buckets?: Resolver<Array<ResolversTypes['MetricBucket']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EventTypeCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventTypeCount'] = ResolversParentTypes['EventTypeCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ExperimentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Experiment'] = ResolversParentTypes['Experiment']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  goals?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExperimentStatus'], ParentType, ContextType>;
  targeting?: Resolver<ResolversTypes['ExperimentTargeting'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ExperimentVariant']>, ParentType, ContextType>;
}>;

export type ExperimentAssignmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExperimentAssignment'] = ResolversParentTypes['ExperimentAssignment']> = ResolversObject<{
  experimentKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  featureFlags?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ExperimentAssignmentReason'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ExperimentResultsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExperimentResults'] = ResolversParentTypes['ExperimentResults']> = ResolversObject<{
  confidenceLevel?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  goal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  significanceLevel?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['VariantResult']>, ParentType, ContextType>;
}>;

export type ExperimentTargetingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExperimentTargeting'] = ResolversParentTypes['ExperimentTargeting']> = ResolversObject<{
  countries?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  maxLevel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxSessions?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minLevel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  platforms?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
}>;

export type ExperimentVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExperimentVariant'] = ResolversParentTypes['ExperimentVariant']> = ResolversObject<{
  featureFlags?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  isControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type GameCharacterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GameCharacter'] = ResolversParentTypes['GameCharacter']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['CharacterRole'], ParentType, ContextType>;
}>;

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MetricBucketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricBucket'] = ResolversParentTypes['MetricBucket']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  defineExperiment?: Resolver<ResolversTypes['DefineExperimentPayload'], ParentType, ContextType, RequireFields<MutationDefineExperimentArgs, 'input'>>;
  recordConversion?: Resolver<ResolversTypes['RecordConversionPayload'], ParentType, ContextType, RequireFields<MutationRecordConversionArgs, 'input'>>;
  trackCustomEvent?: Resolver<ResolversTypes['TrackCustomEventPayload'], ParentType, ContextType, RequireFields<MutationTrackCustomEventArgs, 'input'>>;
  trackEvents?: Resolver<ResolversTypes['TrackEventsPayload'], ParentType, ContextType, RequireFields<MutationTrackEventsArgs, 'input'>>;
}>;

export type PersonalizedExperienceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonalizedExperience'] = ResolversParentTypes['PersonalizedExperience']> = ResolversObject<{
  difficultyAdjustment?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  favoriteQuestTheme?: Resolver<Maybe<ResolversTypes['QuestTheme']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['RecommendationModel']>, ParentType, ContextType>;
  newPlayer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  personalizedRewards?: Resolver<Array<ResolversTypes['PersonalizedReward']>, ParentType, ContextType>;
  recommendedCharacters?: Resolver<Array<ResolversTypes['CharacterRecommendation']>, ParentType, ContextType>;
  recommendedQuests?: Resolver<Array<ResolversTypes['QuestRecommendation']>, ParentType, ContextType>;
  returningPlayer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  uiHints?: Resolver<Array<ResolversTypes['UiHint']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PersonalizedRewardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonalizedReward'] = ResolversParentTypes['PersonalizedReward']> = ResolversObject<{
  coins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  multiplier?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  quest?: Resolver<ResolversTypes['Quest'], ParentType, ContextType>;
  xp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PlayerGrowthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlayerGrowth'] = ResolversParentTypes['PlayerGrowth']> = ResolversObject<{
  newPlayers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  previousNewPlayers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PlayerMetricsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlayerMetrics'] = ResolversParentTypes['PlayerMetrics']> = ResolversObject<{
  averageSessionSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  engagementScore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventsByType?: Resolver<Array<ResolversTypes['EventTypeCount']>, ParentType, ContextType>;
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  customEventCounts?: Resolver<ResolversTypes['EventMetric'], ParentType, ContextType, RequireFields<QueryCustomEventCountsArgs, 'from' | 'name' | 'to'>>;
  dailyActivity?: Resolver<Maybe<Array<ResolversTypes['DailyActivity']>>, ParentType, ContextType, RequireFields<QueryDailyActivityArgs, 'from' | 'to'>>;
  eventMetric?: Resolver<Maybe<ResolversTypes['EventMetric']>, ParentType, ContextType, RequireFields<QueryEventMetricArgs, 'from' | 'interval' | 'name' | 'to'>>;
  experiment?: Resolver<Maybe<ResolversTypes['Experiment']>, ParentType, ContextType, RequireFields<QueryExperimentArgs, 'key'>>;
  experimentResults?: Resolver<ResolversTypes['ExperimentResults'], ParentType, ContextType, RequireFields<QueryExperimentResultsArgs, 'key'>>;
  experimentVariant?: Resolver<ResolversTypes['ExperimentAssignment'], ParentType, ContextType, RequireFields<QueryExperimentVariantArgs, 'key'>>;
  personalizedExperience?: Resolver<Maybe<ResolversTypes['PersonalizedExperience']>, ParentType, ContextType, RequireFields<QueryPersonalizedExperienceArgs, 'characters' | 'quests'>>;
  playerMetrics?: Resolver<Maybe<ResolversTypes['PlayerMetrics']>, ParentType, ContextType, RequireFields<QueryPlayerMetricsArgs, 'userId'>>;
  realtimeMetrics?: Resolver<Maybe<ResolversTypes['RealtimeMetrics']>, ParentType, ContextType>;
  retentionCohorts?: Resolver<Maybe<Array<ResolversTypes['RetentionCohort']>>, ParentType, ContextType, RequireFields<QueryRetentionCohortsArgs, 'from' | 'to'>>;
}>;

export type QuestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quest'] = ResolversParentTypes['Quest']> = ResolversObject<{
  difficulty?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reward?: Resolver<ResolversTypes['QuestReward'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['QuestTheme'], ParentType, ContextType>;
}>;

export type QuestRecommendationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuestRecommendation'] = ResolversParentTypes['QuestRecommendation']> = ResolversObject<{
  basis?: Resolver<ResolversTypes['RecommendationBasis'], ParentType, ContextType>;
  quest?: Resolver<ResolversTypes['Quest'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type QuestRewardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuestReward'] = ResolversParentTypes['QuestReward']> = ResolversObject<{
  coins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  xp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RealtimeMetricsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RealtimeMetrics'] = ResolversParentTypes['RealtimeMetrics']> = ResolversObject<{
  achievementUnlocksPerHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  activePlayers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  apiRequestsPerMinute?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  computedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  concurrentSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  engagementScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  eventsByType?: Resolver<Array<ResolversTypes['EventTypeCount']>, ParentType, ContextType>;
  eventsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  growth?: Resolver<ResolversTypes['PlayerGrowth'], ParentType, ContextType>;
  retention?: Resolver<ResolversTypes['RetentionSnapshot'], ParentType, ContextType>;
  webSocketMessagesPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  windowEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  windowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type RecommendationModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecommendationModel'] = ResolversParentTypes['RecommendationModel']> = ResolversObject<{
  interactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  players?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trainedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type RecordConversionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecordConversionPayload'] = ResolversParentTypes['RecordConversionPayload']> = ResolversObject<{
  outcome?: Resolver<ResolversTypes['ConversionOutcome'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type RejectedEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RejectedEvent'] = ResolversParentTypes['RejectedEvent']> = ResolversObject<{
  eventId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['EventRejectionReason'], ParentType, ContextType>;
}>;

export type RetentionCohortResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RetentionCohort'] = ResolversParentTypes['RetentionCohort']> = ResolversObject<{
  day?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  players?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retained?: Resolver<Array<ResolversTypes['RetentionPoint']>, ParentType, ContextType>;
}>;

export type RetentionPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RetentionPoint'] = ResolversParentTypes['RetentionPoint']> = ResolversObject<{
  day?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  players?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type RetentionSnapshotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RetentionSnapshot'] = ResolversParentTypes['RetentionSnapshot']> = ResolversObject<{
  day1?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  day7?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  day30?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  realtimeMetricsUpdated?: SubscriptionResolver<ResolversTypes['RealtimeMetrics'], "realtimeMetricsUpdated", ParentType, ContextType>;
}>;

export type TrackCustomEventPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrackCustomEventPayload'] = ResolversParentTypes['TrackCustomEventPayload']> = ResolversObject<{
  countedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  labels?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TrackEventsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrackEventsPayload'] = ResolversParentTypes['TrackEventsPayload']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['RejectedEvent']>, ParentType, ContextType>;
}>;

export type VariantResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantResult'] = ResolversParentTypes['VariantResult']> = ResolversObject<{
  confidenceInterval?: Resolver<Maybe<ResolversTypes['ConfidenceInterval']>, ParentType, ContextType>;
  conversionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  conversions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exposures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  isControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  upliftVsControl?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CharacterRecommendation?: CharacterRecommendationResolvers<ContextType>;
  ConfidenceInterval?: ConfidenceIntervalResolvers<ContextType>;
  DailyActivity?: DailyActivityResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DefineExperimentPayload?: DefineExperimentPayloadResolvers<ContextType>;
  EventData?: GraphQLScalarType;
  EventMetric?: EventMetricResolvers<ContextType>;
  EventTypeCount?: EventTypeCountResolvers<ContextType>;
  Experiment?: ExperimentResolvers<ContextType>;
  ExperimentAssignment?: ExperimentAssignmentResolvers<ContextType>;
  ExperimentResults?: ExperimentResultsResolvers<ContextType>;
  ExperimentTargeting?: ExperimentTargetingResolvers<ContextType>;
  ExperimentVariant?: ExperimentVariantResolvers<ContextType>;
  GameCharacter?: GameCharacterResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  MetricBucket?: MetricBucketResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PersonalizedExperience?: PersonalizedExperienceResolvers<ContextType>;
  PersonalizedReward?: PersonalizedRewardResolvers<ContextType>;
  PlayerGrowth?: PlayerGrowthResolvers<ContextType>;
  PlayerMetrics?: PlayerMetricsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quest?: QuestResolvers<ContextType>;
  QuestRecommendation?: QuestRecommendationResolvers<ContextType>;
  QuestReward?: QuestRewardResolvers<ContextType>;
  RealtimeMetrics?: RealtimeMetricsResolvers<ContextType>;
  RecommendationModel?: RecommendationModelResolvers<ContextType>;
  RecordConversionPayload?: RecordConversionPayloadResolvers<ContextType>;
  RejectedEvent?: RejectedEventResolvers<ContextType>;
  RetentionCohort?: RetentionCohortResolvers<ContextType>;
  RetentionPoint?: RetentionPointResolvers<ContextType>;
  RetentionSnapshot?: RetentionSnapshotResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TrackCustomEventPayload?: TrackCustomEventPayloadResolvers<ContextType>;
  TrackEventsPayload?: TrackEventsPayloadResolvers<ContextType>;
  VariantResult?: VariantResultResolvers<ContextType>;
}>;

