// The operations the example client runs, typed by graphql-codegen from schema/api.graphql
// (`npm run generate` writes src/gql/). A field renamed or removed in the schema breaks the
// typecheck here before it breaks a game.
import { graphql } from './gql/index.js';

export const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      user { id username }
    }
  }
`);

export const SignInDocument = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      accessToken
      expiresAt
      user { id username level role }
    }
  }
`);

export const AchievementsDocument = graphql(`
  query Achievements {
    achievements(rarity: LEGENDARY) { id name points unlockPercentage }
    me {
      achievementPoints
      achievements { status percent achievement { id name } }
    }
  }
`);

export const CreatePartyDocument = graphql(`
  mutation CreateParty($input: CreatePartyInput!) {
    createParty(input: $input) {
      room { id name kind }
    }
  }
`);

export const PostMessageDocument = graphql(`
  mutation PostMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message { id text sentAt }
    }
  }
`);

export const RoomEventsDocument = graphql(`
  subscription RoomEvents($roomId: ID!) {
    chatRoomEvents(roomId: $roomId) {
      type
      cursor
      message { id text author { username level } }
    }
  }
`);

export const OpenGuildsDocument = graphql(`
  query OpenGuilds {
    searchGuilds(isPublic: true, hasSpace: true, first: 20) {
      edges { node { id name tag requiresApproval minLevel memberCount maxMembers } }
    }
  }
`);

export const JoinGuildDocument = graphql(`
  mutation JoinGuild($input: JoinGuildInput!) {
    joinGuild(input: $input) {
      status
      guild { id name memberCount }
    }
  }
`);

export const OpenTournamentsDocument = graphql(`
  query OpenTournaments {
    tournaments(status: REGISTRATION, first: 20) {
      edges { node { id name format entryFee minimumLevel participantCount maxParticipants } }
    }
  }
`);

export const JoinTournamentDocument = graphql(`
  mutation JoinTournament($input: JoinTournamentInput!) {
    joinTournament(input: $input) {
      tournament { id participantCount }
    }
  }
`);

export const BracketDocument = graphql(`
  query Bracket($id: ID!) {
    tournament(id: $id) {
      name
      status
      participantCount
      bracket {
        side
        round
        matches { id status playerA { username } playerB { username } winner { username } }
      }
    }
  }
`);

export const LeaderboardsDocument = graphql(`
  query Leaderboards {
    leaderboards(first: 20) {
      id
      title
      sortOrder
      operator
      top(first: 1) { edges { node { score } } }
    }
  }
`);

export const LeaderboardDocument = graphql(`
  query Leaderboard($id: ID!) {
    leaderboard(id: $id) {
      id
      title
      sortOrder
      operator
      top(first: 1) { edges { node { score } } }
    }
  }
`);

export const ServiceTokenDocument = graphql(`
  mutation ServiceToken($input: IssueServiceTokenInput!) {
    issueServiceToken(input: $input) { accessToken expiresAt scopes }
  }
`);

export const SubmitScoreDocument = graphql(`
  mutation SubmitScore($input: SubmitScoreInput!) {
    submitScore(input: $input) {
      record { rank score submissions }
    }
  }
`);

export const LeaderboardUpdatedDocument = graphql(`
  subscription LeaderboardUpdated($id: ID!, $first: Int) {
    leaderboardUpdated(id: $id, first: $first) {
      reset
      top { rank score player { id username } }
    }
  }
`);
