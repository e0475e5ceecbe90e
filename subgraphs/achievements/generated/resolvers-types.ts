import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AchievementRow, UnlockRow, UserRef } from '../store/achievements.store.js';
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
  /** How hard it is to get. */
  rarity: Rarity;
  /** What unlocking it pays. */
  rewards: Array<AchievementReward>;
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

/** An achievement a player has unlocked. */
export type PlayerAchievement = {
  __typename?: 'PlayerAchievement';
  /** The achievement. */
  achievement: Achievement;
  /** The achievement's id. */
  id: Scalars['ID']['output'];
  /** When the player unlocked it. */
  unlockedAt: Scalars['DateTime']['output'];
};

/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /** One achievement, or null when the id is unknown. */
  achievement?: Maybe<Achievement>;
  /** The achievement catalog, optionally filtered, in catalog order. */
  achievements: Array<Achievement>;
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

/** What an unlock pays. */
export type RewardKind =
  /** An item nobody can get otherwise. */
  | 'EXCLUSIVE_ITEM'
  /** Premium currency. */
  | 'PREMIUM_CURRENCY'
  /** Experience points. */
  | 'XP';

/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type User = {
  __typename?: 'User';
  /** The sum of the points of this player's unlocked achievements. */
  achievementPoints: Scalars['Int']['output'];
  /** The achievements this player has unlocked, newest first. */
  achievements: Array<PlayerAchievement>;
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
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AchievementCategory: AchievementCategory;
  AchievementReward: ResolverTypeWrapper<AchievementReward>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  PlayerAchievement: ResolverTypeWrapper<UnlockRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rarity: Rarity;
  RewardKind: RewardKind;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Achievement: AchievementRow;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AchievementReward: AchievementReward;
  DateTime: Scalars['DateTime']['output'];
  PlayerAchievement: UnlockRow;
  Query: Record<PropertyKey, never>;
  User: UserRef;
}>;

export type AchievementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Achievement'] = ResolversParentTypes['Achievement'], FederationReferenceType extends FederationReferenceTypes['Achievement'] = FederationReferenceTypes['Achievement']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Achievement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['AchievementCategory'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hidden?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  icon?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rarity?: Resolver<ResolversTypes['Rarity'], ParentType, ContextType>;
  rewards?: Resolver<Array<ResolversTypes['AchievementReward']>, ParentType, ContextType>;
}>;

export type AchievementRewardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AchievementReward'] = ResolversParentTypes['AchievementReward']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  itemId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RewardKind'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PlayerAchievementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlayerAchievement'] = ResolversParentTypes['PlayerAchievement']> = ResolversObject<{
  achievement?: Resolver<ResolversTypes['Achievement'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unlockedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  achievement?: Resolver<Maybe<ResolversTypes['Achievement']>, ParentType, ContextType, RequireFields<QueryAchievementArgs, 'id'>>;
  achievements?: Resolver<Array<ResolversTypes['Achievement']>, ParentType, ContextType, Partial<QueryAchievementsArgs>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  achievementPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  achievements?: Resolver<Array<ResolversTypes['PlayerAchievement']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Achievement?: AchievementResolvers<ContextType>;
  AchievementReward?: AchievementRewardResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  PlayerAchievement?: PlayerAchievementResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

