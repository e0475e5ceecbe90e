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
  /**
   * How many players are online in the room now (a heartbeat within the last 90 seconds), leaving
   * out players hidden from the viewer by a block either way. For a signed-in player who may read
   * the room: UNAUTHENTICATED when signed out, NOT_FOUND when the viewer may not read it.
   */
  onlineCount: Scalars['Int']['output'];
  /**
   * Players online in the room now, the latest heartbeat first: at most `first` of them (50 unless
   * given, at most 100; `onlineCount` says how many there are). Players who blocked the viewer or
   * whom the viewer blocked are left out. Their profile fields (username, display name…) come from
   * the users service: when it is unavailable an entry asking for them is null, the response carries
   * an error with code SERVICE_UNAVAILABLE and `serviceName`, and the rest of the list still comes.
   * For a signed-in player who may read the room: UNAUTHENTICATED when signed out, NOT_FOUND when the
   * viewer may not read it, BAD_USER_INPUT (extensions.field = "first") when `first` is not between
   * 1 and 100.
   */
  onlineMembers: Array<Maybe<User>>;
};


/** A place where players chat. */
export type ChatRoomMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A place where players chat. */
export type ChatRoomOnlineMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** The rooms a player goes offline in. */
export type GoOfflineInput = {
  /** 1–20 rooms (repeats count once). */
  roomIds: Array<Scalars['ID']['input']>;
};

/** The result of goOffline. */
export type GoOfflinePayload = {
  __typename?: 'GoOfflinePayload';
  /** The rooms, each once, in the order given. */
  rooms: Array<ChatRoom>;
};

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

/** The rooms a heartbeat keeps the player online in. */
export type HeartbeatInput = {
  /** 1–20 rooms the player has open (repeats count once). */
  roomIds: Array<Scalars['ID']['input']>;
};

/** The result of heartbeat. */
export type HeartbeatPayload = {
  __typename?: 'HeartbeatPayload';
  /**
   * How often to send the next heartbeats, in seconds: a third of the expiry, so one lost heartbeat
   * never shows the player offline.
   */
  heartbeatIntervalSeconds: Scalars['Int']['output'];
  /** Until when the player counts as online in them without another heartbeat. */
  onlineUntil: Scalars['DateTime']['output'];
  /** The rooms, each once, in the order given. */
  rooms: Array<ChatRoom>;
};

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Marks the signed-in player offline in the given rooms now (closing the chat or the game) instead
   * of waiting for the heartbeat to expire. Each room where the player was online gets
   * `presenceChanged` with `online: false`; rooms where they were not online get nothing, so
   * repeating it is harmless.
   *
   * For a signed-in player, in rooms they may read or are still online in (a member removed since
   * their last heartbeat may still go offline). Fails with UNAUTHENTICATED when signed out;
   * BAD_USER_INPUT (extensions.field = "roomIds") for an empty list or more than 20 distinct rooms;
   * NOT_FOUND for an unknown room or any other room. A call that fails changes nothing in any room.
   */
  goOffline: GoOfflinePayload;
  /**
   * Marks the signed-in player online in the given rooms until `onlineUntil`, 90 seconds from now.
   * Send it again every `heartbeatIntervalSeconds` (30) while the player has the rooms open: a player
   * whose heartbeats stop goes offline when the 90 seconds pass (within about a second), and
   * `presenceChanged` tells the room. The heartbeat that brings a player online in a room sends
   * `presenceChanged` with `online: true` there; later ones only move the expiry, so repeating or
   * retrying a heartbeat is harmless.
   *
   * For a signed-in player who may read every room listed (GLOBAL and SYSTEM rooms; the others
   * while a member). Fails with UNAUTHENTICATED when signed out; BAD_USER_INPUT (extensions.field =
   * "roomIds") for an empty list or more than 20 distinct rooms (repeats count once); NOT_FOUND for
   * an unknown room or one the player may not read (a restricted room is never revealed to
   * non-members). A heartbeat that fails changes nothing in any room.
   */
  heartbeat: HeartbeatPayload;
  /**
   * Posts a message to a chat room as the signed-in player; subscribers of `messageAdded` for the
   * room receive it. Only GLOBAL rooms take messages for now. Fails with UNAUTHENTICATED when
   * signed out, BAD_USER_INPUT (extensions.field = "text") when the text breaks a rule, NOT_FOUND
   * for an unknown room and FORBIDDEN for a room the player may not write to.
   */
  sendMessage: SendMessagePayload;
  /**
   * Tells a room the signed-in player is typing (`typing: true`, sent as they type) or stopped
   * (`typing: false`, e.g. after sending or clearing the draft). Subscribers of `typing` get at most
   * one `typing: true` event per player per room every 3 seconds: calls in between are accepted and
   * coalesced into it (`sent: false`), never refused. Each `typing: true` event shows the player
   * typing until its `expiresAt`, 6 seconds later, unless a later event renews or ends it. A
   * `typing: false` call sends an event at once when the player's last event still shows them
   * typing, and nothing otherwise.
   *
   * For a signed-in player who may read the room. Fails with UNAUTHENTICATED when signed out and
   * NOT_FOUND for an unknown room or one the player may not read.
   */
  setTyping: SetTypingPayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationGoOfflineArgs = {
  input: GoOfflineInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationHeartbeatArgs = {
  input: HeartbeatInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSetTypingArgs = {
  input: SetTypingInput;
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

/** A player came online or went offline in a room. */
export type PresenceChange = {
  __typename?: 'PresenceChange';
  /**
   * When it happened: the heartbeat that brought them online, the `goOffline` call, or the moment
   * their last heartbeat expired (its `onlineUntil`; the event follows within about a second).
   */
  at: Scalars['DateTime']['output'];
  /** True when the player came online, false when they went offline. */
  online: Scalars['Boolean']['output'];
  /** The room. */
  roomId: Scalars['ID']['output'];
  /**
   * The player. Their profile fields come from the users service: when it is unavailable this is
   * null, the event carries an error with code SERVICE_UNAVAILABLE and `serviceName`, and the rest of
   * the event still arrives.
   */
  user?: Maybe<User>;
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

/** Whether the player is typing in a room. */
export type SetTypingInput = {
  /** The room the player types in. */
  roomId: Scalars['ID']['input'];
  /** True while typing (send it as the player types), false once they stopped. */
  typing?: Scalars['Boolean']['input'];
};

/** The result of setTyping. */
export type SetTypingPayload = {
  __typename?: 'SetTypingPayload';
  /** When a `typing: true` event sent by this call stops showing the player typing; null otherwise. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The room. */
  room: ChatRoom;
  /**
   * True when this call sent a `typing` event; false when it was coalesced into an earlier one
   * (within 3 seconds) or had nothing to change (stopping when not shown typing).
   */
  sent: Scalars['Boolean']['output'];
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
  /**
   * Players coming online and going offline in a room, live: `online: true` when a heartbeat
   * brings a player online, `online: false` when they call `goOffline` or their last heartbeat
   * expires. For each player the events alternate, starting from what `ChatRoom.onlineMembers`
   * showed: read it once subscribed to know who is online already. After the stream ends with
   * SUBSCRIPTION_INTERRUPTED, subscribe again and read `onlineMembers` again.
   *
   * For a signed-in player who may read the room, checked again for every event: a viewer who can
   * no longer read the room receives nothing more (and receives again once they may), and a player
   * never receives the events of a player they blocked or who blocked them. Fails with
   * UNAUTHENTICATED when signed out and NOT_FOUND for an unknown room or one the viewer may not
   * read.
   */
  presenceChanged: PresenceChange;
  /**
   * Players starting and stopping typing in a room, live (see `setTyping`: at most one
   * `typing: true` per player every 3 seconds, each showing them typing until its `expiresAt`).
   *
   * For a signed-in player who may read the room, checked again for every event as for
   * `presenceChanged`, blocks included. Fails with UNAUTHENTICATED when signed out and NOT_FOUND for
   * an unknown room or one the viewer may not read.
   */
  typing: TypingChange;
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionMessageAddedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionPresenceChangedArgs = {
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionTypingArgs = {
  roomId: Scalars['ID']['input'];
};

/** A player started or stopped typing in a room. */
export type TypingChange = {
  __typename?: 'TypingChange';
  /**
   * While typing: when to stop showing them typing unless another event comes first. Null when
   * they stopped.
   */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** True when the player is typing, false when they stopped. */
  typing: Scalars['Boolean']['output'];
  /**
   * The player. Null, with a SERVICE_UNAVAILABLE error, when the users service is unavailable and
   * their profile fields are asked for (as for `PresenceChange.user`).
   */
  user?: Maybe<User>;
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
  GoOfflineInput: GoOfflineInput;
  GoOfflinePayload: ResolverTypeWrapper<Omit<GoOfflinePayload, 'rooms'> & { rooms: Array<ResolversTypes['ChatRoom']> }>;
  Guild: ResolverTypeWrapper<GuildRow>;
  GuildRole: GuildRole;
  HeartbeatInput: HeartbeatInput;
  HeartbeatPayload: ResolverTypeWrapper<Omit<HeartbeatPayload, 'rooms'> & { rooms: Array<ResolversTypes['ChatRoom']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PresenceChange: ResolverTypeWrapper<Omit<PresenceChange, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<Omit<SendMessagePayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  SetTypingInput: SetTypingInput;
  SetTypingPayload: ResolverTypeWrapper<Omit<SetTypingPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TypingChange: ResolverTypeWrapper<Omit<TypingChange, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
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
  GoOfflineInput: GoOfflineInput;
  GoOfflinePayload: Omit<GoOfflinePayload, 'rooms'> & { rooms: Array<ResolversParentTypes['ChatRoom']> };
  Guild: GuildRow;
  HeartbeatInput: HeartbeatInput;
  HeartbeatPayload: Omit<HeartbeatPayload, 'rooms'> & { rooms: Array<ResolversParentTypes['ChatRoom']> };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PresenceChange: Omit<PresenceChange, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  Query: Record<PropertyKey, never>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: Omit<SendMessagePayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  SetTypingInput: SetTypingInput;
  SetTypingPayload: Omit<SetTypingPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  Subscription: Record<PropertyKey, never>;
  TypingChange: Omit<TypingChange, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
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
  onlineCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onlineMembers?: Resolver<Array<Maybe<ResolversTypes['User']>>, ParentType, ContextType, RequireFields<ChatRoomOnlineMembersArgs, 'first'>>;
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

export type GoOfflinePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GoOfflinePayload'] = ResolversParentTypes['GoOfflinePayload']> = ResolversObject<{
  rooms?: Resolver<Array<ResolversTypes['ChatRoom']>, ParentType, ContextType>;
}>;

export type GuildResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Guild'] = ResolversParentTypes['Guild'], FederationReferenceType extends FederationReferenceTypes['Guild'] = FederationReferenceTypes['Guild']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Guild']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type HeartbeatPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HeartbeatPayload'] = ResolversParentTypes['HeartbeatPayload']> = ResolversObject<{
  heartbeatIntervalSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onlineUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rooms?: Resolver<Array<ResolversTypes['ChatRoom']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  goOffline?: Resolver<ResolversTypes['GoOfflinePayload'], ParentType, ContextType, RequireFields<MutationGoOfflineArgs, 'input'>>;
  heartbeat?: Resolver<ResolversTypes['HeartbeatPayload'], ParentType, ContextType, RequireFields<MutationHeartbeatArgs, 'input'>>;
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  setTyping?: Resolver<ResolversTypes['SetTypingPayload'], ParentType, ContextType, RequireFields<MutationSetTypingArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PresenceChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PresenceChange'] = ResolversParentTypes['PresenceChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  chatRoom?: Resolver<Maybe<ResolversTypes['ChatRoom']>, ParentType, ContextType, RequireFields<QueryChatRoomArgs, 'id'>>;
  chatRooms?: Resolver<Maybe<ResolversTypes['ChatRoomConnection']>, ParentType, ContextType, Partial<QueryChatRoomsArgs>>;
  guild?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType, RequireFields<QueryGuildArgs, 'id'>>;
}>;

export type SendMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type SetTypingPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SetTypingPayload'] = ResolversParentTypes['SetTypingPayload']> = ResolversObject<{
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  messageAdded?: SubscriptionResolver<ResolversTypes['ChatMessage'], "messageAdded", ParentType, ContextType, RequireFields<SubscriptionMessageAddedArgs, 'roomId'>>;
  presenceChanged?: SubscriptionResolver<ResolversTypes['PresenceChange'], "presenceChanged", ParentType, ContextType, RequireFields<SubscriptionPresenceChangedArgs, 'roomId'>>;
  typing?: SubscriptionResolver<ResolversTypes['TypingChange'], "typing", ParentType, ContextType, RequireFields<SubscriptionTypingArgs, 'roomId'>>;
}>;

export type TypingChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TypingChange'] = ResolversParentTypes['TypingChange']> = ResolversObject<{
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
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
  GoOfflinePayload?: GoOfflinePayloadResolvers<ContextType>;
  Guild?: GuildResolvers<ContextType>;
  HeartbeatPayload?: HeartbeatPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PresenceChange?: PresenceChangeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  SetTypingPayload?: SetTypingPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TypingChange?: TypingChangeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  publicStream?: PublicStreamDirectiveResolver<any, any, ContextType>;
}>;
