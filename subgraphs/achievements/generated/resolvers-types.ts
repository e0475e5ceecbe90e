import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AchievementRow, UserRef } from '../store/achievements.store.js';
import type { PlayerAchievementRow, UnlockRow } from '../store/progress.store.js';
import type { RecordedEventResult } from '../services/record-batch.service.js';
import type { NotificationRow } from '../store/notifications.store.js';
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
  /** A JSON object, e.g. `{ "mode": "pvp", "enemy": "dragon" }`. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An achievement players can unlock. */
export type Achievement = {
  __typename?: 'Achievement';
  /** What it is about. */
  category: AchievementCategory;
  /** What to do to unlock it. */
  description: Scalars['String']['output'];
  /** Hidden achievements keep their name and description secret until unlocked. */
  hidden: Scalars['Boolean']['output'];
  /** Icon identifier for the game client's asset bundle. */
  icon: Scalars['String']['output'];
  /** Stable id from the catalog, e.g. `first_blood`. */
  id: Scalars['ID']['output'];
  /** The achievement's title. */
  name: Scalars['String']['output'];
  /** Points it adds to a player's achievement score. */
  points: Scalars['Int']['output'];
  /** Achievements to unlock before this one can unlock. */
  prerequisites: Array<Achievement>;
  /** How hard it is to get. */
  rarity: Rarity;
  /** What unlocking it pays. */
  rewards: Array<AchievementReward>;
  /** The share of active players (an event in the last 30 days) who have unlocked it, 0–100. */
  unlockPercentage: Scalars['Float']['output'];
  /** How many players have unlocked it. */
  unlockedBy: Scalars['Int']['output'];
};

/** What an achievement is about. */
export type AchievementCategory =
  /** Fighting and winning. */
  | 'COMBAT'
  /** Making things. */
  | 'CREATIVE'
  /** Quests and discovering the world. */
  | 'EXPLORATION'
  /** Chat, friends, guilds. */
  | 'SOCIAL'
  /** Streaks, events and everything else. */
  | 'SPECIAL';

/** One reward paid when an achievement unlocks. */
export type AchievementReward = {
  __typename?: 'AchievementReward';
  /** How much, for XP and PREMIUM_CURRENCY; null for items. */
  amount?: Maybe<Scalars['Int']['output']>;
  /** The item's id for EXCLUSIVE_ITEM, e.g. `legendary_sword`; null otherwise. */
  itemId?: Maybe<Scalars['String']['output']>;
  /** What is paid. */
  kind: RewardKind;
};

/** Where a player stands on one achievement. */
export type AchievementStatus =
  /** Some progress, not unlocked yet. */
  | 'IN_PROGRESS'
  /** Unlocked. */
  | 'UNLOCKED';

/** An achievement a player has just unlocked. */
export type AchievementUnlock = {
  __typename?: 'AchievementUnlock';
  /** The achievement. */
  achievement: Achievement;
  /**
   * When it unlocked: when the event that completed it happened, or, for one that waited for a
   * prerequisite, when that prerequisite unlocked.
   */
  unlockedAt: Scalars['DateTime']['output'];
  /**
   * The player. Their profile fields (username, display name…) come from the users service: when it
   * is unavailable this is null, the response carries an error with code SERVICE_UNAVAILABLE and
   * `serviceName`, and the unlock itself is still answered.
   */
  user?: Maybe<User>;
};

/** Who a cache hint lets reuse a value (internal to the subgraph's cache hints; not in the public API). */
export type CacheControlScope =
  /** Only the viewer it was computed for. */
  | 'PRIVATE'
  /** Every viewer. */
  | 'PUBLIC';

/** One gameplay event from the game server. */
export type GameEventInput = {
  /** Details the rules may look at, e.g. `{ "mode": "pvp", "enemy": "dragon" }` (at most 4 KB). */
  data?: InputMaybe<Scalars['JSONObject']['input']>;
  /**
   * The game server's unique id for this event: 1–128 printable ASCII characters without spaces (a
   * UUID works; BAD_USER_INPUT otherwise). A retry with the same id is recognised and changes nothing.
   */
  id: Scalars['ID']['input'];
  /**
   * When it happened; now when omitted. At most 5 minutes in the future. Events of one call that
   * share an instant (all of them, when none carries occurredAt) are applied in the order sent: a
   * COMBAT_LOST between two COMBAT_WONs breaks the run for the wins before it, not after it.
   */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** One of the catalog's event types, e.g. `COMBAT_WON`. */
  type: Scalars['String']['input'];
  /**
   * The player it happened to. A player registered a moment ago may be reported at once: the call
   * waits (up to 5 s) until their registration has reached achievements; an id no player has is
   * refused with BAD_USER_INPUT.
   */
  userId: Scalars['ID']['input'];
};

/** Whether an event was new. */
export type GameEventStatus =
  /** Already stored earlier (a retry): nothing changed. */
  | 'DUPLICATE'
  /** Stored and evaluated now. */
  | 'RECORDED';

/** Which notifications to mark read. */
export type MarkNotificationsReadInput = {
  /** Every notification; `ids` is ignored. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * These notifications, 1–100 of them (ids of others' notifications, unknown and malformed ids are
   * ignored).
   */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The result of marking notifications read. */
export type MarkNotificationsReadPayload = {
  __typename?: 'MarkNotificationsReadPayload';
  /** How many changed from unread to read. */
  markedCount: Scalars['Int']['output'];
  /** How many stay unread. */
  unreadCount: Scalars['Int']['output'];
};

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Marks the signed-in player's notifications read: those listed in `ids`, or all of them. Marking
   * a read notification again changes nothing. Fails with UNAUTHENTICATED when signed out,
   * FORBIDDEN for a service token, and BAD_USER_INPUT (extensions.field = "ids") when neither
   * `all: true` nor 1–100 ids are given.
   */
  markNotificationsRead: MarkNotificationsReadPayload;
  /**
   * Records one gameplay event reported by the game server and evaluates every achievement it
   * concerns. Needs service credentials with the REPORT_GAME_EVENTS scope (a player gets
   * FORBIDDEN). Retrying with the same event `id` has no second effect.
   */
  recordGameEvent: RecordGameEventsPayload;
  /**
   * Records up to 500 gameplay events at once, in order, all or nothing: one invalid event rejects
   * the call (BAD_USER_INPUT naming it) and stores none. Same credentials and retry rules as
   * `recordGameEvent`. The gateway takes request bodies of up to 1 MiB (HTTP 413
   * PAYLOAD_TOO_LARGE, nothing stored): 500 events with large `data` need several calls.
   */
  recordGameEvents: RecordGameEventsPayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationMarkNotificationsReadArgs = {
  input: MarkNotificationsReadInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRecordGameEventArgs = {
  input: GameEventInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRecordGameEventsArgs = {
  input: RecordGameEventsInput;
};

/** A message in a player's inbox. */
export type Notification = {
  __typename?: 'Notification';
  /** The achievement, for ACHIEVEMENT_UNLOCKED. */
  achievement?: Maybe<Achievement>;
  /** The text to show. */
  body: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The cursor to pass as `notificationAdded(after:)` to resume after this notification. */
  cursor: Scalars['String']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: NotificationKind;
  /** How prominently to show it. */
  priority: NotificationPriority;
  /** When the player marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** A short title, e.g. `Achievement unlocked: First Blood`. */
  title: Scalars['String']['output'];
};

/** A page of notifications. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications with their cursors. */
  edges: Array<NotificationEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
};

/** One notification in a page. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Pass as `after` to continue after this one. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** What a notification is about. */
export type NotificationKind =
  /** The player unlocked an achievement. */
  | 'ACHIEVEMENT_UNLOCKED'
  /**
   * A guild war was declared on the player's guild (priority MEDIUM; the title names the attacking
   * guild as `[TAG] Name`) or by it (LOW; told to every member but the one who declared it); the
   * body says when the fighting starts and ends. The war is listed in `Guild.wars` of the player's
   * guild.
   */
  | 'GUILD_WAR_DECLARED'
  /**
   * A tournament the player played in ended: the title names it and their place, the body their
   * prize. Priority HIGH for first place, MEDIUM for other paid places, LOW otherwise.
   */
  | 'TOURNAMENT_COMPLETED';

/** How prominently the client should show a notification (from the achievement's rarity). */
export type NotificationPriority =
  /** LEGENDARY unlocks. */
  | 'HIGH'
  /** COMMON, UNCOMMON and RARE unlocks. */
  | 'LOW'
  /** EPIC unlocks. */
  | 'MEDIUM';

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

/** A player's standing on one achievement: unlocked, or in progress. */
export type PlayerAchievement = {
  __typename?: 'PlayerAchievement';
  /** The achievement. */
  achievement: Achievement;
  /**
   * Progress towards `target` (equal to it once unlocked). Streaks and rolling windows count as of
   * now: a streak whose last day was before yesterday shows 0.
   */
  current: Scalars['Float']['output'];
  /** The achievement's id. */
  id: Scalars['ID']['output'];
  /** `current` as a percentage of `target`, 0–100. */
  percent: Scalars['Float']['output'];
  /** Unlocked or in progress. */
  status: AchievementStatus;
  /** What the rule asks for, e.g. 100 wins. */
  target: Scalars['Float']['output'];
  /** When the player unlocked it; null while in progress. */
  unlockedAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /** One achievement, or null when the id is unknown. Cached like `achievements`. */
  achievement?: Maybe<Achievement>;
  /**
   * The achievement catalog, optionally filtered, in catalog order. An operation that reads only the
   * catalog's fixed fields (not `unlockedBy`, `unlockPercentage`, nor a hidden achievement's name or
   * description, which are live or per viewer) is answered with `Cache-Control: max-age=60, public`;
   * the gateway reuses such answers for every viewer until the catalog changes.
   */
  achievements?: Maybe<Array<Achievement>>;
  /**
   * The signed-in player's notification inbox, newest first. Everything stays until read, so a
   * player who was offline gets every unlock on return. UNAUTHENTICATED without a signed-in player;
   * FORBIDDEN for a service token (it acts for no player).
   */
  notifications?: Maybe<NotificationConnection>;
  /**
   * How many of the signed-in player's notifications are unread. UNAUTHENTICATED when signed out;
   * FORBIDDEN for a service token.
   */
  unreadNotificationCount?: Maybe<Scalars['Int']['output']>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryAchievementArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryAchievementsArgs = {
  category?: InputMaybe<AchievementCategory>;
  rarity?: InputMaybe<Rarity>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How hard an achievement is to get, from COMMON to LEGENDARY. */
export type Rarity =
  /** Most active players get it. */
  | 'COMMON'
  /** A serious feat. */
  | 'EPIC'
  /** Almost nobody gets it. */
  | 'LEGENDARY'
  /** Few players get it. */
  | 'RARE'
  /** Takes some dedication. */
  | 'UNCOMMON';

/** Several gameplay events. */
export type RecordGameEventsInput = {
  /** The events, applied in this order (1–500). */
  events: Array<GameEventInput>;
};

/** The result of recording gameplay events. */
export type RecordGameEventsPayload = {
  __typename?: 'RecordGameEventsPayload';
  /** One entry per event, in the order sent. */
  events: Array<RecordedGameEvent>;
};

/** What happened to one reported event. */
export type RecordedGameEvent = {
  __typename?: 'RecordedGameEvent';
  /** The event's id, as sent. */
  id: Scalars['ID']['output'];
  /** New or a retry. */
  status: GameEventStatus;
  /** Achievements this event unlocked (empty for a duplicate). */
  unlocked: Array<AchievementUnlock>;
};

/** What an unlock pays. */
export type RewardKind =
  /** An item nobody can get otherwise. */
  | 'EXCLUSIVE_ITEM'
  /** Premium currency. */
  | 'PREMIUM_CURRENCY'
  /** Experience points. */
  | 'XP';

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Progress the signed-in player makes towards achievements not yet unlocked. UNAUTHENTICATED when
   * signed out; FORBIDDEN for a service token.
   */
  achievementProgress: PlayerAchievement;
  /**
   * Each achievement the signed-in player unlocks, as it happens. UNAUTHENTICATED when signed out;
   * FORBIDDEN for a service token.
   */
  achievementUnlocked: AchievementUnlock;
  /**
   * New notifications in the signed-in player's inbox. Pass `after` (a notification's cursor) to
   * first receive everything stored after it; use it when reconnecting so nothing is missed or
   * repeated. A malformed cursor is BAD_USER_INPUT (extensions.field = "after"), and so is one with
   * more than 1,000 notifications stored after it: page them with `notifications(first:, after:)`,
   * then subscribe again from the newest cursor. UNAUTHENTICATED when signed out; FORBIDDEN for a
   * service token.
   */
  notificationAdded: Notification;
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionNotificationAddedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};

/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type User = {
  __typename?: 'User';
  /**
   * The sum of the points of this player's unlocked achievements. Null when the achievements service
   * is unavailable (an error with code SERVICE_UNAVAILABLE says so).
   */
  achievementPoints?: Maybe<Scalars['Int']['output']>;
  /**
   * This player's achievements: unlocked ones first (newest first), then those in progress (closest
   * to done first). Filter with `status`. Null when the achievements service is unavailable: the
   * response then carries an error with code SERVICE_UNAVAILABLE and `serviceName`, and the player's
   * other fields are still answered.
   */
  achievements?: Maybe<Array<PlayerAchievement>>;
  /** The player's stable, opaque id. */
  id: Scalars['ID']['output'];
};


/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type UserAchievementsArgs = {
  status?: InputMaybe<AchievementStatus>;
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
  Achievement: Achievement;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Achievement:
    ( { __typename: 'Achievement' }
    & GraphQLRecursivePick<FederationTypes['Achievement'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Achievement: ResolverTypeWrapper<AchievementRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AchievementCategory: AchievementCategory;
  AchievementReward: ResolverTypeWrapper<AchievementReward>;
  AchievementStatus: AchievementStatus;
  AchievementUnlock: ResolverTypeWrapper<UnlockRow>;
  CacheControlScope: CacheControlScope;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GameEventInput: GameEventInput;
  GameEventStatus: GameEventStatus;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  MarkNotificationsReadInput: MarkNotificationsReadInput;
  MarkNotificationsReadPayload: ResolverTypeWrapper<MarkNotificationsReadPayload>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notification: ResolverTypeWrapper<NotificationRow>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationKind: NotificationKind;
  NotificationPriority: NotificationPriority;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlayerAchievement: ResolverTypeWrapper<PlayerAchievementRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rarity: Rarity;
  RecordGameEventsInput: RecordGameEventsInput;
  RecordGameEventsPayload: ResolverTypeWrapper<Omit<RecordGameEventsPayload, 'events'> & { events: Array<ResolversTypes['RecordedGameEvent']> }>;
  RecordedGameEvent: ResolverTypeWrapper<RecordedEventResult>;
  RewardKind: RewardKind;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRef>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Achievement: AchievementRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  AchievementReward: AchievementReward;
  AchievementUnlock: UnlockRow;
  DateTime: Scalars['DateTime']['output'];
  GameEventInput: GameEventInput;
  JSONObject: Scalars['JSONObject']['output'];
  MarkNotificationsReadInput: MarkNotificationsReadInput;
  MarkNotificationsReadPayload: MarkNotificationsReadPayload;
  Mutation: Record<PropertyKey, never>;
  Notification: NotificationRow;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  PageInfo: PageInfo;
  PlayerAchievement: PlayerAchievementRow;
  Query: Record<PropertyKey, never>;
  RecordGameEventsInput: RecordGameEventsInput;
  RecordGameEventsPayload: Omit<RecordGameEventsPayload, 'events'> & { events: Array<ResolversParentTypes['RecordedGameEvent']> };
  RecordedGameEvent: RecordedEventResult;
  Subscription: Record<PropertyKey, never>;
  User: UserRef;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AchievementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Achievement'] = ResolversParentTypes['Achievement'], FederationReferenceType extends FederationReferenceTypes['Achievement'] = FederationReferenceTypes['Achievement']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Achievement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['AchievementCategory'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hidden?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  icon?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prerequisites?: Resolver<Array<ResolversTypes['Achievement']>, ParentType, ContextType>;
  rarity?: Resolver<ResolversTypes['Rarity'], ParentType, ContextType>;
  rewards?: Resolver<Array<ResolversTypes['AchievementReward']>, ParentType, ContextType>;
  unlockPercentage?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unlockedBy?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AchievementRewardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AchievementReward'] = ResolversParentTypes['AchievementReward']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  itemId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RewardKind'], ParentType, ContextType>;
}>;

export type AchievementUnlockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AchievementUnlock'] = ResolversParentTypes['AchievementUnlock']> = ResolversObject<{
  achievement?: Resolver<ResolversTypes['Achievement'], ParentType, ContextType>;
  unlockedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MarkNotificationsReadPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MarkNotificationsReadPayload'] = ResolversParentTypes['MarkNotificationsReadPayload']> = ResolversObject<{
  markedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  markNotificationsRead?: Resolver<ResolversTypes['MarkNotificationsReadPayload'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'input'>>;
  recordGameEvent?: Resolver<ResolversTypes['RecordGameEventsPayload'], ParentType, ContextType, RequireFields<MutationRecordGameEventArgs, 'input'>>;
  recordGameEvents?: Resolver<ResolversTypes['RecordGameEventsPayload'], ParentType, ContextType, RequireFields<MutationRecordGameEventsArgs, 'input'>>;
}>;

export type NotificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = ResolversObject<{
  achievement?: Resolver<Maybe<ResolversTypes['Achievement']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['NotificationPriority'], ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NotificationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PlayerAchievementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlayerAchievement'] = ResolversParentTypes['PlayerAchievement']> = ResolversObject<{
  achievement?: Resolver<ResolversTypes['Achievement'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AchievementStatus'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unlockedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  achievement?: Resolver<Maybe<ResolversTypes['Achievement']>, ParentType, ContextType, RequireFields<QueryAchievementArgs, 'id'>>;
  achievements?: Resolver<Maybe<Array<ResolversTypes['Achievement']>>, ParentType, ContextType, Partial<QueryAchievementsArgs>>;
  notifications?: Resolver<Maybe<ResolversTypes['NotificationConnection']>, ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'unreadOnly'>>;
  unreadNotificationCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type RecordGameEventsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecordGameEventsPayload'] = ResolversParentTypes['RecordGameEventsPayload']> = ResolversObject<{
  events?: Resolver<Array<ResolversTypes['RecordedGameEvent']>, ParentType, ContextType>;
}>;

export type RecordedGameEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecordedGameEvent'] = ResolversParentTypes['RecordedGameEvent']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GameEventStatus'], ParentType, ContextType>;
  unlocked?: Resolver<Array<ResolversTypes['AchievementUnlock']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  achievementProgress?: SubscriptionResolver<ResolversTypes['PlayerAchievement'], "achievementProgress", ParentType, ContextType>;
  achievementUnlocked?: SubscriptionResolver<ResolversTypes['AchievementUnlock'], "achievementUnlocked", ParentType, ContextType>;
  notificationAdded?: SubscriptionResolver<ResolversTypes['Notification'], "notificationAdded", ParentType, ContextType, Partial<SubscriptionNotificationAddedArgs>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  achievementPoints?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  achievements?: Resolver<Maybe<Array<ResolversTypes['PlayerAchievement']>>, ParentType, ContextType, Partial<UserAchievementsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Achievement?: AchievementResolvers<ContextType>;
  AchievementReward?: AchievementRewardResolvers<ContextType>;
  AchievementUnlock?: AchievementUnlockResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSONObject?: GraphQLScalarType;
  MarkNotificationsReadPayload?: MarkNotificationsReadPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PlayerAchievement?: PlayerAchievementResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordGameEventsPayload?: RecordGameEventsPayloadResolvers<ContextType>;
  RecordedGameEvent?: RecordedGameEventResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
