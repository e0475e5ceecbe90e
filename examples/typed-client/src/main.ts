// The example client's journeys against a running platform:
//   GRAPHQL_URL=http://127.0.0.1:4000/graphql npx tsx examples/typed-client/src/main.ts
// Signs in (PLAYER_USERNAME / PLAYER_PASSWORD, or a fresh player it registers), reads achievements,
// posts to a party room while following it over graphql-ws, joins an open guild, joins a tournament
// in registration and reads its bracket, and follows a leaderboard while the game server
// (GAME_SERVER_API_KEY: an API key holding REPORT_MATCH_RESULTS) submits the player's score.
// Exits non-zero when a step fails.
import { randomUUID } from 'node:crypto';
import { ApiError, GamePlatformClient } from './client.js';
import {
  AchievementsDocument,
  BracketDocument,
  CreatePartyDocument,
  JoinGuildDocument,
  JoinTournamentDocument,
  LeaderboardDocument,
  LeaderboardUpdatedDocument,
  LeaderboardsDocument,
  OpenGuildsDocument,
  OpenTournamentsDocument,
  PostMessageDocument,
  RegisterDocument,
  RoomEventsDocument,
  ServiceTokenDocument,
  SignInDocument,
  SubmitScoreDocument,
} from './operations.js';

const url = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';
const api = new GamePlatformClient(url);

async function signIn() {
  let username = process.env.PLAYER_USERNAME;
  let password = process.env.PLAYER_PASSWORD;
  if (!username || !password) {
    username = `typed_${randomUUID().slice(0, 8)}`;
    password = randomUUID();
    await api.request(RegisterDocument, { input: { username, email: `${username}@example.com`, password } });
    console.log(`registered ${username}`);
  }
  const { login } = await api.request(SignInDocument, { input: { usernameOrEmail: username, password } });
  api.useToken(login.accessToken);
  console.log(`signed in as ${login.user.username} (level ${login.user.level}, ${login.user.role}); token valid until ${login.expiresAt}`);
  return login.user;
}

async function readAchievements() {
  const { achievements, me } = await api.request(AchievementsDocument);
  console.log(`achievements: ${achievements?.length ?? 0} legendary in the catalog (${achievements?.map((a) => a.name).join(', ')})`);
  const unlocked = me?.achievements?.filter((a) => a.status === 'UNLOCKED').length ?? 0;
  console.log(`achievements: ${unlocked} unlocked by me, ${me?.achievementPoints ?? 0} points`);
}

/** Posts to a new party room while following it; resolves when the message comes back over the websocket. */
async function chat(username: string) {
  const { createParty } = await api.request(CreatePartyDocument, { input: { name: `${username}'s party` } });
  const roomId = createParty.room.id;
  const tag = randomUUID().slice(0, 8);
  const text = `hello from the typed client ${tag}`;
  const arrived = new Promise<string>((resolve, reject) => {
    const stop = api.subscribe(RoomEventsDocument, { roomId }, (event) => {
      if (event.chatRoomEvents.message.text !== text) return;
      stop();
      resolve(`${event.chatRoomEvents.type} by ${event.chatRoomEvents.message.author?.username}`);
    }, reject);
  });
  // The subscription goes live a moment after it is sent; a message posted before that is not
  // replayed (pass `after` to resume from a cursor), so post again until one arrives.
  for (let attempt = 0; ; attempt++) {
    await api.request(PostMessageDocument, { input: { roomId, text, clientMessageId: `typed-client-${tag}-${attempt}` } });
    const outcome = await Promise.race([arrived, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000))]);
    if (outcome) {
      console.log(`chat: posted to ${createParty.room.name} and followed it: the message arrived live (${outcome})`);
      return;
    }
    if (attempt === 4) throw new Error('chat: the message never arrived over the subscription');
  }
}

async function joinGuild(level: number) {
  const { searchGuilds } = await api.request(OpenGuildsDocument);
  const guild = (searchGuilds?.edges ?? []).map((e) => e.node).find((g) => !g.requiresApproval && g.minLevel <= level);
  if (!guild) {
    console.log('guild: no open guild to join (create one, or seed the platform)');
    return;
  }
  const { joinGuild } = await api.request(JoinGuildDocument, { input: { guildId: guild.id } });
  console.log(`guild: ${joinGuild.status} ${joinGuild.guild.name} [${guild.tag}] (${joinGuild.guild.memberCount} members)`);
}

async function joinTournament(level: number) {
  const { tournaments } = await api.request(OpenTournamentsDocument);
  const tournament = (tournaments?.edges ?? [])
    .map((e) => e.node)
    .find((t) => t.entryFee === 0 && t.minimumLevel <= level && t.participantCount < t.maxParticipants);
  if (!tournament) {
    console.log('tournament: none in registration without an entry fee (create one, or seed the platform)');
    return;
  }
  const { joinTournament } = await api.request(JoinTournamentDocument, { input: { tournamentId: tournament.id } });
  const { tournament: bracket } = await api.request(BracketDocument, { id: tournament.id });
  const matches = bracket?.bracket.reduce((n, round) => n + round.matches.length, 0) ?? 0;
  console.log(
    `tournament: joined ${tournament.name} (${tournament.format}, ${joinTournament.tournament.participantCount} registered); ` +
      `bracket: ${bracket?.status}, ${bracket?.bracket.length ?? 0} rounds, ${matches} matches`,
  );
}

/**
 * The game server submits a score for the player (a service token from an API key: players never
 * submit their own) while the player's client follows the leaderboard live; resolves when the
 * player's record arrives over the websocket.
 */
async function followLeaderboard(player: { id: string; username: string }) {
  const apiKey = process.env.GAME_SERVER_API_KEY;
  // The one LEADERBOARD_ID names, else the first defined.
  const wanted = process.env.LEADERBOARD_ID;
  const board = wanted ? (await api.request(LeaderboardDocument, { id: wanted })).leaderboard : (await api.request(LeaderboardsDocument)).leaderboards[0];
  if (!apiKey || !board) {
    console.log(`leaderboard: ${board ? 'no GAME_SERVER_API_KEY to submit a score with' : 'no leaderboard defined yet (an admin defines one, or seed the platform)'}: skipped`);
    return;
  }
  const gameServer = new GamePlatformClient(url);
  const { issueServiceToken } = await gameServer.request(ServiceTokenDocument, { input: { apiKey } });
  gameServer.useToken(issueServiceToken.accessToken);
  // A score that takes the lead, so the update carries it in the top 10.
  const leader = board.top.edges[0]?.node.score ?? 0;

  let submitted: number | undefined;
  const arrived = new Promise<string>((resolve, reject) => {
    const stop = api.subscribe(LeaderboardUpdatedDocument, { id: board.id, first: 10 }, (event) => {
      const mine = event.leaderboardUpdated.top.find((r) => r.player.id === player.id);
      if (!mine || mine.score !== submitted) return;
      stop();
      resolve(`rank ${mine.rank} with ${mine.score}`);
    }, reject);
  });
  // As with chat: the subscription goes live a moment after it is sent, so submit until an update arrives.
  const tag = randomUUID().slice(0, 8);
  try {
    for (let attempt = 0; ; attempt++) {
      const score = board.sortOrder === 'DESC' ? leader + 100 + attempt : (leader > 0 ? leader / 2 : 1) / (attempt + 1);
      const { submitScore } = await gameServer.request(SubmitScoreDocument, {
        input: { leaderboardId: board.id, userId: player.id, score, submissionId: `typed-client-${tag}-${attempt}` },
      });
      submitted = submitScore.record.score;
      const outcome = await Promise.race([arrived, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000))]);
      if (outcome) {
        console.log(`leaderboard: the game server submitted ${score} to ${board.title} (${board.operator}); it arrived live: ${player.username} at ${outcome}`);
        return;
      }
      if (attempt === 4) throw new Error('leaderboard: the update never arrived over the subscription');
    }
  } finally {
    await gameServer.close();
  }
}

try {
  const me = await signIn();
  await readAchievements();
  await chat(me.username);
  await joinGuild(me.level);
  await joinTournament(me.level);
  await followLeaderboard(me);
  console.log('done');
} catch (error) {
  console.error(error instanceof ApiError ? `API error: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await api.close();
}
