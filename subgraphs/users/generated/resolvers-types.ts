import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRow } from '../store/users.store.js';
import type { LedgerEntryRow, WalletRef } from '../store/wallet.store.js';
import type { WalletOperationResult, LevelUpEvent } from '../services/wallet.service.js';
import type { ApiKeyRow } from '../store/api-keys.store.js';
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
   * integers every JSON parser reads without rounding). Used for balances and amounts, which can pass
   * `Int`'s 2,147,483,647; the wallet never lets a balance exceed that range.
   */
  SafeInt: { input: number; output: number | bigint; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The friend request to accept. */
export type AcceptFriendRequestInput = {
  /** The player who sent the request. */
  userId: Scalars['ID']['input'];
};

/** The result of acceptFriendRequest. */
export type AcceptFriendRequestPayload = {
  __typename?: 'AcceptFriendRequestPayload';
  /** The new friend (state FRIEND). */
  friend: Friend;
};

/** A credential for a trusted service such as the game server. Its secret is shown only at creation. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The key's stable, opaque id. */
  id: Scalars['ID']['output'];
  /** What the key is for, e.g. "EU game servers". */
  name: Scalars['String']['output'];
  /** When the key was revoked, or null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What services holding the key may do. */
  scopes: Array<ApiKeyScope>;
};

/** What a service holding an API key may do. */
export type ApiKeyScope =
  /** Credit and debit players' wallets (rewards, purchases). */
  | 'MANAGE_WALLET'
  /** Report gameplay events (combats, quests, scores) that drive achievements and analytics. */
  | 'REPORT_GAME_EVENTS'
  /** Report the results of tournament matches. */
  | 'REPORT_MATCH_RESULTS';

/** An all-or-nothing wallet operation. */
export type ApplyWalletOperationInput = {
  /** The changes, 1 to 20, each asset once. */
  changes: Array<WalletChangeInput>;
  /**
   * Unique per operation (8–200 characters); a retry with the same key applies nothing new and
   * returns the first result. Reusing a key with other parameters (player, reason, reference or
   * changes) fails with CONFLICT (extensions.field = "idempotencyKey").
   */
  idempotencyKey: Scalars['String']['input'];
  /**
   * Why, e.g. `tournament_prize`: 1–100 characters once trimmed (BAD_USER_INPUT, extensions.field =
   * "reason", otherwise).
   */
  reason: Scalars['String']['input'];
  /**
   * What it relates to, e.g. a tournament id: at most 200 characters (BAD_USER_INPUT, extensions.field
   * = "reference", otherwise).
   */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** Whose wallet. */
  userId: Scalars['ID']['input'];
};

/** The result of applyWalletOperation. */
export type ApplyWalletOperationPayload = {
  __typename?: 'ApplyWalletOperationPayload';
  /** The ledger entries the operation wrote. */
  entries: Array<LedgerEntry>;
  /** The operation's id. */
  operationId: Scalars['ID']['output'];
  /** True when this idempotency key was used before: nothing changed and these are the first result's entries. */
  replayed: Scalars['Boolean']['output'];
  /** The player, with their new balances. */
  user: User;
};

/** A signed-in session. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Send as `Authorization: Bearer <accessToken>` on HTTP, or as `{ "authorization": "Bearer <accessToken>" }` in the graphql-ws connection_init payload. */
  accessToken: Scalars['String']['output'];
  /** When the access token stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /**
   * Exchange it with `refreshSession` for a new access token before or after `expiresAt`; it works
   * once. Keep it secret (not in URLs or logs), and send it to `logout` when the player signs out.
   */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token stops working; after that the player signs in again. */
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  /** The signed-in player. */
  user: User;
};

/** How much of one currency a player has. */
export type Balance = {
  __typename?: 'Balance';
  /** The amount held (never negative, at most 9,007,199,254,740,991). */
  amount: Scalars['SafeInt']['output'];
  /** The currency. */
  currency: Currency;
};

/** The player to block. */
export type BlockUserInput = {
  /** The player to block. */
  userId: Scalars['ID']['input'];
};

/** The result of blockUser. */
export type BlockUserPayload = {
  __typename?: 'BlockUserPayload';
  /** The blocked player (state BLOCKED). */
  friend: Friend;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** What the key is for (1–64 characters), e.g. "EU game servers". */
  name: Scalars['String']['input'];
  /** What services holding the key may do (at least one). */
  scopes: Array<ApiKeyScope>;
};

/** The result of createApiKey. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /** The new key. */
  apiKey: ApiKey;
  /** The key's secret, shown this once: store it in the service's secret store. */
  secret: Scalars['String']['output'];
};

/** A currency a wallet holds. */
export type Currency =
  /** The soft currency earned in play. */
  | 'COINS'
  /** The premium currency. */
  | 'PREMIUM'
  /** Experience points: only ever credited; they decide the player's level. */
  | 'XP';

/** The friend request to decline. */
export type DeclineFriendRequestInput = {
  /** The player who sent the request. */
  userId: Scalars['ID']['input'];
};

/** The result of declineFriendRequest. */
export type DeclineFriendRequestPayload = {
  __typename?: 'DeclineFriendRequestPayload';
  /** The player whose request was declined (their friendState is now null). */
  user: User;
};

/** Another player in a friends list, and how the list's owner stands with them. */
export type Friend = {
  __typename?: 'Friend';
  /** The list owner's relation to that player. */
  state: FriendState;
  /** When the relation last changed (request sent, accepted, blocked). */
  updatedAt: Scalars['DateTime']['output'];
  /** The other player. */
  user: User;
};

/** A page of a friends list (Relay connection spec). */
export type FriendConnection = {
  __typename?: 'FriendConnection';
  /** The relations on this page, each with its cursor. */
  edges: Array<FriendEdge>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
};

/** A relation in a friends list and its cursor. */
export type FriendEdge = {
  __typename?: 'FriendEdge';
  /** Pass as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The relation. */
  node: Friend;
};

/**
 * How the viewer stands with another player. Each player has their own side of a relation: when
 * Ana sends Bo a request, Ana's side is INVITE_SENT and Bo's is INVITE_RECEIVED.
 */
export type FriendState =
  /** The viewer blocked the player. */
  | 'BLOCKED'
  /** Both players accepted each other as friends. */
  | 'FRIEND'
  /** The player asked the viewer to be friends; accept or decline it. */
  | 'INVITE_RECEIVED'
  /** The viewer asked the player to be friends and is waiting for an answer. */
  | 'INVITE_SENT';

/** Items of one kind a player owns. */
export type InventoryItem = {
  __typename?: 'InventoryItem';
  /** The item's id, e.g. `legendary_sword`. */
  itemId: Scalars['String']['output'];
  /** How many the player owns. */
  quantity: Scalars['SafeInt']['output'];
};

/** The API key to exchange. */
export type IssueServiceTokenInput = {
  /** The API key secret returned by createApiKey. */
  apiKey: Scalars['String']['input'];
};

/** One change to one currency or item, as recorded (entries are never edited or removed). */
export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  /** Credit (positive) or debit (negative). */
  amount: Scalars['SafeInt']['output'];
  /** The balance right after this change. */
  balanceAfter: Scalars['SafeInt']['output'];
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** The currency changed, or null for an item. */
  currency?: Maybe<Currency>;
  /** Stable id of the entry. */
  id: Scalars['ID']['output'];
  /** The item changed, or null for a currency. */
  itemId?: Maybe<Scalars['String']['output']>;
  /** Why, e.g. `achievement_reward` or `tournament_entry_fee`. */
  reason: Scalars['String']['output'];
  /** What it relates to, e.g. an achievement or tournament id. */
  reference?: Maybe<Scalars['String']['output']>;
};

/** A page of ledger entries. */
export type LedgerEntryConnection = {
  __typename?: 'LedgerEntryConnection';
  /** The entries on this page, each with its cursor. */
  edges: Array<LedgerEntryEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A ledger entry and its cursor. */
export type LedgerEntryEdge = {
  __typename?: 'LedgerEntryEdge';
  /** Pass as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: LedgerEntry;
};

/** A player reached a new level. */
export type LevelUp = {
  __typename?: 'LevelUp';
  /** The new level. */
  level: Scalars['Int']['output'];
  /** The level before. */
  previousLevel: Scalars['Int']['output'];
  /** The player. */
  user: User;
};

/** Credentials to sign in with. */
export type LoginInput = {
  /** The player's password. */
  password: Scalars['String']['input'];
  /** The player's username or email address. */
  usernameOrEmail: Scalars['String']['input'];
};

/** The session to sign out. */
export type LogoutInput = {
  /** The session's current refresh token. */
  refreshToken: Scalars['String']['input'];
};

/** The result of logout and logoutEverywhere. */
export type LogoutPayload = {
  __typename?: 'LogoutPayload';
  /** How many refresh tokens stopped working (0 when the session was already signed out). */
  revokedSessions: Scalars['Int']['output'];
};

/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Accepts a friend request the viewer received: both become FRIEND. CONFLICT when there is no
   * request from that player; NOT_FOUND for an unknown player.
   */
  acceptFriendRequest: AcceptFriendRequestPayload;
  /**
   * Credits and debits a player's wallet in one all-or-nothing operation (currencies and items).
   * Retrying with the same idempotencyKey and the same parameters returns the first result and
   * changes nothing; the same key with other parameters fails with CONFLICT (field "idempotencyKey").
   * A debit past zero fails with INSUFFICIENT_FUNDS and changes nothing. For the studio's services
   * (a service token of an API key with MANAGE_WALLET) and admins only (UNAUTHENTICATED when signed
   * out, FORBIDDEN otherwise); players earn and spend through game features.
   */
  applyWalletOperation: ApplyWalletOperationPayload;
  /**
   * Blocks a player, whatever the relation was: friendship and requests between them end, they can
   * no longer send the viewer friend requests or messages, nor see the viewer's presence. The blocked
   * player is not told and their view of the viewer shows no relation. CONFLICT when already blocked.
   */
  blockUser: BlockUserPayload;
  /**
   * Creates an API key for a trusted service such as the game server. The secret is in the payload
   * and is never shown again. Admins only (UNAUTHENTICATED when signed out, FORBIDDEN otherwise).
   */
  createApiKey: CreateApiKeyPayload;
  /**
   * Declines a friend request the viewer received: it disappears for both players (the sender is
   * not told). CONFLICT when there is no request from that player.
   */
  declineFriendRequest: DeclineFriendRequestPayload;
  /**
   * Exchanges an API key's secret for a short-lived service access token carrying the key's scopes.
   * A wrong or revoked secret fails with UNAUTHENTICATED. Called by services, not by players.
   */
  issueServiceToken: ServiceTokenPayload;
  /**
   * Signs a player in by username or email. Wrong credentials fail with UNAUTHENTICATED, without
   * saying which part was wrong. Every attempt counts before the password is checked: after 5 on
   * one account within 15 minutes it is locked for a minute, and after 10 from one network address
   * for 10 minutes; meanwhile sign-in fails with RATE_LIMITED (extensions.retryAfterMs), even with
   * the right password. A successful sign-in does not count, and clears the account's failed
   * attempts (not the address's).
   */
  login: AuthPayload;
  /**
   * Signs out the session the refresh token belongs to: it and every token refreshed from it stop
   * working. Access tokens already issued keep working until they expire (minutes). An unknown token
   * is not an error.
   */
  logout: LogoutPayload;
  /** Signs the signed-in player out of every session on every device. Requires a signed-in player. */
  logoutEverywhere: LogoutPayload;
  /**
   * Exchanges a refresh token for a new access token and a new refresh token; the one presented
   * stops working. Presenting a refresh token that was already exchanged signs out every device of
   * that sign-in (the whole session) and fails with UNAUTHENTICATED, as does an expired or revoked one.
   */
  refreshSession: AuthPayload;
  /**
   * Creates an account and signs the new player in. A username the platform lists in
   * ADMIN_USERNAMES is created ADMIN (a new setup's first admin).
   * Fails with CONFLICT (extensions.field = "username" or "email") when either is taken, and with
   * BAD_USER_INPUT naming the field when a value breaks a rule. Every call counts against the
   * client's network address: past 10 an hour (the default), RATE_LIMITED with
   * extensions.retryAfterMs.
   */
  register: AuthPayload;
  /**
   * Ends a friendship, or withdraws a friend request the viewer sent; the relation disappears for
   * both players. CONFLICT when they are neither friends nor has the viewer a pending request to them.
   */
  removeFriend: RemoveFriendPayload;
  /**
   * Revokes an API key: it can no longer obtain service tokens (tokens already issued expire within
   * minutes). Revoking a revoked key changes nothing. Admins only (UNAUTHENTICATED when signed out,
   * FORBIDDEN otherwise); NOT_FOUND for an unknown id.
   */
  revokeApiKey: RevokeApiKeyPayload;
  /**
   * Asks a player to be friends: the viewer's side becomes INVITE_SENT and theirs INVITE_RECEIVED.
   * If that player had already asked the viewer, both become FRIEND at once. Requires a signed-in
   * player. Fails with BAD_USER_INPUT for the viewer's own id, NOT_FOUND for an unknown player (and
   * also for a player who blocked the viewer, so a block is never revealed, even when the viewer
   * blocked them too), and CONFLICT when a request is already pending, they are already friends, or
   * the viewer blocked them (and they did not block the viewer).
   */
  sendFriendRequest: SendFriendRequestPayload;
  /**
   * Changes what a player may do. Admin players only (UNAUTHENTICATED when signed out, FORBIDDEN
   * otherwise, service tokens included); admins cannot change their own role. The new role applies from the player's next sign-in or session refresh.
   */
  setRole: SetRolePayload;
  /**
   * Lifts the viewer's block of a player; no relation remains (a block that player placed on the
   * viewer stays). CONFLICT when the viewer has not blocked them.
   */
  unblockUser: UnblockUserPayload;
  /**
   * Changes the signed-in player's public profile. Fields left out stay as they are.
   * Subscribers of `profileUpdated` for this player, and the player's friends subscribed to
   * `friendUpdated`, receive the new profile.
   */
  updateProfile: UpdateProfilePayload;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationAcceptFriendRequestArgs = {
  input: AcceptFriendRequestInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationApplyWalletOperationArgs = {
  input: ApplyWalletOperationInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationBlockUserArgs = {
  input: BlockUserInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationDeclineFriendRequestArgs = {
  input: DeclineFriendRequestInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationIssueServiceTokenArgs = {
  input: IssueServiceTokenInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationLoginArgs = {
  input: LoginInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationLogoutArgs = {
  input: LogoutInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRefreshSessionArgs = {
  input: RefreshSessionInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRegisterArgs = {
  input: RegisterInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRemoveFriendArgs = {
  input: RemoveFriendInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSendFriendRequestArgs = {
  input: SendFriendRequestInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationSetRoleArgs = {
  input: SetRoleInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationUnblockUserArgs = {
  input: UnblockUserInput;
};


/**
 * The root of every write. Each mutation takes one `input` object and returns a payload holding
 * the changed objects.
 */
export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
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
  /**
   * Every service API key, newest first, revoked ones included (secrets are never shown again).
   * Admins only: UNAUTHENTICATED when signed out, FORBIDDEN otherwise.
   */
  apiKeys?: Maybe<Array<ApiKey>>;
  /** The signed-in player, or null when the request carries no access token. */
  me?: Maybe<User>;
  /** A player by id, or null when there is none. */
  user?: Maybe<User>;
  /** A player by username (case-insensitive), or null when there is none. */
  userByUsername?: Maybe<User>;
  /** Several players at once, in the order asked; null where an id matches nobody. At most 100 ids. */
  users?: Maybe<Array<Maybe<User>>>;
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryUserByUsernameArgs = {
  username: Scalars['String']['input'];
};


/**
 * The root of every read: the entry points for looking up players and their game data. Each
 * subgraph contributes its own fields.
 */
export type QueryUsersArgs = {
  ids: Array<Scalars['ID']['input']>;
};

/** A refresh token to exchange. */
export type RefreshSessionInput = {
  /** The refresh token from the last sign-in or refresh. */
  refreshToken: Scalars['String']['input'];
};

/** A new account. */
export type RegisterInput = {
  /**
   * The name shown to other players: 1–32 characters (Unicode code points after NFC, spaces around
   * trimmed), one line, with at least one visible character. Text direction controls and invisible
   * characters (other than the joiners and variation selectors emoji need) are refused. Defaults to
   * the username.
   */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** A valid email address; unique. */
  email: Scalars['String']['input'];
  /**
   * 8–128 characters (Unicode code points after NFC), taken as typed: not trimmed, any text without
   * control characters.
   */
  password: Scalars['String']['input'];
  /** 3–20 characters: ASCII letters, digits and underscores. Unique regardless of letter case. */
  username: Scalars['String']['input'];
};

/** The friend (or pending request) to remove. */
export type RemoveFriendInput = {
  /** The friend, or the player the viewer sent a request to. */
  userId: Scalars['ID']['input'];
};

/** The result of removeFriend. */
export type RemoveFriendPayload = {
  __typename?: 'RemoveFriendPayload';
  /** The player removed (their friendState is now null). */
  user: User;
};

/** The API key to revoke. */
export type RevokeApiKeyInput = {
  /** The key's id. */
  id: Scalars['ID']['input'];
};

/** The result of revokeApiKey. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** The key, now revoked. */
  apiKey: ApiKey;
};

/** What a player may do beyond playing. */
export type Role =
  /** Operates the platform for the studio. */
  | 'ADMIN'
  /** Moderates chat and handles reports. */
  | 'MODERATOR'
  /** Creates and runs tournaments. */
  | 'ORGANIZER'
  /** A regular player. */
  | 'PLAYER';

/** The player to ask to be friends. */
export type SendFriendRequestInput = {
  /** The player to ask. */
  userId: Scalars['ID']['input'];
};

/** The result of sendFriendRequest. */
export type SendFriendRequestPayload = {
  __typename?: 'SendFriendRequestPayload';
  /** The viewer's relation to that player: INVITE_SENT, or FRIEND when they had already asked the viewer. */
  friend: Friend;
};

/** A short-lived service access token. */
export type ServiceTokenPayload = {
  __typename?: 'ServiceTokenPayload';
  /** Send as `Authorization: Bearer <accessToken>`; it acts as the service, with the key's scopes. */
  accessToken: Scalars['String']['output'];
  /** When the token stops working; exchange the API key again before then. */
  expiresAt: Scalars['DateTime']['output'];
  /** What the token allows. */
  scopes: Array<ApiKeyScope>;
};

/** A player's new role. */
export type SetRoleInput = {
  /** The role they get. */
  role: Role;
  /** The player whose role changes. */
  userId: Scalars['ID']['input'];
};

/** The result of setRole. */
export type SetRolePayload = {
  __typename?: 'SetRolePayload';
  /** The player, with the new role. */
  user: User;
};

/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The signed-in player's friends' profiles, each time one of them changes (name, avatar, bio, time zone…).
   * Only players who are the viewer's FRIEND when the change is delivered are sent: a friendship that ends
   * (removeFriend, blockUser) stops that player's updates at once, and a new friendship starts them, without
   * resubscribing. Requires a signed-in player: UNAUTHENTICATED when signed out, FORBIDDEN for a
   * service token.
   */
  friendUpdated: User;
  /** The signed-in player's level-ups, as they happen. */
  levelUp: LevelUp;
  /**
   * The signed-in player's own profile each time it changes, from any device, private fields
   * included. Requires a signed-in player.
   */
  meUpdated: User;
  /** The player's public profile each time it changes. Open to anyone, signed in or not. */
  profileUpdated: User;
};


/** The root of live updates, delivered over the graphql-ws WebSocket protocol. */
export type SubscriptionProfileUpdatedArgs = {
  userId: Scalars['ID']['input'];
};

/** The player to unblock. */
export type UnblockUserInput = {
  /** The player to unblock. */
  userId: Scalars['ID']['input'];
};

/** The result of unblockUser. */
export type UnblockUserPayload = {
  __typename?: 'UnblockUserPayload';
  /** The player unblocked (their friendState is now null). */
  user: User;
};

/** Changes to a profile; omitted fields are left unchanged. */
export type UpdateProfileInput = {
  /** An http:// or https:// picture URL of at most 512 characters; null or "" removes the picture. */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /**
   * A few words about the player, at most 280 characters (Unicode code points after NFC); line
   * breaks are kept, control characters and text direction overrides are refused; "" clears it.
   */
  bio?: InputMaybe<Scalars['String']['input']>;
  /**
   * The name shown to other players: 1–32 characters (Unicode code points after NFC, spaces around
   * trimmed), one line, with at least one visible character. Text direction controls and invisible
   * characters (other than the joiners and variation selectors emoji need) are refused.
   */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /**
   * The player's IANA time zone, e.g. "Europe/Madrid"; their days (streaks, daily rewards) start at
   * midnight there.
   */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** The result of updateProfile. */
export type UpdateProfilePayload = {
  __typename?: 'UpdateProfilePayload';
  /** The player, as changed. */
  user: User;
};

/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type User = {
  __typename?: 'User';
  /** The player's picture (an http or https URL), or null when they have none. */
  avatarUrl?: Maybe<Scalars['String']['output']>;
  /** A few words the player wrote about themselves (at most 280 characters; may be empty). */
  bio: Scalars['String']['output'];
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The name shown to other players. */
  displayName: Scalars['String']['output'];
  /** The account's email address; visible to its owner only (null for everyone else). */
  email?: Maybe<Scalars['String']['output']>;
  /**
   * The viewer's relation to this player (FRIEND, INVITE_SENT, INVITE_RECEIVED or BLOCKED), or null
   * when there is none, when the viewer is anonymous, or when this is the viewer.
   */
  friendState?: Maybe<FriendState>;
  /**
   * The player's friends list: friends, pending requests both ways and players they blocked, most
   * recently changed first. Only the player themself may read it: UNAUTHENTICATED for anonymous
   * viewers, FORBIDDEN for anyone else (friends lists are private, as in Nakama).
   */
  friends: FriendConnection;
  /** The player's stable, opaque id. */
  id: Scalars['ID']['output'];
  /**
   * Items the player owns; visible to the player only (null for everyone else), and to the service
   * or admin in the `applyWalletOperation` payload they receive.
   */
  inventory?: Maybe<Array<InventoryItem>>;
  /** When the player last signed in, or null when they never have since registering. */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** The player's level, from their XP: reaching level L takes 100·(L−1)² XP (level 2 at 100, 10 at 8,100; at most 100). */
  level: Scalars['Int']['output'];
  /** What this player may do. */
  role: Role;
  /**
   * The player's IANA time zone, e.g. "Europe/Madrid" ("UTC" unless they chose one); their days
   * start at midnight there.
   */
  timezone: Scalars['String']['output'];
  /** Unique handle, 3–20 letters, digits or underscores, shown as the player typed it. */
  username: Scalars['String']['output'];
  /**
   * The player's currencies and their history; visible to the player only (null for everyone else),
   * and to the service or admin in the `applyWalletOperation` payload they receive.
   */
  wallet?: Maybe<Wallet>;
  /** Total experience points earned. */
  xp: Scalars['SafeInt']['output'];
  /** XP the current level spans until the next one; null at the maximum level. */
  xpForNextLevel?: Maybe<Scalars['Int']['output']>;
  /** XP earned since reaching the current level. */
  xpIntoLevel: Scalars['SafeInt']['output'];
};


/** A player account. Other subgraphs add fields to it (achievements, guild, wallet, rating). */
export type UserFriendsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<FriendState>;
};

/** A player's currencies. */
export type Wallet = {
  __typename?: 'Wallet';
  /** Every currency's balance (0 when never credited). */
  balances: Array<Balance>;
  /** Every change to this wallet, newest first. */
  ledger: LedgerEntryConnection;
};


/** A player's currencies. */
export type WalletLedgerArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** One asset's change in a wallet operation: name a currency or an item, not both. */
export type WalletChangeInput = {
  /**
   * Positive to credit, negative to debit; never zero, at most 1,000,000,000 either way
   * (BAD_USER_INPUT otherwise). A credit that would take the balance past 9,007,199,254,740,991
   * fails with BAD_USER_INPUT and changes nothing.
   */
  amount: Scalars['Int']['input'];
  /** The currency to change. */
  currency?: InputMaybe<Currency>;
  /**
   * The item to change, e.g. `legendary_sword`: 1–64 lower-case letters, digits or underscores
   * (BAD_USER_INPUT otherwise).
   */
  itemId?: InputMaybe<Scalars['String']['input']>;
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
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AcceptFriendRequestInput: AcceptFriendRequestInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AcceptFriendRequestPayload: ResolverTypeWrapper<Omit<AcceptFriendRequestPayload, 'friend'> & { friend: ResolversTypes['Friend'] }>;
  ApiKey: ResolverTypeWrapper<ApiKeyRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApiKeyScope: ApiKeyScope;
  ApplyWalletOperationInput: ApplyWalletOperationInput;
  ApplyWalletOperationPayload: ResolverTypeWrapper<WalletOperationResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Balance: ResolverTypeWrapper<Balance>;
  BlockUserInput: BlockUserInput;
  BlockUserPayload: ResolverTypeWrapper<Omit<BlockUserPayload, 'friend'> & { friend: ResolversTypes['Friend'] }>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  Currency: Currency;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeclineFriendRequestInput: DeclineFriendRequestInput;
  DeclineFriendRequestPayload: ResolverTypeWrapper<Omit<DeclineFriendRequestPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Friend: ResolverTypeWrapper<Omit<Friend, 'user'> & { user: ResolversTypes['User'] }>;
  FriendConnection: ResolverTypeWrapper<Omit<FriendConnection, 'edges'> & { edges: Array<ResolversTypes['FriendEdge']> }>;
  FriendEdge: ResolverTypeWrapper<Omit<FriendEdge, 'node'> & { node: ResolversTypes['Friend'] }>;
  FriendState: FriendState;
  InventoryItem: ResolverTypeWrapper<InventoryItem>;
  IssueServiceTokenInput: IssueServiceTokenInput;
  LedgerEntry: ResolverTypeWrapper<LedgerEntryRow>;
  LedgerEntryConnection: ResolverTypeWrapper<Omit<LedgerEntryConnection, 'edges'> & { edges: Array<ResolversTypes['LedgerEntryEdge']> }>;
  LedgerEntryEdge: ResolverTypeWrapper<Omit<LedgerEntryEdge, 'node'> & { node: ResolversTypes['LedgerEntry'] }>;
  LevelUp: ResolverTypeWrapper<LevelUpEvent>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LoginInput: LoginInput;
  LogoutInput: LogoutInput;
  LogoutPayload: ResolverTypeWrapper<LogoutPayload>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefreshSessionInput: RefreshSessionInput;
  RegisterInput: RegisterInput;
  RemoveFriendInput: RemoveFriendInput;
  RemoveFriendPayload: ResolverTypeWrapper<Omit<RemoveFriendPayload, 'user'> & { user: ResolversTypes['User'] }>;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: ResolverTypeWrapper<Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  Role: Role;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SendFriendRequestInput: SendFriendRequestInput;
  SendFriendRequestPayload: ResolverTypeWrapper<Omit<SendFriendRequestPayload, 'friend'> & { friend: ResolversTypes['Friend'] }>;
  ServiceTokenPayload: ResolverTypeWrapper<ServiceTokenPayload>;
  SetRoleInput: SetRoleInput;
  SetRolePayload: ResolverTypeWrapper<Omit<SetRolePayload, 'user'> & { user: ResolversTypes['User'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UnblockUserInput: UnblockUserInput;
  UnblockUserPayload: ResolverTypeWrapper<Omit<UnblockUserPayload, 'user'> & { user: ResolversTypes['User'] }>;
  UpdateProfileInput: UpdateProfileInput;
  UpdateProfilePayload: ResolverTypeWrapper<Omit<UpdateProfilePayload, 'user'> & { user: ResolversTypes['User'] }>;
  User: ResolverTypeWrapper<UserRow>;
  Wallet: ResolverTypeWrapper<WalletRef>;
  WalletChangeInput: WalletChangeInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptFriendRequestInput: AcceptFriendRequestInput;
  ID: Scalars['ID']['output'];
  AcceptFriendRequestPayload: Omit<AcceptFriendRequestPayload, 'friend'> & { friend: ResolversParentTypes['Friend'] };
  ApiKey: ApiKeyRow;
  String: Scalars['String']['output'];
  ApplyWalletOperationInput: ApplyWalletOperationInput;
  ApplyWalletOperationPayload: WalletOperationResult;
  Boolean: Scalars['Boolean']['output'];
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Balance: Balance;
  BlockUserInput: BlockUserInput;
  BlockUserPayload: Omit<BlockUserPayload, 'friend'> & { friend: ResolversParentTypes['Friend'] };
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  DateTime: Scalars['DateTime']['output'];
  DeclineFriendRequestInput: DeclineFriendRequestInput;
  DeclineFriendRequestPayload: Omit<DeclineFriendRequestPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Friend: Omit<Friend, 'user'> & { user: ResolversParentTypes['User'] };
  FriendConnection: Omit<FriendConnection, 'edges'> & { edges: Array<ResolversParentTypes['FriendEdge']> };
  FriendEdge: Omit<FriendEdge, 'node'> & { node: ResolversParentTypes['Friend'] };
  InventoryItem: InventoryItem;
  IssueServiceTokenInput: IssueServiceTokenInput;
  LedgerEntry: LedgerEntryRow;
  LedgerEntryConnection: Omit<LedgerEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['LedgerEntryEdge']> };
  LedgerEntryEdge: Omit<LedgerEntryEdge, 'node'> & { node: ResolversParentTypes['LedgerEntry'] };
  LevelUp: LevelUpEvent;
  Int: Scalars['Int']['output'];
  LoginInput: LoginInput;
  LogoutInput: LogoutInput;
  LogoutPayload: LogoutPayload;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RefreshSessionInput: RefreshSessionInput;
  RegisterInput: RegisterInput;
  RemoveFriendInput: RemoveFriendInput;
  RemoveFriendPayload: Omit<RemoveFriendPayload, 'user'> & { user: ResolversParentTypes['User'] };
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  SafeInt: Scalars['SafeInt']['output'];
  SendFriendRequestInput: SendFriendRequestInput;
  SendFriendRequestPayload: Omit<SendFriendRequestPayload, 'friend'> & { friend: ResolversParentTypes['Friend'] };
  ServiceTokenPayload: ServiceTokenPayload;
  SetRoleInput: SetRoleInput;
  SetRolePayload: Omit<SetRolePayload, 'user'> & { user: ResolversParentTypes['User'] };
  Subscription: Record<PropertyKey, never>;
  UnblockUserInput: UnblockUserInput;
  UnblockUserPayload: Omit<UnblockUserPayload, 'user'> & { user: ResolversParentTypes['User'] };
  UpdateProfileInput: UpdateProfileInput;
  UpdateProfilePayload: Omit<UpdateProfilePayload, 'user'> & { user: ResolversParentTypes['User'] };
  User: UserRow;
  Wallet: WalletRef;
  WalletChangeInput: WalletChangeInput;
}>;

export type PublicStreamDirectiveArgs = { };

export type PublicStreamDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicStreamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AcceptFriendRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AcceptFriendRequestPayload'] = ResolversParentTypes['AcceptFriendRequestPayload']> = ResolversObject<{
  friend?: Resolver<ResolversTypes['Friend'], ParentType, ContextType>;
}>;

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type ApplyWalletOperationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApplyWalletOperationPayload'] = ResolversParentTypes['ApplyWalletOperationPayload']> = ResolversObject<{
  entries?: Resolver<Array<ResolversTypes['LedgerEntry']>, ParentType, ContextType>;
  operationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type BalanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Balance'] = ResolversParentTypes['Balance']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
}>;

export type BlockUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BlockUserPayload'] = ResolversParentTypes['BlockUserPayload']> = ResolversObject<{
  friend?: Resolver<ResolversTypes['Friend'], ParentType, ContextType>;
}>;

export type CreateApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeclineFriendRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeclineFriendRequestPayload'] = ResolversParentTypes['DeclineFriendRequestPayload']> = ResolversObject<{
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type FriendResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Friend'] = ResolversParentTypes['Friend']> = ResolversObject<{
  state?: Resolver<ResolversTypes['FriendState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type FriendConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FriendConnection'] = ResolversParentTypes['FriendConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FriendEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type FriendEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FriendEdge'] = ResolversParentTypes['FriendEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Friend'], ParentType, ContextType>;
}>;

export type InventoryItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryItem'] = ResolversParentTypes['InventoryItem']> = ResolversObject<{
  itemId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type LedgerEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerEntry'] = ResolversParentTypes['LedgerEntry']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  balanceAfter?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['Currency']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LedgerEntryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerEntryConnection'] = ResolversParentTypes['LedgerEntryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LedgerEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type LedgerEntryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerEntryEdge'] = ResolversParentTypes['LedgerEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LedgerEntry'], ParentType, ContextType>;
}>;

export type LevelUpResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LevelUp'] = ResolversParentTypes['LevelUp']> = ResolversObject<{
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  previousLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type LogoutPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LogoutPayload'] = ResolversParentTypes['LogoutPayload']> = ResolversObject<{
  revokedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptFriendRequest?: Resolver<ResolversTypes['AcceptFriendRequestPayload'], ParentType, ContextType, RequireFields<MutationAcceptFriendRequestArgs, 'input'>>;
  applyWalletOperation?: Resolver<ResolversTypes['ApplyWalletOperationPayload'], ParentType, ContextType, RequireFields<MutationApplyWalletOperationArgs, 'input'>>;
  blockUser?: Resolver<ResolversTypes['BlockUserPayload'], ParentType, ContextType, RequireFields<MutationBlockUserArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  declineFriendRequest?: Resolver<ResolversTypes['DeclineFriendRequestPayload'], ParentType, ContextType, RequireFields<MutationDeclineFriendRequestArgs, 'input'>>;
  issueServiceToken?: Resolver<ResolversTypes['ServiceTokenPayload'], ParentType, ContextType, RequireFields<MutationIssueServiceTokenArgs, 'input'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['LogoutPayload'], ParentType, ContextType, RequireFields<MutationLogoutArgs, 'input'>>;
  logoutEverywhere?: Resolver<ResolversTypes['LogoutPayload'], ParentType, ContextType>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'input'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  removeFriend?: Resolver<ResolversTypes['RemoveFriendPayload'], ParentType, ContextType, RequireFields<MutationRemoveFriendArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['RevokeApiKeyPayload'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'input'>>;
  sendFriendRequest?: Resolver<ResolversTypes['SendFriendRequestPayload'], ParentType, ContextType, RequireFields<MutationSendFriendRequestArgs, 'input'>>;
  setRole?: Resolver<ResolversTypes['SetRolePayload'], ParentType, ContextType, RequireFields<MutationSetRoleArgs, 'input'>>;
  unblockUser?: Resolver<ResolversTypes['UnblockUserPayload'], ParentType, ContextType, RequireFields<MutationUnblockUserArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['UpdateProfilePayload'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Maybe<Array<ResolversTypes['ApiKey']>>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  userByUsername?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserByUsernameArgs, 'username'>>;
  users?: Resolver<Maybe<Array<Maybe<ResolversTypes['User']>>>, ParentType, ContextType, RequireFields<QueryUsersArgs, 'ids'>>;
}>;

export type RemoveFriendPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RemoveFriendPayload'] = ResolversParentTypes['RemoveFriendPayload']> = ResolversObject<{
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type RevokeApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevokeApiKeyPayload'] = ResolversParentTypes['RevokeApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SendFriendRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SendFriendRequestPayload'] = ResolversParentTypes['SendFriendRequestPayload']> = ResolversObject<{
  friend?: Resolver<ResolversTypes['Friend'], ParentType, ContextType>;
}>;

export type ServiceTokenPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceTokenPayload'] = ResolversParentTypes['ServiceTokenPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type SetRolePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SetRolePayload'] = ResolversParentTypes['SetRolePayload']> = ResolversObject<{
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  friendUpdated?: SubscriptionResolver<ResolversTypes['User'], "friendUpdated", ParentType, ContextType>;
  levelUp?: SubscriptionResolver<ResolversTypes['LevelUp'], "levelUp", ParentType, ContextType>;
  meUpdated?: SubscriptionResolver<ResolversTypes['User'], "meUpdated", ParentType, ContextType>;
  profileUpdated?: SubscriptionResolver<ResolversTypes['User'], "profileUpdated", ParentType, ContextType, RequireFields<SubscriptionProfileUpdatedArgs, 'userId'>>;
}>;

export type UnblockUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnblockUserPayload'] = ResolversParentTypes['UnblockUserPayload']> = ResolversObject<{
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UpdateProfilePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateProfilePayload'] = ResolversParentTypes['UpdateProfilePayload']> = ResolversObject<{
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bio?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  friendState?: Resolver<Maybe<ResolversTypes['FriendState']>, ParentType, ContextType>;
  friends?: Resolver<ResolversTypes['FriendConnection'], ParentType, ContextType, Partial<UserFriendsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inventory?: Resolver<Maybe<Array<ResolversTypes['InventoryItem']>>, ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  wallet?: Resolver<Maybe<ResolversTypes['Wallet']>, ParentType, ContextType>;
  xp?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  xpForNextLevel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  xpIntoLevel?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type WalletResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Wallet'] = ResolversParentTypes['Wallet']> = ResolversObject<{
  balances?: Resolver<Array<ResolversTypes['Balance']>, ParentType, ContextType>;
  ledger?: Resolver<ResolversTypes['LedgerEntryConnection'], ParentType, ContextType, Partial<WalletLedgerArgs>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AcceptFriendRequestPayload?: AcceptFriendRequestPayloadResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApplyWalletOperationPayload?: ApplyWalletOperationPayloadResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Balance?: BalanceResolvers<ContextType>;
  BlockUserPayload?: BlockUserPayloadResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeclineFriendRequestPayload?: DeclineFriendRequestPayloadResolvers<ContextType>;
  Friend?: FriendResolvers<ContextType>;
  FriendConnection?: FriendConnectionResolvers<ContextType>;
  FriendEdge?: FriendEdgeResolvers<ContextType>;
  InventoryItem?: InventoryItemResolvers<ContextType>;
  LedgerEntry?: LedgerEntryResolvers<ContextType>;
  LedgerEntryConnection?: LedgerEntryConnectionResolvers<ContextType>;
  LedgerEntryEdge?: LedgerEntryEdgeResolvers<ContextType>;
  LevelUp?: LevelUpResolvers<ContextType>;
  LogoutPayload?: LogoutPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveFriendPayload?: RemoveFriendPayloadResolvers<ContextType>;
  RevokeApiKeyPayload?: RevokeApiKeyPayloadResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SendFriendRequestPayload?: SendFriendRequestPayloadResolvers<ContextType>;
  ServiceTokenPayload?: ServiceTokenPayloadResolvers<ContextType>;
  SetRolePayload?: SetRolePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  UnblockUserPayload?: UnblockUserPayloadResolvers<ContextType>;
  UpdateProfilePayload?: UpdateProfilePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Wallet?: WalletResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  publicStream?: PublicStreamDirectiveResolver<any, any, ContextType>;
}>;
