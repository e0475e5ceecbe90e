import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RealtimeMetricsModel } from '../services/dashboard.service.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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
   * 413 or 429 for a refused call. There, an event GraphQL could not take (not an object, a missing
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
   * Activity per UTC day over a range (at most 366 days; `to` exclusive), from the daily rollups: a
   * late event counts in the day it happened. ADMIN only.
   */
  dailyActivity?: Maybe<Array<DailyActivity>>;
  /**
   * How often an event happened in a time range, in buckets. For the studio's operators: ADMIN only.
   * The range spans at most 366 days for DAY buckets and 31 days for HOUR buckets.
   */
  eventMetric?: Maybe<EventMetric>;
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
   * engagement score. The player themselves or an ADMIN (`FORBIDDEN` for anyone else); null when
   * analytics has no event of that player.
   */
  playerMetrics?: Maybe<PlayerMetrics>;
  /**
   * The live dashboard's figures, computed from what analytics has processed (an event reported
   * through `trackEvents` is counted within about 2 seconds). For the studio's operators: ADMIN only
   * (`UNAUTHENTICATED` anonymous, `FORBIDDEN` for everyone else).
   */
  realtimeMetrics?: Maybe<RealtimeMetrics>;
  /**
   * Retention by cohort: the players first seen on each UTC day of the range, and how many of them
   * were active again exactly 1, 7 and 30 days later. `from` and `to` are truncated to their UTC day
   * (`to` exclusive: the day holding `to` is included only if `to` is after its midnight); at most
   * 92 days. ADMIN only.
   */
  retentionCohorts?: Maybe<Array<RetentionCohort>>;
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
 * by the day, are recomputed at most once a minute. Not available yet: API requests per minute and
 * WebSocket messages per second (the gateway does not feed analytics).
 */
export type RealtimeMetrics = {
  __typename?: 'RealtimeMetrics';
  /** Achievements unlocked in the last 60 minutes (told by the achievements service). */
  achievementUnlocksPerHour: Scalars['Int']['output'];
  /** Players with at least one event since `windowStart`. */
  activePlayers: Scalars['Int']['output'];
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
  /** players ÷ the cohort's size (0–1). */
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
   * other players with `FORBIDDEN`.
   */
  realtimeMetricsUpdated: RealtimeMetrics;
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
  DailyActivity: ResolverTypeWrapper<DailyActivity>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EventData: ResolverTypeWrapper<Scalars['EventData']['output']>;
  EventMetric: ResolverTypeWrapper<EventMetric>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  EventRejectionReason: EventRejectionReason;
  EventTypeCount: ResolverTypeWrapper<EventTypeCount>;
  GameCharacter: ResolverTypeWrapper<GameCharacter>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  MetricBucket: ResolverTypeWrapper<MetricBucket>;
  MetricInterval: MetricInterval;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PersonalizedExperience: ResolverTypeWrapper<PersonalizedExperience>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
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
  RejectedEvent: ResolverTypeWrapper<RejectedEvent>;
  RetentionCohort: ResolverTypeWrapper<RetentionCohort>;
  RetentionPoint: ResolverTypeWrapper<RetentionPoint>;
  RetentionSnapshot: ResolverTypeWrapper<RetentionSnapshot>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TrackEventsInput: TrackEventsInput;
  TrackEventsPayload: ResolverTypeWrapper<TrackEventsPayload>;
  TrackedEventInput: TrackedEventInput;
  UiHint: UiHint;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CharacterRecommendation: CharacterRecommendation;
  Float: Scalars['Float']['output'];
  DailyActivity: DailyActivity;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  EventData: Scalars['EventData']['output'];
  EventMetric: EventMetric;
  String: Scalars['String']['output'];
  EventTypeCount: EventTypeCount;
  GameCharacter: GameCharacter;
  ID: Scalars['ID']['output'];
  MetricBucket: MetricBucket;
  Mutation: Record<PropertyKey, never>;
  PersonalizedExperience: PersonalizedExperience;
  Boolean: Scalars['Boolean']['output'];
  PersonalizedReward: PersonalizedReward;
  PlayerGrowth: PlayerGrowth;
  PlayerMetrics: PlayerMetrics;
  Query: Record<PropertyKey, never>;
  Quest: Quest;
  QuestRecommendation: QuestRecommendation;
  QuestReward: QuestReward;
  RealtimeMetrics: RealtimeMetricsModel;
  RecommendationModel: RecommendationModel;
  RejectedEvent: RejectedEvent;
  RetentionCohort: RetentionCohort;
  RetentionPoint: RetentionPoint;
  RetentionSnapshot: RetentionSnapshot;
  Subscription: Record<PropertyKey, never>;
  TrackEventsInput: TrackEventsInput;
  TrackEventsPayload: TrackEventsPayload;
  TrackedEventInput: TrackedEventInput;
}>;

export type CharacterRecommendationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CharacterRecommendation'] = ResolversParentTypes['CharacterRecommendation']> = ResolversObject<{
  basis?: Resolver<ResolversTypes['RecommendationBasis'], ParentType, ContextType>;
  character?: Resolver<ResolversTypes['GameCharacter'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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

export type GameCharacterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GameCharacter'] = ResolversParentTypes['GameCharacter']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['CharacterRole'], ParentType, ContextType>;
}>;

export type MetricBucketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricBucket'] = ResolversParentTypes['MetricBucket']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
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
  dailyActivity?: Resolver<Maybe<Array<ResolversTypes['DailyActivity']>>, ParentType, ContextType, RequireFields<QueryDailyActivityArgs, 'from' | 'to'>>;
  eventMetric?: Resolver<Maybe<ResolversTypes['EventMetric']>, ParentType, ContextType, RequireFields<QueryEventMetricArgs, 'from' | 'interval' | 'name' | 'to'>>;
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
  computedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  concurrentSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  engagementScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  eventsByType?: Resolver<Array<ResolversTypes['EventTypeCount']>, ParentType, ContextType>;
  eventsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  growth?: Resolver<ResolversTypes['PlayerGrowth'], ParentType, ContextType>;
  retention?: Resolver<ResolversTypes['RetentionSnapshot'], ParentType, ContextType>;
  windowEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  windowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type RecommendationModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecommendationModel'] = ResolversParentTypes['RecommendationModel']> = ResolversObject<{
  interactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  players?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trainedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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

export type TrackEventsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrackEventsPayload'] = ResolversParentTypes['TrackEventsPayload']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['RejectedEvent']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CharacterRecommendation?: CharacterRecommendationResolvers<ContextType>;
  DailyActivity?: DailyActivityResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EventData?: GraphQLScalarType;
  EventMetric?: EventMetricResolvers<ContextType>;
  EventTypeCount?: EventTypeCountResolvers<ContextType>;
  GameCharacter?: GameCharacterResolvers<ContextType>;
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
  RejectedEvent?: RejectedEventResolvers<ContextType>;
  RetentionCohort?: RetentionCohortResolvers<ContextType>;
  RetentionPoint?: RetentionPointResolvers<ContextType>;
  RetentionSnapshot?: RetentionSnapshotResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TrackEventsPayload?: TrackEventsPayloadResolvers<ContextType>;
}>;

