/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id username }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user { id username level role }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Achievements {\n    achievements(rarity: LEGENDARY) { id name points unlockPercentage }\n    me {\n      achievementPoints\n      achievements { status percent achievement { id name } }\n    }\n  }\n": typeof types.AchievementsDocument,
    "\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) {\n      room { id name kind }\n    }\n  }\n": typeof types.CreatePartyDocument,
    "\n  mutation PostMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id text sentAt }\n    }\n  }\n": typeof types.PostMessageDocument,
    "\n  subscription RoomEvents($roomId: ID!) {\n    chatRoomEvents(roomId: $roomId) {\n      type\n      cursor\n      message { id text author { username level } }\n    }\n  }\n": typeof types.RoomEventsDocument,
    "\n  query OpenGuilds {\n    searchGuilds(isPublic: true, hasSpace: true, first: 20) {\n      edges { node { id name tag requiresApproval minLevel memberCount maxMembers } }\n    }\n  }\n": typeof types.OpenGuildsDocument,
    "\n  mutation JoinGuild($input: JoinGuildInput!) {\n    joinGuild(input: $input) {\n      status\n      guild { id name memberCount }\n    }\n  }\n": typeof types.JoinGuildDocument,
    "\n  query OpenTournaments {\n    tournaments(status: REGISTRATION, first: 20) {\n      edges { node { id name format entryFee minimumLevel participantCount maxParticipants } }\n    }\n  }\n": typeof types.OpenTournamentsDocument,
    "\n  mutation JoinTournament($input: JoinTournamentInput!) {\n    joinTournament(input: $input) {\n      tournament { id participantCount }\n    }\n  }\n": typeof types.JoinTournamentDocument,
    "\n  query Bracket($id: ID!) {\n    tournament(id: $id) {\n      name\n      status\n      participantCount\n      bracket {\n        side\n        round\n        matches { id status playerA { username } playerB { username } winner { username } }\n      }\n    }\n  }\n": typeof types.BracketDocument,
    "\n  query Leaderboards {\n    leaderboards(first: 20) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n": typeof types.LeaderboardsDocument,
    "\n  query Leaderboard($id: ID!) {\n    leaderboard(id: $id) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  mutation ServiceToken($input: IssueServiceTokenInput!) {\n    issueServiceToken(input: $input) { accessToken expiresAt scopes }\n  }\n": typeof types.ServiceTokenDocument,
    "\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      record { rank score submissions }\n    }\n  }\n": typeof types.SubmitScoreDocument,
    "\n  subscription LeaderboardUpdated($id: ID!, $first: Int) {\n    leaderboardUpdated(id: $id, first: $first) {\n      reset\n      top { rank score player { id username } }\n    }\n  }\n": typeof types.LeaderboardUpdatedDocument,
};
const documents: Documents = {
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id username }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user { id username level role }\n    }\n  }\n": types.SignInDocument,
    "\n  query Achievements {\n    achievements(rarity: LEGENDARY) { id name points unlockPercentage }\n    me {\n      achievementPoints\n      achievements { status percent achievement { id name } }\n    }\n  }\n": types.AchievementsDocument,
    "\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) {\n      room { id name kind }\n    }\n  }\n": types.CreatePartyDocument,
    "\n  mutation PostMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id text sentAt }\n    }\n  }\n": types.PostMessageDocument,
    "\n  subscription RoomEvents($roomId: ID!) {\n    chatRoomEvents(roomId: $roomId) {\n      type\n      cursor\n      message { id text author { username level } }\n    }\n  }\n": types.RoomEventsDocument,
    "\n  query OpenGuilds {\n    searchGuilds(isPublic: true, hasSpace: true, first: 20) {\n      edges { node { id name tag requiresApproval minLevel memberCount maxMembers } }\n    }\n  }\n": types.OpenGuildsDocument,
    "\n  mutation JoinGuild($input: JoinGuildInput!) {\n    joinGuild(input: $input) {\n      status\n      guild { id name memberCount }\n    }\n  }\n": types.JoinGuildDocument,
    "\n  query OpenTournaments {\n    tournaments(status: REGISTRATION, first: 20) {\n      edges { node { id name format entryFee minimumLevel participantCount maxParticipants } }\n    }\n  }\n": types.OpenTournamentsDocument,
    "\n  mutation JoinTournament($input: JoinTournamentInput!) {\n    joinTournament(input: $input) {\n      tournament { id participantCount }\n    }\n  }\n": types.JoinTournamentDocument,
    "\n  query Bracket($id: ID!) {\n    tournament(id: $id) {\n      name\n      status\n      participantCount\n      bracket {\n        side\n        round\n        matches { id status playerA { username } playerB { username } winner { username } }\n      }\n    }\n  }\n": types.BracketDocument,
    "\n  query Leaderboards {\n    leaderboards(first: 20) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n": types.LeaderboardsDocument,
    "\n  query Leaderboard($id: ID!) {\n    leaderboard(id: $id) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n": types.LeaderboardDocument,
    "\n  mutation ServiceToken($input: IssueServiceTokenInput!) {\n    issueServiceToken(input: $input) { accessToken expiresAt scopes }\n  }\n": types.ServiceTokenDocument,
    "\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      record { rank score submissions }\n    }\n  }\n": types.SubmitScoreDocument,
    "\n  subscription LeaderboardUpdated($id: ID!, $first: Int) {\n    leaderboardUpdated(id: $id, first: $first) {\n      reset\n      top { rank score player { id username } }\n    }\n  }\n": types.LeaderboardUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id username }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id username }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user { id username level role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user { id username level role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Achievements {\n    achievements(rarity: LEGENDARY) { id name points unlockPercentage }\n    me {\n      achievementPoints\n      achievements { status percent achievement { id name } }\n    }\n  }\n"): (typeof documents)["\n  query Achievements {\n    achievements(rarity: LEGENDARY) { id name points unlockPercentage }\n    me {\n      achievementPoints\n      achievements { status percent achievement { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) {\n      room { id name kind }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) {\n      room { id name kind }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id text sentAt }\n    }\n  }\n"): (typeof documents)["\n  mutation PostMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id text sentAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RoomEvents($roomId: ID!) {\n    chatRoomEvents(roomId: $roomId) {\n      type\n      cursor\n      message { id text author { username level } }\n    }\n  }\n"): (typeof documents)["\n  subscription RoomEvents($roomId: ID!) {\n    chatRoomEvents(roomId: $roomId) {\n      type\n      cursor\n      message { id text author { username level } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenGuilds {\n    searchGuilds(isPublic: true, hasSpace: true, first: 20) {\n      edges { node { id name tag requiresApproval minLevel memberCount maxMembers } }\n    }\n  }\n"): (typeof documents)["\n  query OpenGuilds {\n    searchGuilds(isPublic: true, hasSpace: true, first: 20) {\n      edges { node { id name tag requiresApproval minLevel memberCount maxMembers } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinGuild($input: JoinGuildInput!) {\n    joinGuild(input: $input) {\n      status\n      guild { id name memberCount }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinGuild($input: JoinGuildInput!) {\n    joinGuild(input: $input) {\n      status\n      guild { id name memberCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenTournaments {\n    tournaments(status: REGISTRATION, first: 20) {\n      edges { node { id name format entryFee minimumLevel participantCount maxParticipants } }\n    }\n  }\n"): (typeof documents)["\n  query OpenTournaments {\n    tournaments(status: REGISTRATION, first: 20) {\n      edges { node { id name format entryFee minimumLevel participantCount maxParticipants } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinTournament($input: JoinTournamentInput!) {\n    joinTournament(input: $input) {\n      tournament { id participantCount }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinTournament($input: JoinTournamentInput!) {\n    joinTournament(input: $input) {\n      tournament { id participantCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Bracket($id: ID!) {\n    tournament(id: $id) {\n      name\n      status\n      participantCount\n      bracket {\n        side\n        round\n        matches { id status playerA { username } playerB { username } winner { username } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Bracket($id: ID!) {\n    tournament(id: $id) {\n      name\n      status\n      participantCount\n      bracket {\n        side\n        round\n        matches { id status playerA { username } playerB { username } winner { username } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboards {\n    leaderboards(first: 20) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n"): (typeof documents)["\n  query Leaderboards {\n    leaderboards(first: 20) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($id: ID!) {\n    leaderboard(id: $id) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n"): (typeof documents)["\n  query Leaderboard($id: ID!) {\n    leaderboard(id: $id) {\n      id\n      title\n      sortOrder\n      operator\n      top(first: 1) { edges { node { score } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceToken($input: IssueServiceTokenInput!) {\n    issueServiceToken(input: $input) { accessToken expiresAt scopes }\n  }\n"): (typeof documents)["\n  mutation ServiceToken($input: IssueServiceTokenInput!) {\n    issueServiceToken(input: $input) { accessToken expiresAt scopes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      record { rank score submissions }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      record { rank score submissions }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeaderboardUpdated($id: ID!, $first: Int) {\n    leaderboardUpdated(id: $id, first: $first) {\n      reset\n      top { rank score player { id username } }\n    }\n  }\n"): (typeof documents)["\n  subscription LeaderboardUpdated($id: ID!, $first: Int) {\n    leaderboardUpdated(id: $id, first: $first) {\n      reset\n      top { rank score player { id username } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;