// The example client's journeys against a running platform:
//   GRAPHQL_URL=http://127.0.0.1:4000/graphql npx tsx examples/typed-client/src/main.ts
// Signs in (PLAYER_USERNAME / PLAYER_PASSWORD, or a fresh player it registers), reads achievements,
// posts to a party room while following it over graphql-ws, joins an open guild, joins a tournament
// in registration and reads its bracket. Exits non-zero when a step fails.
import { randomUUID } from 'node:crypto';
import { ApiError, GamePlatformClient } from './client.js';
import {
  AchievementsDocument,
  BracketDocument,
  CreatePartyDocument,
  JoinGuildDocument,
  JoinTournamentDocument,
  OpenGuildsDocument,
  OpenTournamentsDocument,
  PostMessageDocument,
  RegisterDocument,
  RoomEventsDocument,
  SignInDocument,
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

try {
  const me = await signIn();
  await readAchievements();
  await chat(me.username);
  await joinGuild(me.level);
  await joinTournament(me.level);
  console.log('done');
} catch (error) {
  console.error(error instanceof ApiError ? `API error: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await api.close();
}
