import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ChatMessageRow, ChatRoomEventRow } from '../store/chat-messages.store.js';
import type { ChatRoomRow } from '../store/chat-rooms.store.js';
import type { ChatMemberRow } from '../store/chat-members.store.js';
import type { ChatReportRow, ChatMuteRow } from '../store/moderation.store.js';
import type { GuildRow, GuildMemberRow, GuildJoinRequestRow, GuildNotificationRow, GuildInvitationRow, UserRef } from '../store/guilds.store.js';
import type { GuildWarRow } from '../store/guild-wars.store.js';
import type { ContributionDriveRow } from '../store/guild-drives.store.js';
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
   * A whole number sent as a JSON number, exact within ±9,007,199,254,740,991 (±(2^53 − 1), the
   * integers every JSON parser reads without rounding). Used for amounts that can pass `Int`'s
   * 2,147,483,647.
   */
  SafeInt: { input: number; output: number | bigint; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What `acceptGuildInvitation` answers. */
export type AcceptGuildInvitationPayload = {
  __typename?: 'AcceptGuildInvitationPayload';
  /** The guild. */
  guild: Guild;
  /** The new member. */
  member: GuildMember;
};

/** What `approveGuildJoinRequest` answers. */
export type ApproveGuildJoinRequestPayload = {
  __typename?: 'ApproveGuildJoinRequestPayload';
  /** The guild. */
  guild: Guild;
  /** The new member. */
  member: GuildMember;
};

/** What `cancelGuildJoinRequest` answers. */
export type CancelGuildJoinRequestPayload = {
  __typename?: 'CancelGuildJoinRequestPayload';
  /** The withdrawn request's id. */
  requestId: Scalars['ID']['output'];
};

/** What `promoteGuildMember` and `demoteGuildMember` answer. */
export type ChangeGuildRankPayload = {
  __typename?: 'ChangeGuildRankPayload';
  /** The guild. */
  guild: Guild;
  /** The member with their new rank. */
  member: GuildMember;
};

/** A member's place in a room. */
export type ChatMemberRole =
  /** A member. */
  | 'MEMBER'
  /** Owns the party: invites, kicks, mutes and changes its settings. */
  | 'OWNER';

/** Something said in a chat room. */
export type ChatMessage = {
  __typename?: 'ChatMessage';
  /**
   * The player who sent it; null for messages the platform posted, and (with a SERVICE_UNAVAILABLE
   * error naming `serviceName`) when the users service is unavailable and their profile fields are
   * asked for.
   */
  author?: Maybe<User>;
  /**
   * Where this message sits in its room (opaque). Pass it as `messageAdded(after:)` to resume a
   * live stream from here, or as `messages(after:)` / `messages(before:)` to page from here, or as
   * `markRead(upTo:)`.
   */
  cursor: Scalars['String']['output'];
  /** When it was deleted, or null: a deleted message is a tombstone that keeps its place. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was last edited, or null. */
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** Who or what posted it. */
  kind: ChatMessageKind;
  /**
   * What the author typed, when it differs from `text` (masked, or deleted since). Visible to
   * MODERATOR and ADMIN players only; null for everyone else, and when nothing differs.
   */
  originalText?: Maybe<Scalars['String']['output']>;
  /** The room it was sent in. */
  room: ChatRoom;
  /** When the message was sent. */
  sentAt: Scalars['DateTime']['output'];
  /** The player a MEMBER_JOINED message is about; null for other kinds. */
  subject?: Maybe<User>;
  /** What was said, with words on the profanity list masked by `*`; empty once deleted. */
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

/** Who or what posted a message. */
export type ChatMessageKind =
  /** An announcement from the platform. */
  | 'ANNOUNCEMENT'
  /** The platform's "<name> joined the room" (`subject` is the player). */
  | 'MEMBER_JOINED'
  /** A player wrote it (`author`). */
  | 'PLAYER';

/** A player muted in a room. */
export type ChatMute = {
  __typename?: 'ChatMute';
  /** Who muted them. */
  mutedBy: User;
  /** The room. */
  room: ChatRoom;
  /** When the mute ends. */
  until: Scalars['DateTime']['output'];
  /**
   * The muted player. Null, with a SERVICE_UNAVAILABLE error (`serviceName`), when the users service is unavailable
   * and their profile fields are asked for; the rest of the answer still arrives.
   */
  user?: Maybe<User>;
};

/** Who may post in a room with sendMessage. */
export type ChatPostPolicy =
  /** Every member (in GLOBAL rooms, every signed-in player). */
  | 'MEMBERS'
  /** Moderators and admins only. */
  | 'MODERATORS'
  /** Nobody: only the platform posts (SYSTEM rooms). */
  | 'NOBODY';

/** How far a member has read a room. */
export type ChatReadReceipt = {
  __typename?: 'ChatReadReceipt';
  /** The cursor of the newest message they have read, or null before any. */
  lastReadCursor?: Maybe<Scalars['String']['output']>;
  /** When they last moved their read mark, or null before any. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The member. Null, with a SERVICE_UNAVAILABLE error (`serviceName`), when the users service is unavailable
   * and their profile fields are asked for; the rest of the answer still arrives.
   */
  user?: Maybe<User>;
};

/** A player's report of a message. */
export type ChatReport = {
  __typename?: 'ChatReport';
  /** When it was reported. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** The reported message (with `originalText` for moderators). */
  message: ChatMessage;
  /** Why they reported it. */
  reason: Scalars['String']['output'];
  /** The player who reported it. */
  reporter: User;
  /** The moderator's note, or null. */
  resolution?: Maybe<Scalars['String']['output']>;
  /** When a moderator resolved it, or null. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The moderator who resolved it, or null. */
  resolvedBy?: Maybe<User>;
  /** Open or resolved. */
  status: ChatReportStatus;
};

/** A page of reports. */
export type ChatReportConnection = {
  __typename?: 'ChatReportConnection';
  /** The reports on this page, oldest first, each with its cursor. */
  edges: Array<ChatReportEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A report and its cursor. */
export type ChatReportEdge = {
  __typename?: 'ChatReportEdge';
  /** Pass as `after` to page from here. */
  cursor: Scalars['String']['output'];
  /** The report. */
  node: ChatReport;
};

/** Where a report is in the moderation queue. */
export type ChatReportStatus =
  /** Waiting for a moderator. */
  | 'OPEN'
  /** A moderator closed it. */
  | 'RESOLVED';

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
  /** How many players are members now (those who joined; GLOBAL rooms are open to non-members too). */
  memberCount: Scalars['Int']['output'];
  /**
   * The room's members, longest-standing first (at most `first`, 100 at most, 50 unless given), for
   * GUILD, PARTY and PRIVATE rooms; empty for GLOBAL and SYSTEM rooms. Fails with BAD_USER_INPUT
   * (extensions.field = "first") outside 0–100.
   */
  members: Array<ChatRoomMember>;
  /**
   * The room's messages, oldest first (the newest is last). Use `last` to read the latest ones
   * and `before` to scroll back. Deleted messages keep their place as tombstones. Readable by anyone
   * for GLOBAL and SYSTEM rooms, by members for the others (the room itself is not visible to anyone
   * else). Fails with BAD_USER_INPUT (extensions.field names the argument) for a malformed cursor or a
   * page size outside 0–100.
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
  /** Who may post here with sendMessage. */
  postPolicy: ChatPostPolicy;
  /**
   * How far the other members have read: in a PRIVATE room, the other player's read mark; empty in
   * other rooms.
   */
  readReceipts: Array<ChatReadReceipt>;
  /**
   * Seconds a player other than moderators and admins must wait between their messages here (0: no
   * slow mode).
   */
  slowModeSeconds: Scalars['Int']['output'];
  /** The viewer's own membership, or null when signed out or not a member. */
  viewerMembership?: Maybe<ChatRoomMember>;
};


/** A place where players chat. */
export type ChatRoomMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** One event of a room's stream. */
export type ChatRoomEvent = {
  __typename?: 'ChatRoomEvent';
  /** Where this event sits in the room's stream (opaque): pass it as `chatRoomEvents(after:)` to resume. */
  cursor: Scalars['String']['output'];
  /** The message as it is now. */
  message: ChatMessage;
  /** What happened. */
  type: ChatRoomEventType;
};

/** What happened to a message, in `chatRoomEvents`. */
export type ChatRoomEventType =
  /** The message was posted. */
  | 'ADDED'
  /** The message was deleted (it is a tombstone now). */
  | 'DELETED'
  /** The message was edited. */
  | 'EDITED';

/** What a chat room is for. */
export type ChatRoomKind =
  /** The game-wide room everyone can read and post in. */
  | 'GLOBAL'
  /** A guild's own room: its members only, kept in step with the guild. */
  | 'GUILD'
  /** A party of players playing together: created by a player, invite-only. */
  | 'PARTY'
  /** A private conversation between exactly two players. */
  | 'PRIVATE'
  /** Announcements from the game: everyone reads, only the platform posts. */
  | 'SYSTEM';

/** A player's membership of a room. */
export type ChatRoomMember = {
  __typename?: 'ChatRoomMember';
  /** When the player joined. */
  joinedAt: Scalars['DateTime']['output'];
  /** OWNER for a party's owner, MEMBER otherwise. */
  role: ChatMemberRole;
  /**
   * The player. Null, with a SERVICE_UNAVAILABLE error (`serviceName`), when the users service is unavailable
   * and their profile fields are asked for; the rest of the answer still arrives.
   */
  user?: Maybe<User>;
};

/** What `contributeToGuild` needs. */
export type ContributeToGuildInput = {
  /** Coins to pay in, 1 to 1,000,000. */
  coins: Scalars['Int']['input'];
  /**
   * The client's key for this contribution (8–100 letters, digits, "-", "_", ":", "."): the same
   * key again is the same contribution.
   */
  requestKey: Scalars['String']['input'];
};

/** What `contributeToGuild` answers. */
export type ContributeToGuildPayload = {
  __typename?: 'ContributeToGuildPayload';
  /** The guild with its new XP and level. */
  guild: Guild;
};

/** A guild's drive to raise a goal of coins before a deadline (see `startContributionDrive`). */
export type ContributionDrive = {
  __typename?: 'ContributionDrive';
  /** The guild XP the guild earns on reaching the goal in time (20% of the goal, rounded down). */
  bonusXp: Scalars['Int']['output'];
  /** How many members contributed to it. */
  contributorCount: Scalars['Int']['output'];
  /**
   * When it ended (null while ACTIVE): the moment the goal was reached, or `endsAt` (a little
   * after if the servers were down then).
   */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Its deadline. */
  endsAt: Scalars['DateTime']['output'];
  /** Coins to raise. */
  goal: Scalars['Int']['output'];
  /** The guild raising it (null once the guild was disbanded). */
  guild?: Maybe<Guild>;
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** Coins raised so far (may pass the goal with the last contribution). */
  raised: Scalars['SafeInt']['output'];
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** The member who started it. */
  startedBy: User;
  /** Where it stands. */
  status: ContributionDriveStatus;
  /**
   * Its biggest contributors, most coins first (ties: who reached their total first), each with
   * their public player fields.
   */
  topContributors: Array<ContributionDriveContributor>;
};


/** A guild's drive to raise a goal of coins before a deadline (see `startContributionDrive`). */
export type ContributionDriveTopContributorsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One member's part in a drive. */
export type ContributionDriveContributor = {
  __typename?: 'ContributionDriveContributor';
  /** Coins they contributed to the drive. */
  coins: Scalars['SafeInt']['output'];
  /** The player (their public fields come from the users subgraph). */
  user: User;
};

/** Where a contribution drive stands. */
export type ContributionDriveStatus =
  /** Open: contributions count toward the goal until `endsAt`. */
  | 'ACTIVE'
  /** The goal was reached in time; the guild earned `bonusXp`. */
  | 'COMPLETED'
  /** Time ran out before the goal was reached; no bonus. */
  | 'EXPIRED';

/** What `createGuild` needs. */
export type CreateGuildInput = {
  /** At most 500 characters (default empty). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Whether anyone may join (default true). A guild that is not public takes members by request only. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** The lowest player level the guild takes, 1–100 (default 1). */
  minLevel?: InputMaybe<Scalars['Int']['input']>;
  /** 3–32 characters, one line; unique among guilds, case aside. */
  name: Scalars['String']['input'];
  /** Whether joining needs an officer's approval (default false). */
  requiresApproval?: InputMaybe<Scalars['Boolean']['input']>;
  /** 2–5 letters (A–Z) or digits, shown upper-cased; unique among guilds, case aside. */
  tag: Scalars['String']['input'];
};

/** What `createGuild` answers. */
export type CreateGuildPayload = {
  __typename?: 'CreateGuildPayload';
  /** The new guild. */
  guild: Guild;
};

/** A party to create. */
export type CreatePartyInput = {
  /** How many players it holds, 2–8 (8 when left out). */
  maxMembers?: InputMaybe<Scalars['Int']['input']>;
  /** The party's name: 1–50 characters, one line. */
  name: Scalars['String']['input'];
};

/** The result of createParty. */
export type CreatePartyPayload = {
  __typename?: 'CreatePartyPayload';
  /** The new PARTY room. */
  room: ChatRoom;
};

/** What `declareWar` answers. */
export type DeclareWarPayload = {
  __typename?: 'DeclareWarPayload';
  /** The new war, DECLARED. */
  war: GuildWar;
};

/** What `declineGuildInvitation` answers. */
export type DeclineGuildInvitationPayload = {
  __typename?: 'DeclineGuildInvitationPayload';
  /** The declined invitation's id. */
  invitationId: Scalars['ID']['output'];
};

/** A message to delete. */
export type DeleteMessageInput = {
  /** The message to delete. */
  messageId: Scalars['ID']['input'];
};

/** The result of deleteMessage. */
export type DeleteMessagePayload = {
  __typename?: 'DeleteMessagePayload';
  /** The message's tombstone. */
  message: ChatMessage;
};

/** What `disbandGuild` answers. */
export type DisbandGuildPayload = {
  __typename?: 'DisbandGuildPayload';
  /** The disbanded guild's id. */
  guildId: Scalars['ID']['output'];
};

/** A message's new text. */
export type EditMessageInput = {
  /** The message to edit. */
  messageId: Scalars['ID']['input'];
  /** The new text, under sendMessage's rules. */
  text: Scalars['String']['input'];
};

/** The result of editMessage. */
export type EditMessagePayload = {
  __typename?: 'EditMessagePayload';
  /** The message with its new text. */
  message: ChatMessage;
};

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
  /** Its ACTIVE contribution drive, or null when none is open. Anyone may read it. */
  activeDrive?: Maybe<ContributionDrive>;
  /** When the guild was founded. */
  createdAt: Scalars['DateTime']['output'];
  /** What the guild says about itself. */
  description: Scalars['String']['output'];
  /** Its last 10 contribution drives, newest first (the ACTIVE one included). Anyone may read it. */
  drives: Array<ContributionDrive>;
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** Whether anyone may join; a guild that is not public takes members by request only. */
  isPublic: Scalars['Boolean']['output'];
  /**
   * Its pending join requests, oldest first: for its members whose rank may MANAGE_JOIN_REQUESTS;
   * null for anyone else. Fails with BAD_USER_INPUT (extensions.field = "first" or "after") for a
   * page size outside 0–100 or a malformed cursor.
   */
  joinRequests?: Maybe<GuildJoinRequestConnection>;
  /** Its level, 1–10, from its XP by the table on `contributeToGuild`. */
  level: Scalars['Int']['output'];
  /** The most members it holds. */
  maxMembers: Scalars['Int']['output'];
  /** How many players belong to it. */
  memberCount: Scalars['Int']['output'];
  /**
   * Its members in joining order, each with their public player fields. Anyone may read it.
   * Fails with BAD_USER_INPUT (extensions.field = "first" or "after") for a page size outside
   * 0–100 or a malformed cursor.
   */
  members: GuildMemberConnection;
  /** The lowest player level it takes. */
  minLevel: Scalars['Int']['output'];
  /** The guild's unique name. */
  name: Scalars['String']['output'];
  /** Whether joining needs an officer's approval. */
  requiresApproval: Scalars['Boolean']['output'];
  /** The short tag shown next to members' names. */
  tag: Scalars['String']['output'];
  /**
   * The wars it declared or was declared on, newest declaration first. Anyone may read it. Fails
   * with BAD_USER_INPUT (extensions.field = "first" or "after") for a page size outside 0–100 or a
   * malformed cursor.
   */
  wars: GuildWarConnection;
  /** Coins its members contributed, one XP each. */
  xp: Scalars['SafeInt']['output'];
  /** The XP the next level needs, or null at the last level. */
  xpForNextLevel?: Maybe<Scalars['Int']['output']>;
};


/** A group of players who play, chat and fight together. */
export type GuildJoinRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A group of players who play, chat and fight together. */
export type GuildMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  rank?: InputMaybe<GuildRole>;
};


/** A group of players who play, chat and fight together. */
export type GuildWarsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of guilds. */
export type GuildConnection = {
  __typename?: 'GuildConnection';
  /** The guilds on this page, in the list's order. */
  edges: Array<GuildEdge>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One guild in a page. */
export type GuildEdge = {
  __typename?: 'GuildEdge';
  /** Pass as `after` to read on from this guild. */
  cursor: Scalars['String']['output'];
  /** The guild. */
  node: Guild;
};

/** A member's invitation of a player to their guild. */
export type GuildInvitation = {
  __typename?: 'GuildInvitation';
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** The guild. */
  guild: Guild;
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** The member who invited them. */
  invitedBy: User;
  /** The player invited. */
  user: User;
};

/** Which invitation. */
export type GuildInvitationInput = {
  /** The invitation's id (the INVITED notice's `requestId`). */
  invitationId: Scalars['ID']['input'];
};

/** A player's pending request to join a guild. */
export type GuildJoinRequest = {
  __typename?: 'GuildJoinRequest';
  /** When they asked. */
  createdAt: Scalars['DateTime']['output'];
  /** The guild asked. */
  guild: Guild;
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** The player asking. */
  user: User;
};

/** A page of a guild's pending join requests. */
export type GuildJoinRequestConnection = {
  __typename?: 'GuildJoinRequestConnection';
  /** The requests on this page, oldest first. */
  edges: Array<GuildJoinRequestEdge>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One request in a page. */
export type GuildJoinRequestEdge = {
  __typename?: 'GuildJoinRequestEdge';
  /** Pass as `after` to read on from this request. */
  cursor: Scalars['String']['output'];
  /** The request. */
  node: GuildJoinRequest;
};

/** Which join request. */
export type GuildJoinRequestInput = {
  /** The request's id. */
  requestId: Scalars['ID']['input'];
};

/** How a join went. */
export type GuildJoinStatus =
  /** The player is a member now. */
  | 'JOINED'
  /** The player's request waits for an officer. */
  | 'REQUESTED';

/** A player's place in a guild. */
export type GuildMember = {
  __typename?: 'GuildMember';
  /** Coins they contributed to this guild. */
  contributed: Scalars['SafeInt']['output'];
  /** When they joined (founded, for the first master). */
  joinedAt: Scalars['DateTime']['output'];
  /** What their rank lets them do (their row of the permission matrix on `GuildRole`). */
  permissions: Array<GuildPermission>;
  /** Their rank. */
  role: GuildRole;
  /** The player (their public fields come from the users subgraph). */
  user: User;
};

/** A page of a guild's members. */
export type GuildMemberConnection = {
  __typename?: 'GuildMemberConnection';
  /** The members on this page, in joining order. */
  edges: Array<GuildMemberEdge>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One member in a page. */
export type GuildMemberEdge = {
  __typename?: 'GuildMemberEdge';
  /** Pass as `after` to read on from this member. */
  cursor: Scalars['String']['output'];
  /** The member. */
  node: GuildMember;
};

/** Which member of the signed-in player's guild. */
export type GuildMemberInput = {
  /** The member's player id. */
  userId: Scalars['ID']['input'];
};

/** A notice in a player's guild inbox. */
export type GuildNotification = {
  __typename?: 'GuildNotification';
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** The guild's id (the guild may be gone since). */
  guildId: Scalars['ID']['output'];
  /** The guild's name when the notice was sent. */
  guildName: Scalars['String']['output'];
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: GuildNotificationKind;
  /** The join request it is about (gone once decided), or (INVITED) the invitation's id. */
  requestId?: Maybe<Scalars['ID']['output']>;
  /** The player who asked to join, or (INVITED) the member who invited. */
  subject: User;
};

/** A page of a player's guild notices. */
export type GuildNotificationConnection = {
  __typename?: 'GuildNotificationConnection';
  /** The notices on this page, newest first. */
  edges: Array<GuildNotificationEdge>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One notice in a page. */
export type GuildNotificationEdge = {
  __typename?: 'GuildNotificationEdge';
  /** Pass as `after` to read older notices. */
  cursor: Scalars['String']['output'];
  /** The notice. */
  node: GuildNotification;
};

/** What a guild notice is about. */
export type GuildNotificationKind =
  /** A member (`subject`) invited the recipient to the guild; `requestId` is the invitation's id. */
  | 'INVITED'
  /** The recipient's request was approved: they are a member. */
  | 'JOIN_APPROVED'
  /** The recipient's request was rejected. */
  | 'JOIN_REJECTED'
  /** A player asked to join a guild where the recipient may MANAGE_JOIN_REQUESTS. */
  | 'JOIN_REQUESTED';

/** One column of the guild permission matrix (see `GuildRole` for the table). */
export type GuildPermission =
  /** Declare war on another guild. */
  | 'DECLARE_WAR'
  /** Lower a member ranked below oneself. */
  | 'DEMOTE'
  /** Disband the guild. */
  | 'DISBAND'
  /** Change the guild's description and joining rules. */
  | 'EDIT_SETTINGS'
  /** Invite players to join. */
  | 'INVITE'
  /** Remove a member ranked below oneself. */
  | 'KICK'
  /** Approve or reject players' requests to join. */
  | 'MANAGE_JOIN_REQUESTS'
  /** Raise a member ranked below oneself, to a rank below one's own. */
  | 'PROMOTE'
  /** Start a contribution drive (`startContributionDrive`). */
  | 'START_CONTRIBUTION_DRIVE'
  /** Hand the MASTER rank to another member. */
  | 'TRANSFER_MASTERSHIP';

/**
 * A member's rank in a guild, highest first. What each rank may do is one table (the permission
 * matrix; `GuildPermission` names its columns):
 *
 * | rank    | INVITE | MANAGE_JOIN_REQUESTS | KICK | PROMOTE | DEMOTE | EDIT_SETTINGS | DECLARE_WAR | START_CONTRIBUTION_DRIVE | DISBAND | TRANSFER_MASTERSHIP |
 * |---------|--------|----------------------|------|---------|--------|---------------|-------------|--------------------------|---------|---------------------|
 * | MASTER  | yes    | yes                  | yes  | yes     | yes    | yes           | yes         | yes                      | yes     | yes                 |
 * | OFFICER | yes    | yes                  | yes  | yes     | yes    | no            | yes         | yes                      | no      | no                  |
 * | VETERAN | yes    | no                   | no   | no      | no     | no            | no          | no                       | no      | no                  |
 * | MEMBER  | no     | no                   | no   | no      | no     | no            | no          | no                       | no      | no                  |
 * | RECRUIT | no     | no                   | no   | no      | no     | no            | no          | no                       | no      | no                  |
 *
 * KICK, PROMOTE and DEMOTE further need the member acted on ranked below the actor, and PROMOTE and
 * DEMOTE give only ranks below the actor's own (the MASTER rank changes hands by transfer only). An
 * action refused by the table answers FORBIDDEN, its message naming the permission.
 */
export type GuildRole =
  /** Leads the guild; there is exactly one. */
  | 'MASTER'
  /** A full member. */
  | 'MEMBER'
  /** Helps lead: handles join requests, kicks, promotes and demotes lower ranks. */
  | 'OFFICER'
  /** A new member on probation. */
  | 'RECRUIT'
  /** A trusted long-time member. */
  | 'VETERAN';

/** A war between two guilds. */
export type GuildWar = {
  __typename?: 'GuildWar';
  /** The guild that declared it (null once that guild was disbanded). */
  attacker?: Maybe<Guild>;
  /** The attacker's points so far. */
  attackerPoints: Scalars['Int']['output'];
  /**
   * The attacker's members who scored most in this war, most points first (ties: who scored their
   * last point first), each with their public player fields. A player counts for the guild they were
   * in when their win reached the war, even if they left it since. Fails with BAD_USER_INPUT
   * (extensions.field = "first") outside 0–50.
   */
  attackerTopScorers: Array<GuildWarScorer>;
  /** When it was declared. */
  declaredAt: Scalars['DateTime']['output'];
  /** The guild it was declared on (null once that guild was disbanded). */
  defender?: Maybe<Guild>;
  /** The defender's points so far. */
  defenderPoints: Scalars['Int']['output'];
  /** The defender's members who scored most, as `attackerTopScorers`. */
  defenderTopScorers: Array<GuildWarScorer>;
  /** When it actually ended (null before): at `endsAt`, or a little after if the servers were down then. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it ends (the declaration + 72 h). */
  endsAt: Scalars['DateTime']['output'];
  /** Stable, opaque id. */
  id: Scalars['ID']['output'];
  /** Whether it ended with equal points (false before it ended). */
  isDraw: Scalars['Boolean']['output'];
  /** When the fighting starts (the declaration + 24 h). */
  startsAt: Scalars['DateTime']['output'];
  /** Where it stands. */
  status: GuildWarStatus;
  /** The guild that won, once ENDED (null before, for a draw, and once the winner was disbanded). */
  winner?: Maybe<Guild>;
};


/** A war between two guilds. */
export type GuildWarAttackerTopScorersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A war between two guilds. */
export type GuildWarDefenderTopScorersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of wars. */
export type GuildWarConnection = {
  __typename?: 'GuildWarConnection';
  /** The wars on this page, newest declaration first. */
  edges: Array<GuildWarEdge>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One war in a page. */
export type GuildWarEdge = {
  __typename?: 'GuildWarEdge';
  /** Pass as `after` to read on from this war. */
  cursor: Scalars['String']['output'];
  /** The war. */
  node: GuildWar;
};

/** One member's part in a war. */
export type GuildWarScorer = {
  __typename?: 'GuildWarScorer';
  /** Points they scored for their guild (the table on `declareWar`). */
  points: Scalars['Int']['output'];
  /** The player (their public fields come from the users subgraph). */
  user: User;
  /** How many of their wins counted (combats, quests and tournament matches). */
  wins: Scalars['Int']['output'];
};

/** Where a war stands (the schedule on `declareWar`). */
export type GuildWarStatus =
  /** Members' wins score points until `endsAt`. */
  | 'ACTIVE'
  /** Declared; the fighting starts at `startsAt`. */
  | 'DECLARED'
  /** Over: `winner` is set, or null for a draw. */
  | 'ENDED';

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

/** What `inviteToGuild` answers. */
export type InviteToGuildPayload = {
  __typename?: 'InviteToGuildPayload';
  /** The invitation (the same one when the player was invited already). */
  invitation: GuildInvitation;
};

/** A player to add to a party. */
export type InviteToPartyInput = {
  /** The PARTY room. */
  roomId: Scalars['ID']['input'];
  /** The player to add. */
  userId: Scalars['ID']['input'];
};

/** The result of inviteToParty. */
export type InviteToPartyPayload = {
  __typename?: 'InviteToPartyPayload';
  /** True when this call added the player; false when they were a member already. */
  added: Scalars['Boolean']['output'];
  /** The party. */
  room: ChatRoom;
};

/** Which guild to join. */
export type JoinGuildInput = {
  /** The guild's id. */
  guildId: Scalars['ID']['input'];
};

/** What `joinGuild` answers. */
export type JoinGuildPayload = {
  __typename?: 'JoinGuildPayload';
  /** The guild. */
  guild: Guild;
  /** The pending request when `status` is REQUESTED; null when the player joined. */
  request?: Maybe<GuildJoinRequest>;
  /** Whether the player joined or asked. */
  status: GuildJoinStatus;
};

/** A room to join. */
export type JoinRoomInput = {
  /** The room to join. */
  roomId: Scalars['ID']['input'];
};

/** The result of joinRoom. */
export type JoinRoomPayload = {
  __typename?: 'JoinRoomPayload';
  /** True when this call made the player a member; false when they were one already. */
  joined: Scalars['Boolean']['output'];
  /** The room's newest 50 messages (its join message included), oldest first. */
  messages: Array<ChatMessage>;
  /** The room (select `onlineMembers` on it for who is online). */
  room: ChatRoom;
};

/** A member to remove from a party. */
export type KickFromPartyInput = {
  /** The PARTY room. */
  roomId: Scalars['ID']['input'];
  /** The member to remove. */
  userId: Scalars['ID']['input'];
};

/** The result of kickFromParty. */
export type KickFromPartyPayload = {
  __typename?: 'KickFromPartyPayload';
  /** True when this call removed the player; false when they were not a member. */
  removed: Scalars['Boolean']['output'];
  /** The party. */
  room: ChatRoom;
};

/** What `kickGuildMember` answers. */
export type KickGuildMemberPayload = {
  __typename?: 'KickGuildMemberPayload';
  /** The guild. */
  guild: Guild;
  /** The removed player's id. */
  userId: Scalars['ID']['output'];
};

/** What `leaveGuild` answers. */
export type LeaveGuildPayload = {
  __typename?: 'LeaveGuildPayload';
  /** True when the player was its last member: the guild is gone. */
  disbanded: Scalars['Boolean']['output'];
  /** The guild left. */
  guildId: Scalars['ID']['output'];
};

/** A room to leave. */
export type LeaveRoomInput = {
  /** The room to leave. */
  roomId: Scalars['ID']['input'];
};

/** The result of leaveRoom. */
export type LeaveRoomPayload = {
  __typename?: 'LeaveRoomPayload';
  /** True when this call removed the player; false when they were not a member. */
  left: Scalars['Boolean']['output'];
  /** The room left. */
  roomId: Scalars['ID']['output'];
};

/** How far the player has read a room. */
export type MarkReadInput = {
  /** The room. */
  roomId: Scalars['ID']['input'];
  /** The cursor of the newest message the player has read; the room's newest message when left out. */
  upTo?: InputMaybe<Scalars['String']['input']>;
};

/** The result of markRead. */
export type MarkReadPayload = {
  __typename?: 'MarkReadPayload';
  /** The cursor of the newest message the player has read, or null before any. */
  lastReadCursor?: Maybe<Scalars['String']['output']>;
  /** The room. */
  room: ChatRoom;
  /** Messages still unread after this mark (counted up to 1,000). */
  unreadCount: Scalars['Int']['output'];
};

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Accepts an invitation: the signed-in player becomes a MEMBER of the guild and joins its chat
   * room; their other invitations and join requests lapse.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token, and with
   * extensions.reason = "LEVEL_TOO_LOW" below the guild's minimum level; NOT_FOUND for an unknown
   * invitation, one already answered, or someone else's; CONFLICT when the player is in a guild or
   * the guild is full.
   */
  acceptGuildInvitation: AcceptGuildInvitationPayload;
  /**
   * Approves a pending join request: the player becomes a MEMBER and joins the guild's chat room,
   * their other requests lapse, and they get a JOIN_APPROVED notice.
   *
   * For members whose rank may MANAGE_JOIN_REQUESTS (MASTER, OFFICER). Fails with UNAUTHENTICATED
   * when signed out; FORBIDDEN (naming MANAGE_JOIN_REQUESTS) for anyone else, members of other
   * guilds included; NOT_FOUND for an unknown request or one already decided or cancelled; CONFLICT
   * when the guild is full or the player joined another guild meanwhile (their request lapsed then;
   * rejecting it answers NOT_FOUND).
   */
  approveGuildJoinRequest: ApproveGuildJoinRequestPayload;
  /**
   * Withdraws the signed-in player's own pending join request.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token; NOT_FOUND for an
   * unknown request, one already decided, or someone else's.
   */
  cancelGuildJoinRequest: CancelGuildJoinRequestPayload;
  /**
   * Pays coins from the signed-in player's wallet into their guild, exactly once per
   * `requestKey`: the guild earns one XP per coin, its level follows the level table below, and
   * each level adds seats. During the guild's contribution drive the coins also count toward its
   * goal (`startContributionDrive`). `guildUpdated` tells subscribers; the contribution reaches
   * achievements (GUILD_CONTRIBUTION). A retry with the same key and amount answers the guild without paying
   * again (after an unknown outcome too); a contribution whose answer was lost is finished by the
   * platform within a minute, and refunded if the player left the guild meanwhile.
   *
   * | level | XP     | extra seats |
   * |-------|--------|-------------|
   * | 1     | 0      | 0           |
   * | 2     | 1,000  | 5           |
   * | 3     | 3,000  | 10          |
   * | 4     | 6,000  | 15          |
   * | 5     | 10,000 | 20          |
   * | 6     | 15,000 | 25          |
   * | 7     | 21,000 | 30          |
   * | 8     | 28,000 | 35          |
   * | 9     | 36,000 | 40          |
   * | 10    | 45,000 | 50          |
   *
   * Any member may contribute. Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service
   * token and when the player is in no guild; BAD_USER_INPUT with extensions.field = "coins" (1 to
   * 1,000,000) or "requestKey" (8–100 letters, digits, "-", "_", ":", "."); CONFLICT with
   * extensions.field = "requestKey" when the key was used for another amount; INSUFFICIENT_FUNDS
   * when the player has fewer coins (nothing taken); SERVICE_UNAVAILABLE when the wallet could not
   * be reached (retry with the same key).
   */
  contributeToGuild: ContributeToGuildPayload;
  /**
   * Founds a guild with the signed-in player as its MASTER, and its GUILD chat room with them as
   * its first member, for a creation fee of 1,000 COINS (the platform's setting
   * SOCIAL_GUILD_CREATION_FEE) taken from the player's wallet exactly once. The name is unique
   * case-insensitively, and so is the tag. A player belongs to at most one guild.
   *
   * Retries are safe: after an unknown outcome (SERVICE_UNAVAILABLE), the same input resumes the
   * same founding and never takes the fee twice; after success, the same name answers the guild it
   * founded. A founding whose answer was lost is finished by the platform within a minute (the
   * guild founded, or the fee refunded if it can no longer be: the name taken meanwhile, the player
   * in another guild); until then its name and tag are held, and the player's founding of another
   * guild answers CONFLICT.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token; BAD_USER_INPUT with
   * extensions.field = "name" (3–32 characters, one line), "tag" (2–5 letters A–Z or digits),
   * "description" (at most 500 characters) or "minLevel" (1–100); CONFLICT with extensions.field =
   * "name" or "tag" when another guild (or another player's founding) holds it; CONFLICT (no field)
   * when the player is in a guild already; INSUFFICIENT_FUNDS when the player has fewer coins than
   * the fee (nothing taken, no guild); SERVICE_UNAVAILABLE when the wallet could not be reached
   * (retry with the same input). Nothing is stored or taken on any refusal.
   */
  createGuild: CreateGuildPayload;
  /**
   * Creates a PARTY room owned by the signed-in player, who is its first member. Parties are
   * invite-only: the owner adds players with `inviteToParty` and removes them with `kickFromParty`.
   *
   * Fails with UNAUTHENTICATED when signed out and BAD_USER_INPUT (extensions.field = "name" or
   * "maxMembers") for a name that breaks the name rules (1–50 characters, one line) or a size outside
   * 2–8.
   */
  createParty: CreatePartyPayload;
  /**
   * The signed-in player's guild declares war on another guild. Only ranks holding DECLARE_WAR
   * (MASTER and OFFICER, see `GuildRole`) may. The war follows a fixed schedule on server-side
   * timers (they survive restarts and run once however many servers there are):
   *
   * | phase    | from                        | what happens                                              |
   * |----------|-----------------------------|-----------------------------------------------------------|
   * | DECLARED | the declaration             | both guilds prepare; nothing scores                      |
   * | ACTIVE   | `startsAt` = declaration + 24 h | members' wins score points for their guild (below)    |
   * | ENDED    | `endsAt` = declaration + 72 h   | the guild with more points wins; equal points: a draw  |
   *
   * Points, for each win of a player who is a member of one of the two guilds when the win reaches
   * the social service, and happened in [startsAt, endsAt):
   * a combat won (the game server's COMBAT_WON game event, `recordGameEvent(s)`) 1 point, a quest
   * completed (QUEST_COMPLETED) 3 points, a tournament match won (`reportMatchResult`) 5 points.
   * Each reported event counts once, however often it is delivered.
   *
   * When the war is declared, every member of both guilds but the one who declared it gets a
   * GUILD_WAR_DECLARED notice in their inbox (`User.notifications`, `notificationAdded`): the
   * defenders that they were declared on and when the fighting starts, the attackers that their
   * guild declared it.
   *
   * At the end the winning guild earns 500 guild XP (its level and seats follow the table on
   * `contributeToGuild`) and each of its members at that moment is credited 100 COINS once
   * (ledger reason `guild_war_reward`), and the war counts as GUILD_WAR_WON for each of them in
   * achievements. A draw rewards nobody. The score is live on `guildWarUpdated`; both guilds list
   * the war in `Guild.wars`.
   *
   * A guild may declare at most one war every 24 hours, and never while a war between the same two
   * guilds (declared by either) has not ENDED.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token, for a player in no
   * guild, and (naming DECLARE_WAR) for ranks without it; BAD_USER_INPUT (extensions.field =
   * "defendingGuildId") against one's own guild; NOT_FOUND for an unknown guild; CONFLICT
   * (extensions.field = "defendingGuildId") while a war between the two is open, or within the
   * 24 hours after the guild's previous declaration (then also extensions.reason = "COOLDOWN" and
   * extensions.availableAt, when it may declare again). Nothing is stored on any refusal; a retry
   * of a declaration that went through gets CONFLICT (the war is in `Guild.wars`).
   */
  declareWar: DeclareWarPayload;
  /**
   * Declines an invitation: it is gone.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token; NOT_FOUND for an
   * unknown invitation, one already answered, or someone else's.
   */
  declineGuildInvitation: DeclineGuildInvitationPayload;
  /**
   * Deletes a message: it keeps its place in the history as a tombstone (`deletedAt` set, `text`
   * empty) and the room's subscribers receive it (`messageDeleted`, `chatRoomEvents` as DELETED). Its
   * author may delete their own; moderators and admins may delete any. Deleting a deleted message
   * changes nothing and answers it again.
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown message or one in a room the
   * player may not read; FORBIDDEN for another player's message.
   */
  deleteMessage: DeleteMessagePayload;
  /**
   * Lowers a member one rank (OFFICER → VETERAN → MEMBER → RECRUIT).
   *
   * For ranks with DEMOTE (MASTER, OFFICER), for members ranked below the actor. Fails with
   * UNAUTHENTICATED when signed out; FORBIDDEN (naming DEMOTE) otherwise, and when the actor is in
   * no guild; NOT_FOUND when the player is not a member of the actor's guild; CONFLICT for a
   * RECRUIT (the lowest rank).
   */
  demoteGuildMember: ChangeGuildRankPayload;
  /**
   * Disbands the signed-in player's guild: every member leaves it and its chat room, pending join
   * requests are dropped, and the guild is gone (its name and tag free again).
   *
   * For ranks with DISBAND (MASTER). Fails with UNAUTHENTICATED when signed out; FORBIDDEN (naming
   * DISBAND) for other ranks, and when the player is in no guild.
   */
  disbandGuild: DisbandGuildPayload;
  /**
   * Changes the text of a message. Its author may edit their own; moderators and admins may edit
   * any. The new text follows sendMessage's rules (masking included); `editedAt` is set and the
   * room's subscribers receive the message again (`messageUpdated`, `chatRoomEvents` as EDITED).
   *
   * Fails, changing nothing, with UNAUTHENTICATED when signed out; BAD_USER_INPUT (extensions.field
   * = "text") as sendMessage; NOT_FOUND for an unknown message or one in a room the player may not
   * read; FORBIDDEN for a message that is not the player's own (moderators and admins excepted) and
   * for MEMBER_JOINED messages (nobody edits those); CONFLICT for a deleted message.
   */
  editMessage: EditMessagePayload;
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
   * Invites a player who is in no guild to the signed-in player's guild. They get an INVITED notice
   * (`User.guildNotifications`, `guildNotificationReceived`) naming the inviter, and may accept,
   * which joins them at once whatever the guild's approval and openness (seats and the minimum level
   * still apply), or decline. Inviting them again answers the same invitation.
   *
   * For ranks with INVITE (MASTER, OFFICER, VETERAN). Fails with UNAUTHENTICATED when signed out;
   * FORBIDDEN (naming INVITE) for other ranks, and when the inviter is in no guild; BAD_USER_INPUT
   * (extensions.field = "userId") for oneself; NOT_FOUND for an unknown player; CONFLICT
   * (extensions.field = "userId") when the player is in a guild already.
   */
  inviteToGuild: InviteToGuildPayload;
  /**
   * Adds a player to a party (they become a member at once, and the room posts "<name> joined the
   * room"). For the party's owner, and moderators and admins who are members of it (a party is
   * visible to its members only, staff included). Inviting a member changes nothing.
   *
   * Fails with UNAUTHENTICATED when signed out; BAD_USER_INPUT (extensions.field = "userId") for
   * oneself; NOT_FOUND for an unknown room or one the player may not read, an unknown player, or a
   * player who blocked the inviter or whom the inviter blocked; FORBIDDEN for a room that is not a
   * PARTY, for anyone but its owner and staff, and when the party is full (extensions.reason =
   * "ROOM_FULL").
   */
  inviteToParty: InviteToPartyPayload;
  /**
   * Joins a guild. A public guild that does not require approval takes the player at once, as a
   * MEMBER, and adds them to its chat room. A guild that requires approval, or is not public,
   * records a join request instead, and each member allowed to MANAGE_JOIN_REQUESTS gets a notice
   * (`User.guildNotifications` and `guildNotificationReceived`). Joining or asking drops the
   * player's other pending requests only once they are in a guild. A retry changes nothing: a
   * member gets JOINED again, a player who asked already gets their pending request again.
   *
   * The minimum level is checked against social's projection of the player's level, which follows
   * the users subgraph's `user.leveled_up` events on the bus (a level-up counts here moments after
   * it happens; before any reached social, a player counts as level 1).
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token, and with
   * extensions.reason = "LEVEL_TOO_LOW" (extensions.minLevel, extensions.level) below the guild's
   * minimum level; NOT_FOUND for an unknown guild; CONFLICT when the player is in another guild, or
   * when the guild is full (two players racing for its last seat: exactly one gets it).
   */
  joinGuild: JoinGuildPayload;
  /**
   * Joins a room and answers it with its newest 50 messages. Joining posts the system message
   * "<displayName> joined the room" (kind MEMBER_JOINED, no author, `subject` = the player; the text
   * keeps the display name chat knew for the player when they joined — a new display name reaches
   * chat a moment after `updateProfile` answers, and "A player" stands in the moment after
   * registering; `subject { displayName }` always has the current one) in GLOBAL,
   * PARTY and GUILD rooms; SYSTEM rooms take members silently. A party's creator and players added
   * to a party or a guild get the same message. Joining a room the player is already a member
   * of changes nothing (no second system message) and answers the same.
   *
   * Anyone signed in may join GLOBAL and SYSTEM rooms (membership there gives unread counts and
   * `me.chatRooms`; reading and posting in GLOBAL rooms do not need it). GUILD, PARTY and PRIVATE
   * rooms are joined by their members only: by the guild, a party owner's `inviteToParty`, or a
   * private message. Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown room or one
   * the player may not read; FORBIDDEN (extensions.reason = "ROOM_FULL") when the room holds
   * `maxMembers` already.
   */
  joinRoom: JoinRoomPayload;
  /**
   * Removes a member from a party: they stop reading it at once, their live streams included (at the
   * next event). For the party's owner, and moderators and admins who are members of it (a party is
   * visible to its members only, staff included). Kicking a non-member changes nothing
   * (`removed: false`).
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown room or one the player may
   * not read; FORBIDDEN for a room that is not a PARTY, for anyone but its owner and staff, and for
   * the owner as the target; BAD_USER_INPUT (extensions.field = "userId") for oneself (use leaveRoom).
   */
  kickFromParty: KickFromPartyPayload;
  /**
   * Removes a member from the signed-in player's guild and its chat room.
   *
   * For ranks with KICK (MASTER, OFFICER), and only members ranked below the actor. Fails with
   * UNAUTHENTICATED when signed out; FORBIDDEN (naming KICK) without the permission, for a member
   * of equal or higher rank, and when the actor is in no guild; NOT_FOUND when the player is not a
   * member of the actor's guild.
   */
  kickGuildMember: KickGuildMemberPayload;
  /**
   * Leaves the signed-in player's guild and its chat room. The last member's leaving disbands the
   * guild (it is gone; `disbanded` is true). The MASTER must first hand mastership to another
   * member (`transferGuildMastership`) while others remain.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token, when the player is in
   * no guild, and with extensions.reason = "TRANSFER_FIRST" for a MASTER with other members.
   */
  leaveGuild: LeaveGuildPayload;
  /**
   * Leaves a room: the player stops counting as a member (no unread count, gone from
   * `me.chatRooms`); in a PARTY room they stop reading it at once, live streams included. A party's
   * owner who leaves hands it to its longest-standing member. Leaving a room the player is not a
   * member of changes nothing (`left: false`).
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown room or one the player may
   * not read; FORBIDDEN for GUILD rooms (they follow the guild) and PRIVATE rooms.
   */
  leaveRoom: LeaveRoomPayload;
  /**
   * Marks the room read up to a message (its cursor), or up to its newest message without `upTo`.
   * A read mark only moves forward: marking an older message changes nothing. The other member of a
   * PRIVATE room sees it in `ChatRoom.readReceipts`. For members of the room.
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown room or one the player may
   * not read; FORBIDDEN when the player is not a member (join it first); BAD_USER_INPUT
   * (extensions.field = "upTo") for a malformed cursor.
   */
  markRead: MarkReadPayload;
  /**
   * Mutes a player in a room for a while: their sends there fail with FORBIDDEN (extensions.reason =
   * "MUTED") until it ends. A new mute replaces the player's current one in the room (a duration of
   * 0 lifts it). For moderators and admins in any room they may read (GUILD, PARTY and PRIVATE rooms
   * are visible to their members only, staff included), and a party's owner in their party.
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown room or one the player may
   * not read, and an unknown player; FORBIDDEN for anyone else, and in SYSTEM rooms (nobody posts
   * there); BAD_USER_INPUT (extensions.field = "durationSeconds") for a duration outside 0–2,592,000
   * seconds (30 days), (extensions.field = "userId") for oneself.
   */
  muteUser: MuteUserPayload;
  /**
   * Posts an announcement (kind ANNOUNCEMENT, no author) in a SYSTEM room, the Announcements room
   * unless another is named. For ADMIN players only. Masking applies; the blocked terms and rate
   * limits do not.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for anyone but admins; NOT_FOUND for an
   * unknown room or one that is not a SYSTEM room; BAD_USER_INPUT (extensions.field = "text") when the
   * text breaks the message rules.
   */
  postAnnouncement: PostAnnouncementPayload;
  /**
   * Raises a member one rank (RECRUIT → MEMBER → VETERAN → OFFICER).
   *
   * For ranks with PROMOTE (MASTER, OFFICER), for members ranked below the actor, to a rank below
   * the actor's own (so an OFFICER promotes up to VETERAN; nobody is promoted to MASTER: see
   * `transferGuildMastership`). Fails with UNAUTHENTICATED when signed out; FORBIDDEN (naming
   * PROMOTE) otherwise, and when the actor is in no guild; NOT_FOUND when the player is not a
   * member of the actor's guild.
   */
  promoteGuildMember: ChangeGuildRankPayload;
  /**
   * Rejects a pending join request: it is gone, and the player gets a JOIN_REJECTED notice.
   *
   * For members whose rank may MANAGE_JOIN_REQUESTS. Fails with UNAUTHENTICATED when signed out;
   * FORBIDDEN (naming MANAGE_JOIN_REQUESTS) for anyone else; NOT_FOUND for an unknown request or one
   * already decided or cancelled.
   */
  rejectGuildJoinRequest: RejectGuildJoinRequestPayload;
  /**
   * Reports a message to the moderators, with a reason; it joins the moderation queue
   * (`chatReports`). Reporting the same message again answers the first report and adds nothing.
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown message or one in a room the
   * player may not read; BAD_USER_INPUT (extensions.field = "reason") for a reason of 1–500 characters
   * that breaks the text rules, (extensions.field = "messageId") for one's own message.
   */
  reportMessage: ReportMessagePayload;
  /**
   * Closes a report in the moderation queue, with a note of what was done. For MODERATOR and ADMIN
   * players. Resolving a resolved report changes nothing and answers it.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for other players; NOT_FOUND for an unknown
   * report; BAD_USER_INPUT (extensions.field = "resolution") for a note that breaks the text rules
   * (at most 500 characters).
   */
  resolveChatReport: ResolveChatReportPayload;
  /**
   * Posts a message to a chat room as the signed-in player. Subscribers of `chatRoomEvents` (and,
   * for GLOBAL rooms, `messageAdded`) receive it. Words on the profanity list are masked with `*` in
   * what others see; the author's text as typed is kept for moderators (`originalText`).
   *
   * With a `clientMessageId`, a retried send (same id, room and text) creates nothing and answers the
   * message the first attempt stored (once that message is edited, a retry with the text first sent
   * fails with CONFLICT); the same id with another room or text fails with CONFLICT
   * (extensions.field = "clientMessageId").
   *
   * Who may post: any signed-in player in GLOBAL rooms (joining first is not needed); members in
   * GUILD, PARTY and PRIVATE rooms; nobody in SYSTEM rooms; only moderators and admins in rooms whose
   * `postPolicy` is MODERATORS. Fails, storing nothing, with:
   * - UNAUTHENTICATED when signed out;
   * - BAD_USER_INPUT (extensions.field = "text") when the text breaks a rule, with extensions.reason
   *   = "BLOCKED_TERM" when it holds a term the platform refuses; (extensions.field =
   *   "clientMessageId") for a malformed id;
   * - NOT_FOUND for an unknown room, one the player may not read, and a PRIVATE room whose two
   *   players are separated by a block (either way);
   * - FORBIDDEN for a room the player may read but not post in (extensions.reason = "READ_ONLY" or
   *   "MODERATORS_ONLY"), and while the player is muted in the room (extensions.reason = "MUTED",
   *   extensions.mutedUntil, and extensions.retryAfterMs: the time left);
   * - RATE_LIMITED past 3 messages per second per player across all rooms (extensions.reason =
   *   "RATE", extensions.retryAfterMs) or within the room's slow mode, from which moderators and
   *   admins are exempt (extensions.reason = "SLOW_MODE", extensions.retryAfterMs until the player
   *   may post again). A refused send gives its point back once answered
   *   (it counts against the 3 per second only while it is being checked).
   */
  sendMessage: SendMessagePayload;
  /**
   * Sends a private message to another player, opening the PRIVATE room of the two on their first
   * message and reusing it afterwards. The recipient receives it live through
   * `privateMessageReceived` (and `chatRoomEvents` on the room), or later by resuming either with a
   * cursor; it counts as unread for them until `markRead`. The text rules, masking, idempotency,
   * rate limit and mute are those of sendMessage.
   *
   * Fails, storing nothing, with UNAUTHENTICATED when signed out; BAD_USER_INPUT (extensions.field =
   * "toUserId") when writing to oneself, or as sendMessage for the text and clientMessageId; NOT_FOUND
   * for an unknown player and when either player blocked the other (a block looks like an unknown
   * player); CONFLICT and RATE_LIMITED as sendMessage. (Chat learns of new accounts a moment after
   * they are created: a player registered within the last second is waited for, up to a second.)
   */
  sendPrivateMessage: SendPrivateMessagePayload;
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
  /**
   * Starts a contribution drive in the signed-in player's guild: a goal of coins its members raise
   * with `contributeToGuild` before `endsAt` (now + `durationHours`). A guild has at most one open
   * (ACTIVE) drive.
   *
   * Every contribution whose coins reach the guild while the drive is ACTIVE and before `endsAt`
   * counts toward it (a contribution still settling at `endsAt` counts only if it settles before;
   * a contribution refunded never counts). The contributions earn their usual guild XP, as outside
   * a drive. The contribution that brings `raised` to the goal or past it completes the drive at
   * once (COMPLETED): the guild earns `bonusXp` more guild XP (20% of the goal, rounded down; its
   * level and seats follow the table on `contributeToGuild`), exactly once. At `endsAt` a drive
   * still short of its goal ends EXPIRED (a server-side timer: it survives restarts and runs once
   * however many servers there are); nothing is paid back — the coins stay contributed, and their
   * XP stays earned. Every change of the drive (start, each contribution counted, the end) goes out
   * on `guildUpdated`, and the guild shows it on `Guild.activeDrive` and `Guild.drives`.
   *
   * For ranks with START_CONTRIBUTION_DRIVE (MASTER, OFFICER: see `GuildRole`). Fails with
   * UNAUTHENTICATED when signed out; FORBIDDEN for a service token, for a player in no guild, and
   * (naming START_CONTRIBUTION_DRIVE) for other ranks; BAD_USER_INPUT with extensions.field =
   * "goal" (100 to 1,000,000 coins) or "durationHours" (1 to 168, a week); CONFLICT (extensions.reason
   * = "DRIVE_OPEN", extensions.driveId) while the guild has an ACTIVE drive — a retry of a start
   * that went through gets this too, naming the drive it started. Nothing is stored on any refusal.
   */
  startContributionDrive: StartContributionDrivePayload;
  /**
   * Hands the MASTER rank to another member of the guild; the former master becomes an OFFICER.
   *
   * For the MASTER (TRANSFER_MASTERSHIP). Fails with UNAUTHENTICATED when signed out; FORBIDDEN
   * (naming TRANSFER_MASTERSHIP) for other ranks, and when the actor is in no guild; BAD_USER_INPUT
   * (extensions.field = "userId") for the master themself; NOT_FOUND when the player is not a
   * member of the guild.
   */
  transferGuildMastership: TransferGuildMastershipPayload;
  /**
   * Changes a room's settings: slow mode and who may post. For moderators and admins in any room they
   * may read but PRIVATE and SYSTEM ones (GUILD and PARTY rooms are visible to their members only,
   * staff included), and for a party's owner in their party.
   *
   * Fails with UNAUTHENTICATED when signed out; NOT_FOUND for an unknown room or one the player may
   * not read; FORBIDDEN for anyone else, and for PRIVATE and SYSTEM rooms; BAD_USER_INPUT
   * (extensions.field = "slowModeSeconds") for slow mode outside 0–3,600 seconds.
   */
  updateChatRoomSettings: UpdateChatRoomSettingsPayload;
  /**
   * Changes the signed-in player's guild's description and joining rules; fields left out (or
   * null) stay as they are. `guildUpdated` tells subscribers.
   *
   * For ranks with EDIT_SETTINGS (MASTER). Fails with UNAUTHENTICATED when signed out; FORBIDDEN
   * (naming EDIT_SETTINGS) for other ranks, and when the player is in no guild; BAD_USER_INPUT with
   * extensions.field = "description" (at most 500 characters) or "minLevel" (1–100). Nothing changes
   * on any refusal.
   */
  updateGuildSettings: UpdateGuildSettingsPayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationAcceptGuildInvitationArgs = {
  input: GuildInvitationInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationApproveGuildJoinRequestArgs = {
  input: GuildJoinRequestInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationCancelGuildJoinRequestArgs = {
  input: GuildJoinRequestInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationContributeToGuildArgs = {
  input: ContributeToGuildInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationCreateGuildArgs = {
  input: CreateGuildInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationCreatePartyArgs = {
  input: CreatePartyInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDeclareWarArgs = {
  defendingGuildId: Scalars['ID']['input'];
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDeclineGuildInvitationArgs = {
  input: GuildInvitationInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDeleteMessageArgs = {
  input: DeleteMessageInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDemoteGuildMemberArgs = {
  input: GuildMemberInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationEditMessageArgs = {
  input: EditMessageInput;
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
export type MutationInviteToGuildArgs = {
  input: GuildMemberInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationInviteToPartyArgs = {
  input: InviteToPartyInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationJoinGuildArgs = {
  input: JoinGuildInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationJoinRoomArgs = {
  input: JoinRoomInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationKickFromPartyArgs = {
  input: KickFromPartyInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationKickGuildMemberArgs = {
  input: GuildMemberInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationLeaveRoomArgs = {
  input: LeaveRoomInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationMarkReadArgs = {
  input: MarkReadInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationMuteUserArgs = {
  input: MuteUserInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationPostAnnouncementArgs = {
  input: PostAnnouncementInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationPromoteGuildMemberArgs = {
  input: GuildMemberInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRejectGuildJoinRequestArgs = {
  input: GuildJoinRequestInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationReportMessageArgs = {
  input: ReportMessageInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationResolveChatReportArgs = {
  input: ResolveChatReportInput;
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
export type MutationSendPrivateMessageArgs = {
  input: SendPrivateMessageInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSetTypingArgs = {
  input: SetTypingInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationStartContributionDriveArgs = {
  input: StartContributionDriveInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationTransferGuildMastershipArgs = {
  input: GuildMemberInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationUpdateChatRoomSettingsArgs = {
  input: UpdateChatRoomSettingsInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationUpdateGuildSettingsArgs = {
  input: UpdateGuildSettingsInput;
};

/** A player to mute in a room. */
export type MuteUserInput = {
  /** How long, in seconds: 1–2,592,000 (30 days), or 0 to lift a mute. */
  durationSeconds: Scalars['Int']['input'];
  /** The room. */
  roomId: Scalars['ID']['input'];
  /** The player. */
  userId: Scalars['ID']['input'];
};

/** The result of muteUser. */
export type MuteUserPayload = {
  __typename?: 'MuteUserPayload';
  /** The mute, or null when it was lifted. */
  mute?: Maybe<ChatMute>;
};

/** One of the viewer's rooms, with what is new in it. */
export type MyChatRoom = {
  __typename?: 'MyChatRoom';
  /** The room's newest message, or null before its first. */
  lastMessage?: Maybe<ChatMessage>;
  /** The room. */
  room: ChatRoom;
  /**
   * Messages others posted after the viewer's read mark that are not deleted, counted up to 1,000
   * (1,000 means 1,000 or more).
   */
  unreadCount: Scalars['Int']['output'];
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

/** An announcement to post. */
export type PostAnnouncementInput = {
  /** The SYSTEM room to post in; the Announcements room when left out. */
  roomId?: InputMaybe<Scalars['ID']['input']>;
  /** What to announce, under sendMessage's text rules. */
  text: Scalars['String']['input'];
};

/** The result of postAnnouncement. */
export type PostAnnouncementPayload = {
  __typename?: 'PostAnnouncementPayload';
  /** The announcement, as stored. */
  message: ChatMessage;
};

/** A player came online or went offline in a room. */
export type PresenceChange = {
  __typename?: 'PresenceChange';
  /**
   * When it happened: the heartbeat that brought them online; the `goOffline` call, the player
   * leaving the room or the block that hides them; or the moment their last heartbeat expired (its
   * `onlineUntil`; the event follows within about a second).
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

/** A private message that reached the viewer. */
export type PrivateMessage = {
  __typename?: 'PrivateMessage';
  /** Where it sits in the viewer's inbox (opaque): pass it as `privateMessageReceived(after:)` to resume. */
  inboxCursor: Scalars['String']['output'];
  /** The message; `message.room` is the PRIVATE room, `message.cursor` its place there. */
  message: ChatMessage;
};

/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * The moderation queue: reports of chat messages, oldest first, of one status (OPEN unless given).
   * For MODERATOR and ADMIN players only. Fails with UNAUTHENTICATED when signed out, FORBIDDEN for
   * other players, and BAD_USER_INPUT (extensions.field names the argument) for a malformed cursor or
   * a page size outside 0–100.
   */
  chatReports?: Maybe<ChatReportConnection>;
  /**
   * One chat room, or null when the id is unknown or the viewer may not read it (a GUILD, PARTY or
   * PRIVATE room they are not a member of looks exactly like an unknown id).
   */
  chatRoom?: Maybe<ChatRoom>;
  /**
   * The chat rooms the viewer may read, oldest first, optionally of one kind: the GLOBAL and SYSTEM
   * rooms (open to everyone, signed in or not) and the GUILD, PARTY and PRIVATE rooms the signed-in
   * player is a member of. Fails with BAD_USER_INPUT (extensions.field names the argument) for a
   * malformed cursor or a page size outside 0–100.
   */
  chatRooms?: Maybe<ChatRoomConnection>;
  /** One guild, or null when the id is unknown. Anyone may read it, signed in or not. */
  guild?: Maybe<Guild>;
  /**
   * The guild wearing this tag (letters compared case-insensitively), or null when none does.
   * Anyone may read it.
   */
  guildByTag?: Maybe<Guild>;
  /** One war, or null when the id is unknown. Anyone may read it, signed in or not. */
  guildWar?: Maybe<GuildWar>;
  /**
   * Guilds found by words of their name, tag or description (each word a prefix: "night ow" finds
   * "Night Owls"), most relevant first — a guild whose tag is the one word searched comes first,
   * then guilds whose name or tag holds every word, then the others (a word found only in the
   * description), each group by XP, most first — or, without text, every guild by XP (the guild
   * ranking). Filters combine. Search runs on PostgreSQL's full-text index
   * (docs/decisions.md says when a search engine would be worth it). Anyone may call it. Fails with
   * BAD_USER_INPUT with extensions.field = "text" (over 100 characters, or no letter or digit),
   * "minLevel" (below 1), "first" (outside 0–100) or "after" (a malformed cursor).
   */
  searchGuilds?: Maybe<GuildConnection>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryChatReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ChatReportStatus>;
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


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryGuildByTagArgs = {
  tag: Scalars['String']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryGuildWarArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QuerySearchGuildsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  hasSpace?: InputMaybe<Scalars['Boolean']['input']>;
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  minLevel?: InputMaybe<Scalars['Int']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

/** What `rejectGuildJoinRequest` answers. */
export type RejectGuildJoinRequestPayload = {
  __typename?: 'RejectGuildJoinRequestPayload';
  /** The guild. */
  guild: Guild;
  /** The rejected request's id. */
  requestId: Scalars['ID']['output'];
};

/** A message to report. */
export type ReportMessageInput = {
  /** The message. */
  messageId: Scalars['ID']['input'];
  /** Why: 1–500 characters. */
  reason: Scalars['String']['input'];
};

/** The result of reportMessage. */
export type ReportMessagePayload = {
  __typename?: 'ReportMessagePayload';
  /** The report (the earlier one when the player had reported this message already). */
  report: ChatReport;
};

/** A report to close. */
export type ResolveChatReportInput = {
  /** The report. */
  reportId: Scalars['ID']['input'];
  /** What was done: up to 500 characters. */
  resolution?: InputMaybe<Scalars['String']['input']>;
};

/** The result of resolveChatReport. */
export type ResolveChatReportPayload = {
  __typename?: 'ResolveChatReportPayload';
  /** The report, resolved. */
  report: ChatReport;
};

/** A message to post. */
export type SendMessageInput = {
  /**
   * The client's idempotency key for this message, unique per author: 1–64 letters, digits, `.`,
   * `_`, `:` or `-` (a UUID works). Send the same one when retrying the same message.
   */
  clientMessageId?: InputMaybe<Scalars['String']['input']>;
  /** The room to post in. */
  roomId: Scalars['ID']['input'];
  /**
   * What to say: 1–2,000 characters (Unicode code points after NFC) once leading and trailing spaces
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

/** A private message to send. */
export type SendPrivateMessageInput = {
  /** The client's idempotency key, as in sendMessage. */
  clientMessageId?: InputMaybe<Scalars['String']['input']>;
  /** What to say, under sendMessage's rules. */
  text: Scalars['String']['input'];
  /** The player to write to. */
  toUserId: Scalars['ID']['input'];
};

/** The result of sendPrivateMessage. */
export type SendPrivateMessagePayload = {
  __typename?: 'SendPrivateMessagePayload';
  /** The message, as stored; `message.room` is the pair's PRIVATE room. */
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

/** What `startContributionDrive` needs. */
export type StartContributionDriveInput = {
  /** How long the drive runs, 1 to 168 hours (a week). */
  durationHours: Scalars['Int']['input'];
  /** Coins to raise, 100 to 1,000,000. */
  goal: Scalars['Int']['input'];
};

/** What `startContributionDrive` answers. */
export type StartContributionDrivePayload = {
  __typename?: 'StartContributionDrivePayload';
  /** The new drive, ACTIVE. */
  drive: ContributionDrive;
};

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Everything that happens to a room's messages, in one ordered, resumable stream: ADDED, EDITED and
   * DELETED events, each with the message as it is now and a `cursor`. Pass `after` (an event's
   * cursor) to first receive every event stored after it, in order, each once, then live ones: a
   * message edited or deleted while the client was away comes once as ADDED (if it was sent after the
   * cursor) with its current state, and again as EDITED or DELETED. Message cursors are not event
   * cursors: start without `after` and keep the last event's cursor.
   *
   * For signed-in players who may read the room, any kind (the only live stream of GUILD, PARTY and
   * PRIVATE rooms), checked again at every event: a player removed from the room receives nothing
   * more from the next event on, without resubscribing. Fails with UNAUTHENTICATED when signed out,
   * NOT_FOUND for an unknown room or one the player may not read, and BAD_USER_INPUT
   * (extensions.field = "after") for a malformed cursor or one more than 1,000 events back.
   */
  chatRoomEvents: ChatRoomEvent;
  /**
   * The signed-in player's guild notices as they arrive (the same rows `User.guildNotifications`
   * lists): join requests to guilds where they may MANAGE_JOIN_REQUESTS, the decisions on their own
   * requests, and invitations to join a guild (INVITED). Live only: read the inbox for what came before.
   *
   * Fails with UNAUTHENTICATED when signed out; FORBIDDEN for a service token.
   */
  guildNotificationReceived: GuildNotification;
  /**
   * The guild, once for each change of its XP or level (a contribution, a war won), its settings, or
   * its contribution drive (started, a contribution counted, ended: select `activeDrive` and
   * `drives`), read as it is when that change is delivered: changes close together may show the
   * later state more than once instead of each state in between; the last one delivered is the guild
   * as it is. Public: the same for every subscriber, anonymous ones included. Live only: read the
   * guild for its state before.
   */
  guildUpdated?: Maybe<Guild>;
  /**
   * The war, once for each change (the start, every point scored, the end), read as it is when that
   * change is delivered: changes close together may show the later state more than once instead of
   * each score in between; the last one delivered is the war as it is. Public: the same for every
   * subscriber, anonymous ones included. Live only: read `guildWar` for its state before.
   */
  guildWarUpdated?: Maybe<GuildWar>;
  /**
   * New messages in a GLOBAL or SYSTEM room, live, shared by every subscriber. Pass `after` (a
   * message's cursor) to first receive everything stored after it — use it when reconnecting so
   * nothing is missed or repeated. Open to anyone, signed in or not. Other rooms answer NOT_FOUND
   * here: follow them with `chatRoomEvents`. Fails with NOT_FOUND for an unknown room or one that is
   * not GLOBAL or SYSTEM, and BAD_USER_INPUT (extensions.field = "after") for a malformed cursor or
   * one more than 1,000 messages back (page the history first).
   */
  messageAdded: ChatMessage;
  /**
   * Messages deleted in a GLOBAL or SYSTEM room, live, as tombstones (`deletedAt` set, `text`
   * empty), shared by every subscriber; open to anyone. Live only, like messageUpdated. Fails with
   * NOT_FOUND for an unknown room or one that is not GLOBAL or SYSTEM.
   */
  messageDeleted: ChatMessage;
  /**
   * Messages edited in a GLOBAL or SYSTEM room, live (each with its new text and `editedAt`), shared
   * by every subscriber; open to anyone. Live only: to catch up after a disconnection, read the
   * history again, or follow the room with `chatRoomEvents`, which resumes. Fails with NOT_FOUND for
   * an unknown room or one that is not GLOBAL or SYSTEM.
   */
  messageUpdated: ChatMessage;
  /**
   * Players coming online and going offline in a room, live: `online: true` when a heartbeat
   * brings a player online, `online: false` when they call `goOffline`, stop being a member of the
   * room (leaveRoom, kicked) or their last heartbeat expires. Each event is the player's state from
   * then on: read `ChatRoom.onlineMembers` once subscribed to know who is online already, then apply
   * the events. After the stream ends with SUBSCRIPTION_INTERRUPTED, subscribe again and read
   * `onlineMembers` again.
   *
   * For a signed-in player who may read the room, checked again for every event: a viewer who can
   * no longer read the room receives nothing more (and receives again once they may), and a player
   * never receives the events of a player they blocked or who blocked them. When a block is made,
   * each of the two receives `online: false` for the other wherever the other is online, so neither
   * is shown the other any longer. Fails with UNAUTHENTICATED when signed out and NOT_FOUND for an
   * unknown room or one the viewer may not read.
   */
  presenceChanged: PresenceChange;
  /**
   * Private messages other players send the signed-in player, across all their PRIVATE rooms, live
   * and each once, in the order they reached the player. Pass `after` (the `inboxCursor` of the last
   * one received) to first receive every private message that arrived since, in order, then live
   * ones: a player back after hours resumes with nothing lost or repeated. Fails with UNAUTHENTICATED
   * when signed out, and BAD_USER_INPUT (extensions.field = "after") for a malformed cursor or one
   * more than 1,000 messages back (read the rooms' history first).
   */
  privateMessageReceived: PrivateMessage;
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
export type SubscriptionChatRoomEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionGuildUpdatedArgs = {
  guildId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionGuildWarUpdatedArgs = {
  warId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionMessageAddedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionMessageDeletedArgs = {
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionMessageUpdatedArgs = {
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionPresenceChangedArgs = {
  roomId: Scalars['ID']['input'];
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionPrivateMessageReceivedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionTypingArgs = {
  roomId: Scalars['ID']['input'];
};

/** What `transferGuildMastership` answers. */
export type TransferGuildMastershipPayload = {
  __typename?: 'TransferGuildMastershipPayload';
  /** The guild. */
  guild: Guild;
  /** The new MASTER. */
  master: GuildMember;
  /** The former master, now an OFFICER. */
  previousMaster: GuildMember;
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

/** Settings to change; those left out stay as they are. */
export type UpdateChatRoomSettingsInput = {
  /** Who may post with sendMessage. */
  postPolicy?: InputMaybe<ChatPostPolicy>;
  /** The room. */
  roomId: Scalars['ID']['input'];
  /**
   * Seconds a player other than moderators and admins must wait between their messages in the room,
   * 0 (off) to 3,600.
   */
  slowModeSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of updateChatRoomSettings. */
export type UpdateChatRoomSettingsPayload = {
  __typename?: 'UpdateChatRoomSettingsPayload';
  /** The room with its new settings. */
  room: ChatRoom;
};

/** What `updateGuildSettings` changes; each field left out stays as it is. */
export type UpdateGuildSettingsInput = {
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Whether anyone may join; a guild that is not public takes members by request only. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** The lowest player level the guild takes, 1–100 (members below it stay). */
  minLevel?: InputMaybe<Scalars['Int']['input']>;
  /** Whether joining needs an officer's approval. */
  requiresApproval?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What `updateGuildSettings` answers. */
export type UpdateGuildSettingsPayload = {
  __typename?: 'UpdateGuildSettingsPayload';
  /** The guild with its new settings. */
  guild: Guild;
};

/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type User = {
  __typename?: 'User';
  /**
   * The rooms this player is a member of, most recent activity first (at most `first`, 100 at most,
   * 50 unless given), each with its unread count and newest message. Visible to the player only
   * (null for everyone else). Fails with BAD_USER_INPUT (extensions.field = "first") outside 0–100.
   */
  chatRooms?: Maybe<Array<MyChatRoom>>;
  /** The guild this player belongs to, or null. Public. */
  guild?: Maybe<Guild>;
  /**
   * The player's guild inbox, newest first: join requests to guilds where they may
   * MANAGE_JOIN_REQUESTS, decisions on their own requests, and invitations to join a guild
   * (INVITED). Only the player themself may read
   * it; null for anyone else. Fails with BAD_USER_INPUT (extensions.field = "first" or "after") for
   * a page size outside 0–100 or a malformed cursor.
   */
  guildNotifications?: Maybe<GuildNotificationConnection>;
  /**
   * What this player's rank lets them do in their guild (their row of the permission matrix on
   * `GuildRole`), or null when not in one. Public.
   */
  guildPermissions?: Maybe<Array<GuildPermission>>;
  /** This player's rank in their guild, or null when not in one. Public. */
  guildRole?: Maybe<GuildRole>;
  /** The player's stable, opaque id. */
  id: Scalars['ID']['output'];
};


/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type UserChatRoomsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type UserGuildNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  AcceptGuildInvitationPayload: ResolverTypeWrapper<Omit<AcceptGuildInvitationPayload, 'guild' | 'member'> & { guild: ResolversTypes['Guild'], member: ResolversTypes['GuildMember'] }>;
  ApproveGuildJoinRequestPayload: ResolverTypeWrapper<Omit<ApproveGuildJoinRequestPayload, 'guild' | 'member'> & { guild: ResolversTypes['Guild'], member: ResolversTypes['GuildMember'] }>;
  CancelGuildJoinRequestPayload: ResolverTypeWrapper<CancelGuildJoinRequestPayload>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChangeGuildRankPayload: ResolverTypeWrapper<Omit<ChangeGuildRankPayload, 'guild' | 'member'> & { guild: ResolversTypes['Guild'], member: ResolversTypes['GuildMember'] }>;
  ChatMemberRole: ChatMemberRole;
  ChatMessage: ResolverTypeWrapper<ChatMessageRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChatMessageConnection: ResolverTypeWrapper<Omit<ChatMessageConnection, 'edges'> & { edges: Array<ResolversTypes['ChatMessageEdge']> }>;
  ChatMessageEdge: ResolverTypeWrapper<Omit<ChatMessageEdge, 'node'> & { node: ResolversTypes['ChatMessage'] }>;
  ChatMessageKind: ChatMessageKind;
  ChatMute: ResolverTypeWrapper<ChatMuteRow>;
  ChatPostPolicy: ChatPostPolicy;
  ChatReadReceipt: ResolverTypeWrapper<ChatMemberRow>;
  ChatReport: ResolverTypeWrapper<ChatReportRow>;
  ChatReportConnection: ResolverTypeWrapper<Omit<ChatReportConnection, 'edges'> & { edges: Array<ResolversTypes['ChatReportEdge']> }>;
  ChatReportEdge: ResolverTypeWrapper<Omit<ChatReportEdge, 'node'> & { node: ResolversTypes['ChatReport'] }>;
  ChatReportStatus: ChatReportStatus;
  ChatRoom: ResolverTypeWrapper<ChatRoomRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ChatRoomConnection: ResolverTypeWrapper<Omit<ChatRoomConnection, 'edges'> & { edges: Array<ResolversTypes['ChatRoomEdge']> }>;
  ChatRoomEdge: ResolverTypeWrapper<Omit<ChatRoomEdge, 'node'> & { node: ResolversTypes['ChatRoom'] }>;
  ChatRoomEvent: ResolverTypeWrapper<ChatRoomEventRow>;
  ChatRoomEventType: ChatRoomEventType;
  ChatRoomKind: ChatRoomKind;
  ChatRoomMember: ResolverTypeWrapper<ChatMemberRow>;
  ContributeToGuildInput: ContributeToGuildInput;
  ContributeToGuildPayload: ResolverTypeWrapper<Omit<ContributeToGuildPayload, 'guild'> & { guild: ResolversTypes['Guild'] }>;
  ContributionDrive: ResolverTypeWrapper<ContributionDriveRow>;
  ContributionDriveContributor: ResolverTypeWrapper<Omit<ContributionDriveContributor, 'user'> & { user: ResolversTypes['User'] }>;
  ContributionDriveStatus: ContributionDriveStatus;
  CreateGuildInput: CreateGuildInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateGuildPayload: ResolverTypeWrapper<Omit<CreateGuildPayload, 'guild'> & { guild: ResolversTypes['Guild'] }>;
  CreatePartyInput: CreatePartyInput;
  CreatePartyPayload: ResolverTypeWrapper<Omit<CreatePartyPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeclareWarPayload: ResolverTypeWrapper<Omit<DeclareWarPayload, 'war'> & { war: ResolversTypes['GuildWar'] }>;
  DeclineGuildInvitationPayload: ResolverTypeWrapper<DeclineGuildInvitationPayload>;
  DeleteMessageInput: DeleteMessageInput;
  DeleteMessagePayload: ResolverTypeWrapper<Omit<DeleteMessagePayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  DisbandGuildPayload: ResolverTypeWrapper<DisbandGuildPayload>;
  EditMessageInput: EditMessageInput;
  EditMessagePayload: ResolverTypeWrapper<Omit<EditMessagePayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  GoOfflineInput: GoOfflineInput;
  GoOfflinePayload: ResolverTypeWrapper<Omit<GoOfflinePayload, 'rooms'> & { rooms: Array<ResolversTypes['ChatRoom']> }>;
  Guild: ResolverTypeWrapper<GuildRow>;
  GuildConnection: ResolverTypeWrapper<Omit<GuildConnection, 'edges'> & { edges: Array<ResolversTypes['GuildEdge']> }>;
  GuildEdge: ResolverTypeWrapper<Omit<GuildEdge, 'node'> & { node: ResolversTypes['Guild'] }>;
  GuildInvitation: ResolverTypeWrapper<GuildInvitationRow>;
  GuildInvitationInput: GuildInvitationInput;
  GuildJoinRequest: ResolverTypeWrapper<GuildJoinRequestRow>;
  GuildJoinRequestConnection: ResolverTypeWrapper<Omit<GuildJoinRequestConnection, 'edges'> & { edges: Array<ResolversTypes['GuildJoinRequestEdge']> }>;
  GuildJoinRequestEdge: ResolverTypeWrapper<Omit<GuildJoinRequestEdge, 'node'> & { node: ResolversTypes['GuildJoinRequest'] }>;
  GuildJoinRequestInput: GuildJoinRequestInput;
  GuildJoinStatus: GuildJoinStatus;
  GuildMember: ResolverTypeWrapper<GuildMemberRow>;
  GuildMemberConnection: ResolverTypeWrapper<Omit<GuildMemberConnection, 'edges'> & { edges: Array<ResolversTypes['GuildMemberEdge']> }>;
  GuildMemberEdge: ResolverTypeWrapper<Omit<GuildMemberEdge, 'node'> & { node: ResolversTypes['GuildMember'] }>;
  GuildMemberInput: GuildMemberInput;
  GuildNotification: ResolverTypeWrapper<GuildNotificationRow>;
  GuildNotificationConnection: ResolverTypeWrapper<Omit<GuildNotificationConnection, 'edges'> & { edges: Array<ResolversTypes['GuildNotificationEdge']> }>;
  GuildNotificationEdge: ResolverTypeWrapper<Omit<GuildNotificationEdge, 'node'> & { node: ResolversTypes['GuildNotification'] }>;
  GuildNotificationKind: GuildNotificationKind;
  GuildPermission: GuildPermission;
  GuildRole: GuildRole;
  GuildWar: ResolverTypeWrapper<GuildWarRow>;
  GuildWarConnection: ResolverTypeWrapper<Omit<GuildWarConnection, 'edges'> & { edges: Array<ResolversTypes['GuildWarEdge']> }>;
  GuildWarEdge: ResolverTypeWrapper<Omit<GuildWarEdge, 'node'> & { node: ResolversTypes['GuildWar'] }>;
  GuildWarScorer: ResolverTypeWrapper<Omit<GuildWarScorer, 'user'> & { user: ResolversTypes['User'] }>;
  GuildWarStatus: GuildWarStatus;
  HeartbeatInput: HeartbeatInput;
  HeartbeatPayload: ResolverTypeWrapper<Omit<HeartbeatPayload, 'rooms'> & { rooms: Array<ResolversTypes['ChatRoom']> }>;
  InviteToGuildPayload: ResolverTypeWrapper<Omit<InviteToGuildPayload, 'invitation'> & { invitation: ResolversTypes['GuildInvitation'] }>;
  InviteToPartyInput: InviteToPartyInput;
  InviteToPartyPayload: ResolverTypeWrapper<Omit<InviteToPartyPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  JoinGuildInput: JoinGuildInput;
  JoinGuildPayload: ResolverTypeWrapper<Omit<JoinGuildPayload, 'guild' | 'request'> & { guild: ResolversTypes['Guild'], request?: Maybe<ResolversTypes['GuildJoinRequest']> }>;
  JoinRoomInput: JoinRoomInput;
  JoinRoomPayload: ResolverTypeWrapper<Omit<JoinRoomPayload, 'messages' | 'room'> & { messages: Array<ResolversTypes['ChatMessage']>, room: ResolversTypes['ChatRoom'] }>;
  KickFromPartyInput: KickFromPartyInput;
  KickFromPartyPayload: ResolverTypeWrapper<Omit<KickFromPartyPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  KickGuildMemberPayload: ResolverTypeWrapper<Omit<KickGuildMemberPayload, 'guild'> & { guild: ResolversTypes['Guild'] }>;
  LeaveGuildPayload: ResolverTypeWrapper<LeaveGuildPayload>;
  LeaveRoomInput: LeaveRoomInput;
  LeaveRoomPayload: ResolverTypeWrapper<LeaveRoomPayload>;
  MarkReadInput: MarkReadInput;
  MarkReadPayload: ResolverTypeWrapper<Omit<MarkReadPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MuteUserInput: MuteUserInput;
  MuteUserPayload: ResolverTypeWrapper<Omit<MuteUserPayload, 'mute'> & { mute?: Maybe<ResolversTypes['ChatMute']> }>;
  MyChatRoom: ResolverTypeWrapper<ChatMemberRow>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PostAnnouncementInput: PostAnnouncementInput;
  PostAnnouncementPayload: ResolverTypeWrapper<Omit<PostAnnouncementPayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  PresenceChange: ResolverTypeWrapper<Omit<PresenceChange, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  PrivateMessage: ResolverTypeWrapper<ChatMessageRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RejectGuildJoinRequestPayload: ResolverTypeWrapper<Omit<RejectGuildJoinRequestPayload, 'guild'> & { guild: ResolversTypes['Guild'] }>;
  ReportMessageInput: ReportMessageInput;
  ReportMessagePayload: ResolverTypeWrapper<Omit<ReportMessagePayload, 'report'> & { report: ResolversTypes['ChatReport'] }>;
  ResolveChatReportInput: ResolveChatReportInput;
  ResolveChatReportPayload: ResolverTypeWrapper<Omit<ResolveChatReportPayload, 'report'> & { report: ResolversTypes['ChatReport'] }>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<Omit<SendMessagePayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  SendPrivateMessageInput: SendPrivateMessageInput;
  SendPrivateMessagePayload: ResolverTypeWrapper<Omit<SendPrivateMessagePayload, 'message'> & { message: ResolversTypes['ChatMessage'] }>;
  SetTypingInput: SetTypingInput;
  SetTypingPayload: ResolverTypeWrapper<Omit<SetTypingPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  StartContributionDriveInput: StartContributionDriveInput;
  StartContributionDrivePayload: ResolverTypeWrapper<Omit<StartContributionDrivePayload, 'drive'> & { drive: ResolversTypes['ContributionDrive'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TransferGuildMastershipPayload: ResolverTypeWrapper<Omit<TransferGuildMastershipPayload, 'guild' | 'master' | 'previousMaster'> & { guild: ResolversTypes['Guild'], master: ResolversTypes['GuildMember'], previousMaster: ResolversTypes['GuildMember'] }>;
  TypingChange: ResolverTypeWrapper<Omit<TypingChange, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  UpdateChatRoomSettingsInput: UpdateChatRoomSettingsInput;
  UpdateChatRoomSettingsPayload: ResolverTypeWrapper<Omit<UpdateChatRoomSettingsPayload, 'room'> & { room: ResolversTypes['ChatRoom'] }>;
  UpdateGuildSettingsInput: UpdateGuildSettingsInput;
  UpdateGuildSettingsPayload: ResolverTypeWrapper<Omit<UpdateGuildSettingsPayload, 'guild'> & { guild: ResolversTypes['Guild'] }>;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptGuildInvitationPayload: Omit<AcceptGuildInvitationPayload, 'guild' | 'member'> & { guild: ResolversParentTypes['Guild'], member: ResolversParentTypes['GuildMember'] };
  ApproveGuildJoinRequestPayload: Omit<ApproveGuildJoinRequestPayload, 'guild' | 'member'> & { guild: ResolversParentTypes['Guild'], member: ResolversParentTypes['GuildMember'] };
  CancelGuildJoinRequestPayload: CancelGuildJoinRequestPayload;
  ID: Scalars['ID']['output'];
  ChangeGuildRankPayload: Omit<ChangeGuildRankPayload, 'guild' | 'member'> & { guild: ResolversParentTypes['Guild'], member: ResolversParentTypes['GuildMember'] };
  ChatMessage: ChatMessageRow;
  String: Scalars['String']['output'];
  ChatMessageConnection: Omit<ChatMessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChatMessageEdge']> };
  ChatMessageEdge: Omit<ChatMessageEdge, 'node'> & { node: ResolversParentTypes['ChatMessage'] };
  ChatMute: ChatMuteRow;
  ChatReadReceipt: ChatMemberRow;
  ChatReport: ChatReportRow;
  ChatReportConnection: Omit<ChatReportConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChatReportEdge']> };
  ChatReportEdge: Omit<ChatReportEdge, 'node'> & { node: ResolversParentTypes['ChatReport'] };
  ChatRoom: ChatRoomRow;
  Int: Scalars['Int']['output'];
  ChatRoomConnection: Omit<ChatRoomConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChatRoomEdge']> };
  ChatRoomEdge: Omit<ChatRoomEdge, 'node'> & { node: ResolversParentTypes['ChatRoom'] };
  ChatRoomEvent: ChatRoomEventRow;
  ChatRoomMember: ChatMemberRow;
  ContributeToGuildInput: ContributeToGuildInput;
  ContributeToGuildPayload: Omit<ContributeToGuildPayload, 'guild'> & { guild: ResolversParentTypes['Guild'] };
  ContributionDrive: ContributionDriveRow;
  ContributionDriveContributor: Omit<ContributionDriveContributor, 'user'> & { user: ResolversParentTypes['User'] };
  CreateGuildInput: CreateGuildInput;
  Boolean: Scalars['Boolean']['output'];
  CreateGuildPayload: Omit<CreateGuildPayload, 'guild'> & { guild: ResolversParentTypes['Guild'] };
  CreatePartyInput: CreatePartyInput;
  CreatePartyPayload: Omit<CreatePartyPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  DateTime: Scalars['DateTime']['output'];
  DeclareWarPayload: Omit<DeclareWarPayload, 'war'> & { war: ResolversParentTypes['GuildWar'] };
  DeclineGuildInvitationPayload: DeclineGuildInvitationPayload;
  DeleteMessageInput: DeleteMessageInput;
  DeleteMessagePayload: Omit<DeleteMessagePayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  DisbandGuildPayload: DisbandGuildPayload;
  EditMessageInput: EditMessageInput;
  EditMessagePayload: Omit<EditMessagePayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  GoOfflineInput: GoOfflineInput;
  GoOfflinePayload: Omit<GoOfflinePayload, 'rooms'> & { rooms: Array<ResolversParentTypes['ChatRoom']> };
  Guild: GuildRow;
  GuildConnection: Omit<GuildConnection, 'edges'> & { edges: Array<ResolversParentTypes['GuildEdge']> };
  GuildEdge: Omit<GuildEdge, 'node'> & { node: ResolversParentTypes['Guild'] };
  GuildInvitation: GuildInvitationRow;
  GuildInvitationInput: GuildInvitationInput;
  GuildJoinRequest: GuildJoinRequestRow;
  GuildJoinRequestConnection: Omit<GuildJoinRequestConnection, 'edges'> & { edges: Array<ResolversParentTypes['GuildJoinRequestEdge']> };
  GuildJoinRequestEdge: Omit<GuildJoinRequestEdge, 'node'> & { node: ResolversParentTypes['GuildJoinRequest'] };
  GuildJoinRequestInput: GuildJoinRequestInput;
  GuildMember: GuildMemberRow;
  GuildMemberConnection: Omit<GuildMemberConnection, 'edges'> & { edges: Array<ResolversParentTypes['GuildMemberEdge']> };
  GuildMemberEdge: Omit<GuildMemberEdge, 'node'> & { node: ResolversParentTypes['GuildMember'] };
  GuildMemberInput: GuildMemberInput;
  GuildNotification: GuildNotificationRow;
  GuildNotificationConnection: Omit<GuildNotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['GuildNotificationEdge']> };
  GuildNotificationEdge: Omit<GuildNotificationEdge, 'node'> & { node: ResolversParentTypes['GuildNotification'] };
  GuildWar: GuildWarRow;
  GuildWarConnection: Omit<GuildWarConnection, 'edges'> & { edges: Array<ResolversParentTypes['GuildWarEdge']> };
  GuildWarEdge: Omit<GuildWarEdge, 'node'> & { node: ResolversParentTypes['GuildWar'] };
  GuildWarScorer: Omit<GuildWarScorer, 'user'> & { user: ResolversParentTypes['User'] };
  HeartbeatInput: HeartbeatInput;
  HeartbeatPayload: Omit<HeartbeatPayload, 'rooms'> & { rooms: Array<ResolversParentTypes['ChatRoom']> };
  InviteToGuildPayload: Omit<InviteToGuildPayload, 'invitation'> & { invitation: ResolversParentTypes['GuildInvitation'] };
  InviteToPartyInput: InviteToPartyInput;
  InviteToPartyPayload: Omit<InviteToPartyPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  JoinGuildInput: JoinGuildInput;
  JoinGuildPayload: Omit<JoinGuildPayload, 'guild' | 'request'> & { guild: ResolversParentTypes['Guild'], request?: Maybe<ResolversParentTypes['GuildJoinRequest']> };
  JoinRoomInput: JoinRoomInput;
  JoinRoomPayload: Omit<JoinRoomPayload, 'messages' | 'room'> & { messages: Array<ResolversParentTypes['ChatMessage']>, room: ResolversParentTypes['ChatRoom'] };
  KickFromPartyInput: KickFromPartyInput;
  KickFromPartyPayload: Omit<KickFromPartyPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  KickGuildMemberPayload: Omit<KickGuildMemberPayload, 'guild'> & { guild: ResolversParentTypes['Guild'] };
  LeaveGuildPayload: LeaveGuildPayload;
  LeaveRoomInput: LeaveRoomInput;
  LeaveRoomPayload: LeaveRoomPayload;
  MarkReadInput: MarkReadInput;
  MarkReadPayload: Omit<MarkReadPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  Mutation: Record<PropertyKey, never>;
  MuteUserInput: MuteUserInput;
  MuteUserPayload: Omit<MuteUserPayload, 'mute'> & { mute?: Maybe<ResolversParentTypes['ChatMute']> };
  MyChatRoom: ChatMemberRow;
  PageInfo: PageInfo;
  PostAnnouncementInput: PostAnnouncementInput;
  PostAnnouncementPayload: Omit<PostAnnouncementPayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  PresenceChange: Omit<PresenceChange, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  PrivateMessage: ChatMessageRow;
  Query: Record<PropertyKey, never>;
  RejectGuildJoinRequestPayload: Omit<RejectGuildJoinRequestPayload, 'guild'> & { guild: ResolversParentTypes['Guild'] };
  ReportMessageInput: ReportMessageInput;
  ReportMessagePayload: Omit<ReportMessagePayload, 'report'> & { report: ResolversParentTypes['ChatReport'] };
  ResolveChatReportInput: ResolveChatReportInput;
  ResolveChatReportPayload: Omit<ResolveChatReportPayload, 'report'> & { report: ResolversParentTypes['ChatReport'] };
  SafeInt: Scalars['SafeInt']['output'];
  SendMessageInput: SendMessageInput;
  SendMessagePayload: Omit<SendMessagePayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  SendPrivateMessageInput: SendPrivateMessageInput;
  SendPrivateMessagePayload: Omit<SendPrivateMessagePayload, 'message'> & { message: ResolversParentTypes['ChatMessage'] };
  SetTypingInput: SetTypingInput;
  SetTypingPayload: Omit<SetTypingPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  StartContributionDriveInput: StartContributionDriveInput;
  StartContributionDrivePayload: Omit<StartContributionDrivePayload, 'drive'> & { drive: ResolversParentTypes['ContributionDrive'] };
  Subscription: Record<PropertyKey, never>;
  TransferGuildMastershipPayload: Omit<TransferGuildMastershipPayload, 'guild' | 'master' | 'previousMaster'> & { guild: ResolversParentTypes['Guild'], master: ResolversParentTypes['GuildMember'], previousMaster: ResolversParentTypes['GuildMember'] };
  TypingChange: Omit<TypingChange, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  UpdateChatRoomSettingsInput: UpdateChatRoomSettingsInput;
  UpdateChatRoomSettingsPayload: Omit<UpdateChatRoomSettingsPayload, 'room'> & { room: ResolversParentTypes['ChatRoom'] };
  UpdateGuildSettingsInput: UpdateGuildSettingsInput;
  UpdateGuildSettingsPayload: Omit<UpdateGuildSettingsPayload, 'guild'> & { guild: ResolversParentTypes['Guild'] };
  User: UserRef;
}>;

export type PublicStreamDirectiveArgs = { };

export type PublicStreamDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicStreamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AcceptGuildInvitationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AcceptGuildInvitationPayload'] = ResolversParentTypes['AcceptGuildInvitationPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['GuildMember'], ParentType, ContextType>;
}>;

export type ApproveGuildJoinRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApproveGuildJoinRequestPayload'] = ResolversParentTypes['ApproveGuildJoinRequestPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['GuildMember'], ParentType, ContextType>;
}>;

export type CancelGuildJoinRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CancelGuildJoinRequestPayload'] = ResolversParentTypes['CancelGuildJoinRequestPayload']> = ResolversObject<{
  requestId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ChangeGuildRankPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeGuildRankPayload'] = ResolversParentTypes['ChangeGuildRankPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['GuildMember'], ParentType, ContextType>;
}>;

export type ChatMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatMessage'] = ResolversParentTypes['ChatMessage'], FederationReferenceType extends FederationReferenceTypes['ChatMessage'] = FederationReferenceTypes['ChatMessage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChatMessage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChatMessageKind'], ParentType, ContextType>;
  originalText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
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

export type ChatMuteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatMute'] = ResolversParentTypes['ChatMute']> = ResolversObject<{
  mutedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  until?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type ChatReadReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatReadReceipt'] = ResolversParentTypes['ChatReadReceipt']> = ResolversObject<{
  lastReadCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type ChatReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatReport'] = ResolversParentTypes['ChatReport']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reporter?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  resolution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChatReportStatus'], ParentType, ContextType>;
}>;

export type ChatReportConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatReportConnection'] = ResolversParentTypes['ChatReportConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatReportEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatReportEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatReportEdge'] = ResolversParentTypes['ChatReportEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatReport'], ParentType, ContextType>;
}>;

export type ChatRoomResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoom'] = ResolversParentTypes['ChatRoom'], FederationReferenceType extends FederationReferenceTypes['ChatRoom'] = FederationReferenceTypes['ChatRoom']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChatRoom']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChatRoomKind'], ParentType, ContextType>;
  maxMembers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['ChatRoomMember']>, ParentType, ContextType, Partial<ChatRoomMembersArgs>>;
  messages?: Resolver<ResolversTypes['ChatMessageConnection'], ParentType, ContextType, Partial<ChatRoomMessagesArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onlineCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onlineMembers?: Resolver<Array<Maybe<ResolversTypes['User']>>, ParentType, ContextType, RequireFields<ChatRoomOnlineMembersArgs, 'first'>>;
  postPolicy?: Resolver<ResolversTypes['ChatPostPolicy'], ParentType, ContextType>;
  readReceipts?: Resolver<Array<ResolversTypes['ChatReadReceipt']>, ParentType, ContextType>;
  slowModeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viewerMembership?: Resolver<Maybe<ResolversTypes['ChatRoomMember']>, ParentType, ContextType>;
}>;

export type ChatRoomConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoomConnection'] = ResolversParentTypes['ChatRoomConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatRoomEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatRoomEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoomEdge'] = ResolversParentTypes['ChatRoomEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export type ChatRoomEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoomEvent'] = ResolversParentTypes['ChatRoomEvent']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ChatRoomEventType'], ParentType, ContextType>;
}>;

export type ChatRoomMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatRoomMember'] = ResolversParentTypes['ChatRoomMember']> = ResolversObject<{
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ChatMemberRole'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type ContributeToGuildPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ContributeToGuildPayload'] = ResolversParentTypes['ContributeToGuildPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
}>;

export type ContributionDriveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ContributionDrive'] = ResolversParentTypes['ContributionDrive']> = ResolversObject<{
  bonusXp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contributorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  goal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  guild?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  raised?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContributionDriveStatus'], ParentType, ContextType>;
  topContributors?: Resolver<Array<ResolversTypes['ContributionDriveContributor']>, ParentType, ContextType, Partial<ContributionDriveTopContributorsArgs>>;
}>;

export type ContributionDriveContributorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ContributionDriveContributor'] = ResolversParentTypes['ContributionDriveContributor']> = ResolversObject<{
  coins?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type CreateGuildPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateGuildPayload'] = ResolversParentTypes['CreateGuildPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
}>;

export type CreatePartyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreatePartyPayload'] = ResolversParentTypes['CreatePartyPayload']> = ResolversObject<{
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeclareWarPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeclareWarPayload'] = ResolversParentTypes['DeclareWarPayload']> = ResolversObject<{
  war?: Resolver<ResolversTypes['GuildWar'], ParentType, ContextType>;
}>;

export type DeclineGuildInvitationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeclineGuildInvitationPayload'] = ResolversParentTypes['DeclineGuildInvitationPayload']> = ResolversObject<{
  invitationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DeleteMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteMessagePayload'] = ResolversParentTypes['DeleteMessagePayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type DisbandGuildPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DisbandGuildPayload'] = ResolversParentTypes['DisbandGuildPayload']> = ResolversObject<{
  guildId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EditMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EditMessagePayload'] = ResolversParentTypes['EditMessagePayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type GoOfflinePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GoOfflinePayload'] = ResolversParentTypes['GoOfflinePayload']> = ResolversObject<{
  rooms?: Resolver<Array<ResolversTypes['ChatRoom']>, ParentType, ContextType>;
}>;

export type GuildResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Guild'] = ResolversParentTypes['Guild'], FederationReferenceType extends FederationReferenceTypes['Guild'] = FederationReferenceTypes['Guild']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Guild']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activeDrive?: Resolver<Maybe<ResolversTypes['ContributionDrive']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drives?: Resolver<Array<ResolversTypes['ContributionDrive']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPublic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  joinRequests?: Resolver<Maybe<ResolversTypes['GuildJoinRequestConnection']>, ParentType, ContextType, Partial<GuildJoinRequestsArgs>>;
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxMembers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['GuildMemberConnection'], ParentType, ContextType, Partial<GuildMembersArgs>>;
  minLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiresApproval?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  wars?: Resolver<ResolversTypes['GuildWarConnection'], ParentType, ContextType, Partial<GuildWarsArgs>>;
  xp?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  xpForNextLevel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type GuildConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildConnection'] = ResolversParentTypes['GuildConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GuildEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GuildEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildEdge'] = ResolversParentTypes['GuildEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
}>;

export type GuildInvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildInvitation'] = ResolversParentTypes['GuildInvitation']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type GuildJoinRequestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildJoinRequest'] = ResolversParentTypes['GuildJoinRequest']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type GuildJoinRequestConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildJoinRequestConnection'] = ResolversParentTypes['GuildJoinRequestConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GuildJoinRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GuildJoinRequestEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildJoinRequestEdge'] = ResolversParentTypes['GuildJoinRequestEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GuildJoinRequest'], ParentType, ContextType>;
}>;

export type GuildMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildMember'] = ResolversParentTypes['GuildMember']> = ResolversObject<{
  contributed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['GuildPermission']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['GuildRole'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type GuildMemberConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildMemberConnection'] = ResolversParentTypes['GuildMemberConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GuildMemberEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GuildMemberEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildMemberEdge'] = ResolversParentTypes['GuildMemberEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GuildMember'], ParentType, ContextType>;
}>;

export type GuildNotificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildNotification'] = ResolversParentTypes['GuildNotification']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  guildId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  guildName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['GuildNotificationKind'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type GuildNotificationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildNotificationConnection'] = ResolversParentTypes['GuildNotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GuildNotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GuildNotificationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildNotificationEdge'] = ResolversParentTypes['GuildNotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GuildNotification'], ParentType, ContextType>;
}>;

export type GuildWarResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildWar'] = ResolversParentTypes['GuildWar']> = ResolversObject<{
  attacker?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType>;
  attackerPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attackerTopScorers?: Resolver<Array<ResolversTypes['GuildWarScorer']>, ParentType, ContextType, Partial<GuildWarAttackerTopScorersArgs>>;
  declaredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  defender?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType>;
  defenderPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  defenderTopScorers?: Resolver<Array<ResolversTypes['GuildWarScorer']>, ParentType, ContextType, Partial<GuildWarDefenderTopScorersArgs>>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDraw?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GuildWarStatus'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType>;
}>;

export type GuildWarConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildWarConnection'] = ResolversParentTypes['GuildWarConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GuildWarEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GuildWarEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildWarEdge'] = ResolversParentTypes['GuildWarEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GuildWar'], ParentType, ContextType>;
}>;

export type GuildWarScorerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GuildWarScorer'] = ResolversParentTypes['GuildWarScorer']> = ResolversObject<{
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  wins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type HeartbeatPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HeartbeatPayload'] = ResolversParentTypes['HeartbeatPayload']> = ResolversObject<{
  heartbeatIntervalSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onlineUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rooms?: Resolver<Array<ResolversTypes['ChatRoom']>, ParentType, ContextType>;
}>;

export type InviteToGuildPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InviteToGuildPayload'] = ResolversParentTypes['InviteToGuildPayload']> = ResolversObject<{
  invitation?: Resolver<ResolversTypes['GuildInvitation'], ParentType, ContextType>;
}>;

export type InviteToPartyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InviteToPartyPayload'] = ResolversParentTypes['InviteToPartyPayload']> = ResolversObject<{
  added?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export type JoinGuildPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JoinGuildPayload'] = ResolversParentTypes['JoinGuildPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  request?: Resolver<Maybe<ResolversTypes['GuildJoinRequest']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GuildJoinStatus'], ParentType, ContextType>;
}>;

export type JoinRoomPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JoinRoomPayload'] = ResolversParentTypes['JoinRoomPayload']> = ResolversObject<{
  joined?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['ChatMessage']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export type KickFromPartyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KickFromPartyPayload'] = ResolversParentTypes['KickFromPartyPayload']> = ResolversObject<{
  removed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export type KickGuildMemberPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KickGuildMemberPayload'] = ResolversParentTypes['KickGuildMemberPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type LeaveGuildPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaveGuildPayload'] = ResolversParentTypes['LeaveGuildPayload']> = ResolversObject<{
  disbanded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  guildId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type LeaveRoomPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaveRoomPayload'] = ResolversParentTypes['LeaveRoomPayload']> = ResolversObject<{
  left?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MarkReadPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MarkReadPayload'] = ResolversParentTypes['MarkReadPayload']> = ResolversObject<{
  lastReadCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptGuildInvitation?: Resolver<ResolversTypes['AcceptGuildInvitationPayload'], ParentType, ContextType, RequireFields<MutationAcceptGuildInvitationArgs, 'input'>>;
  approveGuildJoinRequest?: Resolver<ResolversTypes['ApproveGuildJoinRequestPayload'], ParentType, ContextType, RequireFields<MutationApproveGuildJoinRequestArgs, 'input'>>;
  cancelGuildJoinRequest?: Resolver<ResolversTypes['CancelGuildJoinRequestPayload'], ParentType, ContextType, RequireFields<MutationCancelGuildJoinRequestArgs, 'input'>>;
  contributeToGuild?: Resolver<ResolversTypes['ContributeToGuildPayload'], ParentType, ContextType, RequireFields<MutationContributeToGuildArgs, 'input'>>;
  createGuild?: Resolver<ResolversTypes['CreateGuildPayload'], ParentType, ContextType, RequireFields<MutationCreateGuildArgs, 'input'>>;
  createParty?: Resolver<ResolversTypes['CreatePartyPayload'], ParentType, ContextType, RequireFields<MutationCreatePartyArgs, 'input'>>;
  declareWar?: Resolver<ResolversTypes['DeclareWarPayload'], ParentType, ContextType, RequireFields<MutationDeclareWarArgs, 'defendingGuildId'>>;
  declineGuildInvitation?: Resolver<ResolversTypes['DeclineGuildInvitationPayload'], ParentType, ContextType, RequireFields<MutationDeclineGuildInvitationArgs, 'input'>>;
  deleteMessage?: Resolver<ResolversTypes['DeleteMessagePayload'], ParentType, ContextType, RequireFields<MutationDeleteMessageArgs, 'input'>>;
  demoteGuildMember?: Resolver<ResolversTypes['ChangeGuildRankPayload'], ParentType, ContextType, RequireFields<MutationDemoteGuildMemberArgs, 'input'>>;
  disbandGuild?: Resolver<ResolversTypes['DisbandGuildPayload'], ParentType, ContextType>;
  editMessage?: Resolver<ResolversTypes['EditMessagePayload'], ParentType, ContextType, RequireFields<MutationEditMessageArgs, 'input'>>;
  goOffline?: Resolver<ResolversTypes['GoOfflinePayload'], ParentType, ContextType, RequireFields<MutationGoOfflineArgs, 'input'>>;
  heartbeat?: Resolver<ResolversTypes['HeartbeatPayload'], ParentType, ContextType, RequireFields<MutationHeartbeatArgs, 'input'>>;
  inviteToGuild?: Resolver<ResolversTypes['InviteToGuildPayload'], ParentType, ContextType, RequireFields<MutationInviteToGuildArgs, 'input'>>;
  inviteToParty?: Resolver<ResolversTypes['InviteToPartyPayload'], ParentType, ContextType, RequireFields<MutationInviteToPartyArgs, 'input'>>;
  joinGuild?: Resolver<ResolversTypes['JoinGuildPayload'], ParentType, ContextType, RequireFields<MutationJoinGuildArgs, 'input'>>;
  joinRoom?: Resolver<ResolversTypes['JoinRoomPayload'], ParentType, ContextType, RequireFields<MutationJoinRoomArgs, 'input'>>;
  kickFromParty?: Resolver<ResolversTypes['KickFromPartyPayload'], ParentType, ContextType, RequireFields<MutationKickFromPartyArgs, 'input'>>;
  kickGuildMember?: Resolver<ResolversTypes['KickGuildMemberPayload'], ParentType, ContextType, RequireFields<MutationKickGuildMemberArgs, 'input'>>;
  leaveGuild?: Resolver<ResolversTypes['LeaveGuildPayload'], ParentType, ContextType>;
  leaveRoom?: Resolver<ResolversTypes['LeaveRoomPayload'], ParentType, ContextType, RequireFields<MutationLeaveRoomArgs, 'input'>>;
  markRead?: Resolver<ResolversTypes['MarkReadPayload'], ParentType, ContextType, RequireFields<MutationMarkReadArgs, 'input'>>;
  muteUser?: Resolver<ResolversTypes['MuteUserPayload'], ParentType, ContextType, RequireFields<MutationMuteUserArgs, 'input'>>;
  postAnnouncement?: Resolver<ResolversTypes['PostAnnouncementPayload'], ParentType, ContextType, RequireFields<MutationPostAnnouncementArgs, 'input'>>;
  promoteGuildMember?: Resolver<ResolversTypes['ChangeGuildRankPayload'], ParentType, ContextType, RequireFields<MutationPromoteGuildMemberArgs, 'input'>>;
  rejectGuildJoinRequest?: Resolver<ResolversTypes['RejectGuildJoinRequestPayload'], ParentType, ContextType, RequireFields<MutationRejectGuildJoinRequestArgs, 'input'>>;
  reportMessage?: Resolver<ResolversTypes['ReportMessagePayload'], ParentType, ContextType, RequireFields<MutationReportMessageArgs, 'input'>>;
  resolveChatReport?: Resolver<ResolversTypes['ResolveChatReportPayload'], ParentType, ContextType, RequireFields<MutationResolveChatReportArgs, 'input'>>;
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  sendPrivateMessage?: Resolver<ResolversTypes['SendPrivateMessagePayload'], ParentType, ContextType, RequireFields<MutationSendPrivateMessageArgs, 'input'>>;
  setTyping?: Resolver<ResolversTypes['SetTypingPayload'], ParentType, ContextType, RequireFields<MutationSetTypingArgs, 'input'>>;
  startContributionDrive?: Resolver<ResolversTypes['StartContributionDrivePayload'], ParentType, ContextType, RequireFields<MutationStartContributionDriveArgs, 'input'>>;
  transferGuildMastership?: Resolver<ResolversTypes['TransferGuildMastershipPayload'], ParentType, ContextType, RequireFields<MutationTransferGuildMastershipArgs, 'input'>>;
  updateChatRoomSettings?: Resolver<ResolversTypes['UpdateChatRoomSettingsPayload'], ParentType, ContextType, RequireFields<MutationUpdateChatRoomSettingsArgs, 'input'>>;
  updateGuildSettings?: Resolver<ResolversTypes['UpdateGuildSettingsPayload'], ParentType, ContextType, RequireFields<MutationUpdateGuildSettingsArgs, 'input'>>;
}>;

export type MuteUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MuteUserPayload'] = ResolversParentTypes['MuteUserPayload']> = ResolversObject<{
  mute?: Resolver<Maybe<ResolversTypes['ChatMute']>, ParentType, ContextType>;
}>;

export type MyChatRoomResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MyChatRoom'] = ResolversParentTypes['MyChatRoom']> = ResolversObject<{
  lastMessage?: Resolver<Maybe<ResolversTypes['ChatMessage']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PostAnnouncementPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostAnnouncementPayload'] = ResolversParentTypes['PostAnnouncementPayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type PresenceChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PresenceChange'] = ResolversParentTypes['PresenceChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type PrivateMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PrivateMessage'] = ResolversParentTypes['PrivateMessage']> = ResolversObject<{
  inboxCursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  chatReports?: Resolver<Maybe<ResolversTypes['ChatReportConnection']>, ParentType, ContextType, Partial<QueryChatReportsArgs>>;
  chatRoom?: Resolver<Maybe<ResolversTypes['ChatRoom']>, ParentType, ContextType, RequireFields<QueryChatRoomArgs, 'id'>>;
  chatRooms?: Resolver<Maybe<ResolversTypes['ChatRoomConnection']>, ParentType, ContextType, Partial<QueryChatRoomsArgs>>;
  guild?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType, RequireFields<QueryGuildArgs, 'id'>>;
  guildByTag?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType, RequireFields<QueryGuildByTagArgs, 'tag'>>;
  guildWar?: Resolver<Maybe<ResolversTypes['GuildWar']>, ParentType, ContextType, RequireFields<QueryGuildWarArgs, 'id'>>;
  searchGuilds?: Resolver<Maybe<ResolversTypes['GuildConnection']>, ParentType, ContextType, Partial<QuerySearchGuildsArgs>>;
}>;

export type RejectGuildJoinRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RejectGuildJoinRequestPayload'] = ResolversParentTypes['RejectGuildJoinRequestPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ReportMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportMessagePayload'] = ResolversParentTypes['ReportMessagePayload']> = ResolversObject<{
  report?: Resolver<ResolversTypes['ChatReport'], ParentType, ContextType>;
}>;

export type ResolveChatReportPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResolveChatReportPayload'] = ResolversParentTypes['ResolveChatReportPayload']> = ResolversObject<{
  report?: Resolver<ResolversTypes['ChatReport'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SendMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type SendPrivateMessagePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SendPrivateMessagePayload'] = ResolversParentTypes['SendPrivateMessagePayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['ChatMessage'], ParentType, ContextType>;
}>;

export type SetTypingPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SetTypingPayload'] = ResolversParentTypes['SetTypingPayload']> = ResolversObject<{
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type StartContributionDrivePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StartContributionDrivePayload'] = ResolversParentTypes['StartContributionDrivePayload']> = ResolversObject<{
  drive?: Resolver<ResolversTypes['ContributionDrive'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  chatRoomEvents?: SubscriptionResolver<ResolversTypes['ChatRoomEvent'], "chatRoomEvents", ParentType, ContextType, RequireFields<SubscriptionChatRoomEventsArgs, 'roomId'>>;
  guildNotificationReceived?: SubscriptionResolver<ResolversTypes['GuildNotification'], "guildNotificationReceived", ParentType, ContextType>;
  guildUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Guild']>, "guildUpdated", ParentType, ContextType, RequireFields<SubscriptionGuildUpdatedArgs, 'guildId'>>;
  guildWarUpdated?: SubscriptionResolver<Maybe<ResolversTypes['GuildWar']>, "guildWarUpdated", ParentType, ContextType, RequireFields<SubscriptionGuildWarUpdatedArgs, 'warId'>>;
  messageAdded?: SubscriptionResolver<ResolversTypes['ChatMessage'], "messageAdded", ParentType, ContextType, RequireFields<SubscriptionMessageAddedArgs, 'roomId'>>;
  messageDeleted?: SubscriptionResolver<ResolversTypes['ChatMessage'], "messageDeleted", ParentType, ContextType, RequireFields<SubscriptionMessageDeletedArgs, 'roomId'>>;
  messageUpdated?: SubscriptionResolver<ResolversTypes['ChatMessage'], "messageUpdated", ParentType, ContextType, RequireFields<SubscriptionMessageUpdatedArgs, 'roomId'>>;
  presenceChanged?: SubscriptionResolver<ResolversTypes['PresenceChange'], "presenceChanged", ParentType, ContextType, RequireFields<SubscriptionPresenceChangedArgs, 'roomId'>>;
  privateMessageReceived?: SubscriptionResolver<ResolversTypes['PrivateMessage'], "privateMessageReceived", ParentType, ContextType, Partial<SubscriptionPrivateMessageReceivedArgs>>;
  typing?: SubscriptionResolver<ResolversTypes['TypingChange'], "typing", ParentType, ContextType, RequireFields<SubscriptionTypingArgs, 'roomId'>>;
}>;

export type TransferGuildMastershipPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferGuildMastershipPayload'] = ResolversParentTypes['TransferGuildMastershipPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
  master?: Resolver<ResolversTypes['GuildMember'], ParentType, ContextType>;
  previousMaster?: Resolver<ResolversTypes['GuildMember'], ParentType, ContextType>;
}>;

export type TypingChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TypingChange'] = ResolversParentTypes['TypingChange']> = ResolversObject<{
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type UpdateChatRoomSettingsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateChatRoomSettingsPayload'] = ResolversParentTypes['UpdateChatRoomSettingsPayload']> = ResolversObject<{
  room?: Resolver<ResolversTypes['ChatRoom'], ParentType, ContextType>;
}>;

export type UpdateGuildSettingsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateGuildSettingsPayload'] = ResolversParentTypes['UpdateGuildSettingsPayload']> = ResolversObject<{
  guild?: Resolver<ResolversTypes['Guild'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  chatRooms?: Resolver<Maybe<Array<ResolversTypes['MyChatRoom']>>, ParentType, ContextType, Partial<UserChatRoomsArgs>>;
  guild?: Resolver<Maybe<ResolversTypes['Guild']>, ParentType, ContextType>;
  guildNotifications?: Resolver<Maybe<ResolversTypes['GuildNotificationConnection']>, ParentType, ContextType, Partial<UserGuildNotificationsArgs>>;
  guildPermissions?: Resolver<Maybe<Array<ResolversTypes['GuildPermission']>>, ParentType, ContextType>;
  guildRole?: Resolver<Maybe<ResolversTypes['GuildRole']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AcceptGuildInvitationPayload?: AcceptGuildInvitationPayloadResolvers<ContextType>;
  ApproveGuildJoinRequestPayload?: ApproveGuildJoinRequestPayloadResolvers<ContextType>;
  CancelGuildJoinRequestPayload?: CancelGuildJoinRequestPayloadResolvers<ContextType>;
  ChangeGuildRankPayload?: ChangeGuildRankPayloadResolvers<ContextType>;
  ChatMessage?: ChatMessageResolvers<ContextType>;
  ChatMessageConnection?: ChatMessageConnectionResolvers<ContextType>;
  ChatMessageEdge?: ChatMessageEdgeResolvers<ContextType>;
  ChatMute?: ChatMuteResolvers<ContextType>;
  ChatReadReceipt?: ChatReadReceiptResolvers<ContextType>;
  ChatReport?: ChatReportResolvers<ContextType>;
  ChatReportConnection?: ChatReportConnectionResolvers<ContextType>;
  ChatReportEdge?: ChatReportEdgeResolvers<ContextType>;
  ChatRoom?: ChatRoomResolvers<ContextType>;
  ChatRoomConnection?: ChatRoomConnectionResolvers<ContextType>;
  ChatRoomEdge?: ChatRoomEdgeResolvers<ContextType>;
  ChatRoomEvent?: ChatRoomEventResolvers<ContextType>;
  ChatRoomMember?: ChatRoomMemberResolvers<ContextType>;
  ContributeToGuildPayload?: ContributeToGuildPayloadResolvers<ContextType>;
  ContributionDrive?: ContributionDriveResolvers<ContextType>;
  ContributionDriveContributor?: ContributionDriveContributorResolvers<ContextType>;
  CreateGuildPayload?: CreateGuildPayloadResolvers<ContextType>;
  CreatePartyPayload?: CreatePartyPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeclareWarPayload?: DeclareWarPayloadResolvers<ContextType>;
  DeclineGuildInvitationPayload?: DeclineGuildInvitationPayloadResolvers<ContextType>;
  DeleteMessagePayload?: DeleteMessagePayloadResolvers<ContextType>;
  DisbandGuildPayload?: DisbandGuildPayloadResolvers<ContextType>;
  EditMessagePayload?: EditMessagePayloadResolvers<ContextType>;
  GoOfflinePayload?: GoOfflinePayloadResolvers<ContextType>;
  Guild?: GuildResolvers<ContextType>;
  GuildConnection?: GuildConnectionResolvers<ContextType>;
  GuildEdge?: GuildEdgeResolvers<ContextType>;
  GuildInvitation?: GuildInvitationResolvers<ContextType>;
  GuildJoinRequest?: GuildJoinRequestResolvers<ContextType>;
  GuildJoinRequestConnection?: GuildJoinRequestConnectionResolvers<ContextType>;
  GuildJoinRequestEdge?: GuildJoinRequestEdgeResolvers<ContextType>;
  GuildMember?: GuildMemberResolvers<ContextType>;
  GuildMemberConnection?: GuildMemberConnectionResolvers<ContextType>;
  GuildMemberEdge?: GuildMemberEdgeResolvers<ContextType>;
  GuildNotification?: GuildNotificationResolvers<ContextType>;
  GuildNotificationConnection?: GuildNotificationConnectionResolvers<ContextType>;
  GuildNotificationEdge?: GuildNotificationEdgeResolvers<ContextType>;
  GuildWar?: GuildWarResolvers<ContextType>;
  GuildWarConnection?: GuildWarConnectionResolvers<ContextType>;
  GuildWarEdge?: GuildWarEdgeResolvers<ContextType>;
  GuildWarScorer?: GuildWarScorerResolvers<ContextType>;
  HeartbeatPayload?: HeartbeatPayloadResolvers<ContextType>;
  InviteToGuildPayload?: InviteToGuildPayloadResolvers<ContextType>;
  InviteToPartyPayload?: InviteToPartyPayloadResolvers<ContextType>;
  JoinGuildPayload?: JoinGuildPayloadResolvers<ContextType>;
  JoinRoomPayload?: JoinRoomPayloadResolvers<ContextType>;
  KickFromPartyPayload?: KickFromPartyPayloadResolvers<ContextType>;
  KickGuildMemberPayload?: KickGuildMemberPayloadResolvers<ContextType>;
  LeaveGuildPayload?: LeaveGuildPayloadResolvers<ContextType>;
  LeaveRoomPayload?: LeaveRoomPayloadResolvers<ContextType>;
  MarkReadPayload?: MarkReadPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  MuteUserPayload?: MuteUserPayloadResolvers<ContextType>;
  MyChatRoom?: MyChatRoomResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PostAnnouncementPayload?: PostAnnouncementPayloadResolvers<ContextType>;
  PresenceChange?: PresenceChangeResolvers<ContextType>;
  PrivateMessage?: PrivateMessageResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RejectGuildJoinRequestPayload?: RejectGuildJoinRequestPayloadResolvers<ContextType>;
  ReportMessagePayload?: ReportMessagePayloadResolvers<ContextType>;
  ResolveChatReportPayload?: ResolveChatReportPayloadResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  SendPrivateMessagePayload?: SendPrivateMessagePayloadResolvers<ContextType>;
  SetTypingPayload?: SetTypingPayloadResolvers<ContextType>;
  StartContributionDrivePayload?: StartContributionDrivePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TransferGuildMastershipPayload?: TransferGuildMastershipPayloadResolvers<ContextType>;
  TypingChange?: TypingChangeResolvers<ContextType>;
  UpdateChatRoomSettingsPayload?: UpdateChatRoomSettingsPayloadResolvers<ContextType>;
  UpdateGuildSettingsPayload?: UpdateGuildSettingsPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  publicStream?: PublicStreamDirectiveResolver<any, any, ContextType>;
}>;
