import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ChatMessageRow } from '../store/chat-messages.store.js';
import type { ChatRoomRow } from '../store/chat-rooms.store.js';
import type { GuildRow, UserRef } from '../store/guilds.store.js';
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

/** Something a player said in a chat room. */
export type ChatMessage = {
  __typename?: 'ChatMessage';
  /** The player who sent it. */
  author: User;
  /**
   * Where this message sits in its room (opaque). Pass it as `messageAdded(after:)` to resume a
   * live stream from here, or as `messages(after:)` / `messages(before:)` to page from here.
   */
  cursor: Scalars['String']['output'];
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** The room it was sent in. */
  room: ChatRoom;
  /** When the message was sent. */
  sentAt: Scalars['DateTime']['output'];
  /** What was said. */
  text: Scalars['String']['output'];
};

/** A page of chat messages. */
export type ChatMessageConnection = {
  __typename?: 'ChatMessageConnection';
  /** The messages on this page, oldest first, each with its cursor. */
  edges: Array<ChatMessageEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A chat message and its cursor. */
export type ChatMessageEdge = {
  __typename?: 'ChatMessageEdge';
  /** Pass as `after` or `before` to page from here (the same value as the message's `cursor`). */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: ChatMessage;
};

/** A place where players chat. */
export type ChatRoom = {
  __typename?: 'ChatRoom';
  /** When the room was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the room is about. */
  description: Scalars['String']['output'];
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** What the room is for. */
  kind: ChatRoomKind;
  /** How many players the room holds at most. */
  maxMembers: Scalars['Int']['output'];
  /**
   * The room's messages, oldest first (the newest is last). Use `last` to read the latest ones
   * and `before` to scroll back. Readable by anyone for GLOBAL rooms; FORBIDDEN for other rooms.
   */
  messages: ChatMessageConnection;
  /** The room's name. */
  name: Scalars['String']['output'];
};


/** A place where players chat. */
export type ChatRoomMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of chat rooms. */
export type ChatRoomConnection = {
  __typename?: 'ChatRoomConnection';
  /** The rooms on this page, each with its cursor. */
  edges: Array<ChatRoomEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A chat room and its cursor. */
export type ChatRoomEdge = {
  __typename?: 'ChatRoomEdge';
  /** Pass as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The room. */
  node: ChatRoom;
};

/** What a chat room is for. */
export type ChatRoomKind =
  /** The game-wide room everyone can join. */
  | 'GLOBAL'
  /** A guild's own room. */
  | 'GUILD'
  /** A party of players playing together. */
  | 'PARTY'
  /** A private conversation. */
  | 'PRIVATE'
  /** Announcements from the game. */
  | 'SYSTEM';

/** A group of players who play, chat and fight together. */
export type Guild = {
  __typename?: 'Guild';
  /** When the guild was founded. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** How many players belong to it. */
  memberCount: Scalars['Int']['output'];
  /** The guild's unique name. */
  name: Scalars['String']['output'];
  /** The short tag shown next to members' names. */
  tag: Scalars['String']['output'];
};

/** A guild's rank for one member. */
export type GuildRole =
  /** Leads the guild; there is exactly one. */
  | 'MASTER'
  /** A full member. */
  | 'MEMBER'
  /** Helps lead: accepts members, manages the treasury. */
  | 'OFFICER'
  /** A new member on probation. */
  | 'RECRUIT'
  /** A trusted long-time member. */
  | 'VETERAN';

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Posts a message to a chat room as the signed-in player; subscribers of `messageAdded` for the
   * room receive it. Only GLOBAL rooms take messages for now. Fails with UNAUTHENTICATED when
   * signed out, BAD_USER_INPUT (extensions.field = "text") when the text breaks a rule, NOT_FOUND
   * for an unknown room and FORBIDDEN for a room the player may not write to.
   */
  sendMessage: SendMessagePayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSendMessageArgs = {
  input: SendMessageInput;
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
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /** One chat room, or null when the id is unknown. */
  chatRoom?: Maybe<ChatRoom>;
  /**
   * The chat rooms the viewer may read (for now the GLOBAL ones: other kinds open with room membership),
   * oldest first, optionally of one kind.
   */
  chatRooms?: Maybe<ChatRoomConnection>;
  /** One guild, or null when the id is unknown. */
  guild?: Maybe<Guild>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryChatRoomArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryChatRoomsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ChatRoomKind>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryGuildArgs = {
  id: Scalars['ID']['input'];
};

/** A message to post. */
export type SendMessageInput = {
  /** The room to post in. */
  roomId: Scalars['ID']['input'];
  /**
   * What to say: 1–500 characters (Unicode code points after NFC) once leading and trailing spaces
   * are trimmed. Line breaks are kept (as "\n"); control characters (ANSI escapes), text direction
   * overrides and isolates, and text that draws nothing (only zero-width or filler characters) are
   * refused with BAD_USER_INPUT (field `text`).
   */
  text: Scalars['String']['input'];
};

/** The result of sendMessage. */
export type SendMessagePayload = {
  __typename?: 'SendMessagePayload';
  /** The message, as stored. */
  message: ChatMessage;
};

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * New messages in a room, live. Pass `after` (a message's cursor) to first receive everything
   * stored after it — use it when reconnecting so nothing is missed or repeated. Open to anyone,
   * signed in or not, for GLOBAL rooms. Fails with NOT_FOUND for an unknown room, FORBIDDEN for a
   * room the viewer may not read, and BAD_USER_INPUT for a malformed cursor.
   */
  messageAdded: ChatMessage;
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionMessageAddedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};

/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type User = {
  __typename?: 'User';
  /** The guild this player belongs to, or null. */
  guild?: Maybe<Guild>;
  /** This player's rank in their guild, or null when not in one. */
  guildRole?: Maybe<GuildRole>;
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
  ChatMessage: ChatMessage;
  ChatRoom: ChatRoom;
  Guild: Guild;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ChatMessage:
    ( { __typename: 'ChatMessage' }
    & GraphQLRecursivePick<FederationTypes['ChatMessage'], {"id":true}> );
  ChatRoom:
    ( { __typename: 'ChatRoom' }
    & GraphQLRecursivePick<FederationTypes['ChatRoom'], {"id":true}> );
  Guild:
    ( { __typename: 'Guild' }
    & GraphQLRecursivePick<FederationTypes['Guild'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ChatMessage: ResolverTypeWrapper<ChatMessageRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChatMessageConnection: ResolverTypeWrapper<Omit<ChatMessageConnection, 'edges'> & { edges: Array<ResolversTypes['ChatMessageEdge']> }>;
  ChatMessageEdge: ResolverTypeWrapper<Omit<ChatMessageEdge, 'node'> & { node: ResolversTypes['ChatMessage'] }>;
  ChatRoom: ResolverTypeWrapper<ChatRoomRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ChatRoomConnection: ResolverTypeWrapper<Omit<ChatRoomConnection, 'edges'> & { edges: Array<ResolversTypes['ChatRoomEdge']> }>;
  ChatRoomEdge: ResolverTypeWrapper<Omit<ChatRoomEdge, 'node'> & { node: ResolversTypes['ChatRoom'] }>;
  ChatRoomKind: ChatRoomKind;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Guild: ResolverTypeWrapper<GuildRow>;
  GuildRole: GuildRole;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<Omit<SendMessagePayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ChatMessage: ChatMessageRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ChatMessageConnection: Omit<ChatMessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChatMessageEdge']> };
  ChatMessageEdge: Omit<ChatMessageEdge, 'node'> & { node: ResolversParentTypes['ChatMessage'] };
  ChatRoom: ChatRoomRow;
  Int: Scalars['Int']['output'];
  ChatRoomConnection: Omit<ChatRoomConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChatRoomEdge']> };
  ChatRoomEdge: Omit<ChatRoomEdge, 'node'> & { node: ResolversParentTypes['ChatRoom'] };
  DateTime: Scalars['DateTime']['output'];
  Guild: GuildRow;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: Omit<SendMessagePayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  Subscription: Record<PropertyKey, never>;
  User: UserRef;
}>;

export type PublicStreamDirectiveArgs = { };

export type PublicStreamDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicStreamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ChatMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatMessage'] = ResolversParentTypes['ChatMessage'], FederationReferenceType extends FederationReferenceTypes['ChatMessage'] = FederationReferenceTypes['ChatMessage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChatMessage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChatMessageConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatMessageConnection'] = ResolversParentTypes['ChatMessageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatMessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatMessageEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatMessageEdge'] = ResolversParentTypes['ChatMessageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type ChatRoomResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoom'] = ResolversParentTypes['ChatRoom'], FederationReferenceType extends FederationReferenceTypes['ChatRoom'] = FederationReferenceTypes['ChatRoom']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChatRoom']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChatRoomKind'], ParentType, ContextType>;
  maxMembers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['ChatMessageConnection'], ParentType, ContextType, Partial<ChatRoomMessagesArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChatRoomConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoomConnection'] = ResolversParentTypes['ChatRoomConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatRoomEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatRoomEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoomEdge'] = ResolversParentTypes['ChatRoomEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GuildResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Guild'] = ResolversParentTypes['Guild'], FederationReferenceType extends FederationReferenceTypes['Guild'] = FederationReferenceTypes['Guild']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Guild']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  chatRoom?: Resolver<Maybe<ResolversTypes['ChatRoom']>, ParentType, ContextType, RequireFields<QueryChatRoomArgs, 'id'>>;
  chatRooms?: Resolver<Maybe<ResolversTypes['ChatRoomConnection']>, ParentType, ContextType, Partial<QueryChatRoomsArgs>>;
  guild?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType, RequireFields<QueryGuildArgs, 'id'>>;
}>;

export type SendMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  messageAdded?: SubscriptionResolver<ResolversTypes['ChatMessage'], "messageAdded", ParentType, ContextType, RequireFields<SubscriptionMessageAddedArgs, 'roomId'>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  guild?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType>;
  guildRole?: Resolver<Maybe<ResolversTypes['GuildRole']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  ChatMessage?: ChatMessageResolvers<ContextType>;
  ChatMessageConnection?: ChatMessageConnectionResolvers<ContextType>;
  ChatMessageEdge?: ChatMessageEdgeResolvers<ContextType>;
  ChatRoom?: ChatRoomResolvers<ContextType>;
  ChatRoomConnection?: ChatRoomConnectionResolvers<ContextType>;
  ChatRoomEdge?: ChatRoomEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Guild?: GuildResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  publicStream?: PublicStreamDirectiveResolver<any, any, ContextType>;
}>;
