/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a player stands on one achievement. */
export type AchievementStatus =
  /** Some progress, not unlocked yet. */
  | 'IN_PROGRESS'
  /** Unlocked. */
  | 'UNLOCKED';

/** What a service holding an API key may do. */
export type ApiKeyScope =
  /** Credit and debit players' wallets (rewards, purchases). */
  | 'MANAGE_WALLET'
  /** Report gameplay events (combats, quests, scores) that drive achievements and analytics. */
  | 'REPORT_GAME_EVENTS'
  /** Report the results of tournament matches. */
  | 'REPORT_MATCH_RESULTS';

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

/** A party to create. */
export type CreatePartyInput = {
  /** How many players it holds, 2–8 (8 when left out). */
  maxMembers?: number | null | undefined;
  /** The party's name: 1–50 characters, one line. */
  name: string;
};

/** How a join went. */
export type GuildJoinStatus =
  /** The player is a member now. */
  | 'JOINED'
  /** The player's request waits for an officer. */
  | 'REQUESTED';

/** The API key to exchange. */
export type IssueServiceTokenInput = {
  /** The API key secret returned by createApiKey. */
  apiKey: string;
};

/** Which guild to join. */
export type JoinGuildInput = {
  /** The guild's id. */
  guildId: string | number;
};

/** Which tournament to join. */
export type JoinTournamentInput = {
  /** The tournament's id. */
  tournamentId: string | number;
};

/** Which end of the scores ranks first. */
export type LeaderboardSortOrder =
  /** The lowest score first (times, golf strokes). */
  | 'ASC'
  /** The highest score first. */
  | 'DESC';

/** Credentials to sign in with. */
export type LoginInput = {
  /** The player's password. */
  password: string;
  /** The player's username or email address. */
  usernameOrEmail: string;
};

/** A new account. */
export type RegisterInput = {
  /**
   * The name shown to other players: 1–32 characters (Unicode code points after NFC, spaces around
   * trimmed), one line, with at least one visible character. Text direction controls and invisible
   * characters (other than the joiners and variation selectors emoji need) are refused. Defaults to
   * the username.
   */
  displayName?: string | null | undefined;
  /** A valid email address; unique. */
  email: string;
  /**
   * 8–128 characters (Unicode code points after NFC), taken as typed: not trimmed, any text without
   * control characters.
   */
  password: string;
  /** 3–20 characters: ASCII letters, digits and underscores. Unique regardless of letter case. */
  username: string;
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

/** A message to post. */
export type SendMessageInput = {
  /**
   * The client's idempotency key for this message, unique per author: 1–64 letters, digits, `.`,
   * `_`, `:` or `-` (a UUID works). Send the same one when retrying the same message.
   */
  clientMessageId?: string | null | undefined;
  /** The room to post in. */
  roomId: string | number;
  /**
   * What to say: 1–2,000 characters (Unicode code points after NFC) once leading and trailing spaces
   * are trimmed. Line breaks are kept (as "\n"); control characters (ANSI escapes), text direction
   * overrides and isolates, and text that draws nothing (only zero-width or filler characters) are
   * refused with BAD_USER_INPUT (field `text`).
   */
  text: string;
};

/** One score from the game server. */
export type SubmitScoreInput = {
  /** The leaderboard. */
  leaderboardId: string | number;
  /**
   * A JSON object, as text, kept with the record when this submission changes it (at most 2,048
   * characters; `{}` by default).
   */
  metadata?: string | null | undefined;
  /** The score: a finite number between -1e15 and 1e15. */
  score: number;
  /**
   * The game server's id for this submission (1–128 characters), one per submission on each
   * leaderboard: sending it again for the same player applies nothing and answers their current
   * record; sending it for another player is CONFLICT, and so is a retry after the period it applied
   * in ended, when the player has no record in the current one (see `submitScore`).
   */
  submissionId: string;
  /** A second score that breaks ties of `score` (0 by default; same range). */
  subscore?: number | null | undefined;
  /** The player who scored. */
  userId: string | number;
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

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { user: { id: string, username: string } } };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { login: { accessToken: string, expiresAt: string, user: { id: string, username: string, level: number, role: Role } } };

export type AchievementsQueryVariables = Exact<{ [key: string]: never; }>;


export type AchievementsQuery = { achievements: Array<{ id: string, name: string, points: number, unlockPercentage: number }> | null, me: { achievementPoints: number | null, achievements: Array<{ status: AchievementStatus, percent: number, achievement: { id: string, name: string } }> | null } | null };

export type CreatePartyMutationVariables = Exact<{
  input: CreatePartyInput;
}>;


export type CreatePartyMutation = { createParty: { room: { id: string, name: string, kind: ChatRoomKind } } };

export type PostMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type PostMessageMutation = { sendMessage: { message: { id: string, text: string, sentAt: string } } };

export type RoomEventsSubscriptionVariables = Exact<{
  roomId: string | number;
}>;


export type RoomEventsSubscription = { chatRoomEvents: { type: ChatRoomEventType, cursor: string, message: { id: string, text: string, author: { username: string, level: number } | null } } };

export type OpenGuildsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenGuildsQuery = { searchGuilds: { edges: Array<{ node: { id: string, name: string, tag: string, requiresApproval: boolean, minLevel: number, memberCount: number, maxMembers: number } }> } | null };

export type JoinGuildMutationVariables = Exact<{
  input: JoinGuildInput;
}>;


export type JoinGuildMutation = { joinGuild: { status: GuildJoinStatus, guild: { id: string, name: string, memberCount: number } } };

export type OpenTournamentsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenTournamentsQuery = { tournaments: { edges: Array<{ node: { id: string, name: string, format: TournamentFormat, entryFee: number, minimumLevel: number, participantCount: number, maxParticipants: number } }> } | null };

export type JoinTournamentMutationVariables = Exact<{
  input: JoinTournamentInput;
}>;


export type JoinTournamentMutation = { joinTournament: { tournament: { id: string, participantCount: number } } };

export type BracketQueryVariables = Exact<{
  id: string | number;
}>;


export type BracketQuery = { tournament: { name: string, status: TournamentStatus, participantCount: number, bracket: Array<{ side: BracketSide, round: number, matches: Array<{ id: string, status: TournamentMatchStatus, playerA: { username: string } | null, playerB: { username: string } | null, winner: { username: string } | null }> }> } | null };

export type LeaderboardsQueryVariables = Exact<{ [key: string]: never; }>;


export type LeaderboardsQuery = { leaderboards: Array<{ id: string, title: string, sortOrder: LeaderboardSortOrder, operator: ScoreOperator, top: { edges: Array<{ node: { score: number } }> } }> };

export type LeaderboardQueryVariables = Exact<{
  id: string | number;
}>;


export type LeaderboardQuery = { leaderboard: { id: string, title: string, sortOrder: LeaderboardSortOrder, operator: ScoreOperator, top: { edges: Array<{ node: { score: number } }> } } | null };

export type ServiceTokenMutationVariables = Exact<{
  input: IssueServiceTokenInput;
}>;


export type ServiceTokenMutation = { issueServiceToken: { accessToken: string, expiresAt: string, scopes: Array<ApiKeyScope> } };

export type SubmitScoreMutationVariables = Exact<{
  input: SubmitScoreInput;
}>;


export type SubmitScoreMutation = { submitScore: { record: { rank: number, score: number, submissions: number } } };

export type LeaderboardUpdatedSubscriptionVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type LeaderboardUpdatedSubscription = { leaderboardUpdated: { reset: boolean, top: Array<{ rank: number, score: number, player: { id: string, username: string } }> } };


export const RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const AchievementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Achievements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"achievements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rarity"},"value":{"kind":"EnumValue","value":"LEGENDARY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"unlockPercentage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"achievementPoints"}},{"kind":"Field","name":{"kind":"Name","value":"achievements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"achievement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AchievementsQuery, AchievementsQueryVariables>;
export const CreatePartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePartyMutation, CreatePartyMutationVariables>;
export const PostMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]}}]} as unknown as DocumentNode<PostMessageMutation, PostMessageMutationVariables>;
export const RoomEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RoomEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chatRoomEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomEventsSubscription, RoomEventsSubscriptionVariables>;
export const OpenGuildsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenGuilds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchGuilds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"isPublic"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"hasSpace"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"requiresApproval"}},{"kind":"Field","name":{"kind":"Name","value":"minLevel"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxMembers"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenGuildsQuery, OpenGuildsQueryVariables>;
export const JoinGuildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinGuild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinGuildInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinGuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"guild"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]} as unknown as DocumentNode<JoinGuildMutation, JoinGuildMutationVariables>;
export const OpenTournamentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenTournaments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tournaments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"REGISTRATION"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"entryFee"}},{"kind":"Field","name":{"kind":"Name","value":"minimumLevel"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxParticipants"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenTournamentsQuery, OpenTournamentsQueryVariables>;
export const JoinTournamentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinTournament"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinTournamentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinTournament"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tournament"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}}]}}]}}]}}]} as unknown as DocumentNode<JoinTournamentMutation, JoinTournamentMutationVariables>;
export const BracketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bracket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tournament"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"bracket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"playerA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"playerB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"winner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BracketQuery, BracketQueryVariables>;
export const LeaderboardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Leaderboards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaderboards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"sortOrder"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"top"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeaderboardsQuery, LeaderboardsQueryVariables>;
export const LeaderboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Leaderboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"sortOrder"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"top"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeaderboardQuery, LeaderboardQueryVariables>;
export const ServiceTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueServiceTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueServiceToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ServiceTokenMutation, ServiceTokenMutationVariables>;
export const SubmitScoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitScore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitScoreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitScore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"submissions"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitScoreMutation, SubmitScoreMutationVariables>;
export const LeaderboardUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LeaderboardUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaderboardUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reset"}},{"kind":"Field","name":{"kind":"Name","value":"top"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"player"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeaderboardUpdatedSubscription, LeaderboardUpdatedSubscriptionVariables>;