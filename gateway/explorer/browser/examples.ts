// The example operations the explorer opens with: one tab per area of the API, each a document of
// named operations (pick one with the run button's menu). Checked against schema/api.graphql by
// gateway/explorer/examples.test.ts, so a schema change that breaks one fails the tests.

export interface ExampleTab {
  /** What the tab is about (the first line of its document names it). */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLE_TABS: readonly ExampleTab[] = [
  {
    title: 'Players: sign in, profile, level',
    query: `# Players (users subgraph). Sign in with the "Sign in" panel on the left: the explorer puts
# the token in this tab's Authorization header and in the websocket's connectionParams.
# Or run Register / SignIn here and paste "Bearer <accessToken>" into the Headers tab below.
# Pick an operation with the run button's menu (or put the cursor in it and press Ctrl+Enter).

mutation Register($register: RegisterInput!) {
  register(input: $register) {
    accessToken
    expiresAt
    user { id username displayName level }
  }
}

mutation SignIn($login: LoginInput!) {
  login(input: $login) {
    accessToken
    expiresAt
    user { id username role level }
  }
}

query Me {
  me {
    id
    username
    displayName
    level
    xp
    xpIntoLevel
    xpForNextLevel
    wallet { balances { currency amount } }
  }
}

query Players($ids: [ID!]!) {
  users(ids: $ids) { id username displayName level }
}

# Live: fires when the signed-in player reaches a new level.
subscription MyLevelUps {
  levelUp { level previousLevel user { username } }
}
`,
    variables: {
      register: { username: 'new_player', email: 'new_player@example.com', password: 'choose-a-password' },
      login: { usernameOrEmail: 'new_player', password: 'choose-a-password' },
      ids: ['<a player id>'],
    },
  },
  {
    title: 'Achievements and notifications',
    query: `# Achievements (achievements subgraph): the catalog, a player's progress, unlocks live.

query LegendaryAchievements {
  achievements(rarity: LEGENDARY) { id name description points rarity unlockPercentage }
}

query MyAchievements {
  me {
    username
    achievementPoints
    achievements { status current target percent unlockedAt achievement { id name } }
  }
}

query MyNotifications {
  unreadNotificationCount
  notifications(first: 10) {
    edges { cursor node { id kind title body createdAt readAt } }
  }
}

# Live, signed in: your unlocks as they happen.
subscription MyUnlocks {
  achievementUnlocked { unlockedAt achievement { id name points } }
}

# Live, signed in: new notifications; pass the last cursor you saw as $after to resume.
subscription MyInbox($after: String) {
  notificationAdded(after: $after) { cursor kind title body }
}
`,
  },
  {
    title: 'Chat: rooms, messages, live',
    query: `# Chat (social subgraph). List the GLOBAL rooms, copy an id into the variables, follow the room
# in one tab (FollowRoom) and post to it from another (PostMessage): the message arrives live.

query GlobalRooms {
  chatRooms(kind: GLOBAL, first: 20) {
    edges { node { id name description memberCount } }
  }
}

query LatestMessages($roomId: ID!) {
  chatRoom(id: $roomId) {
    name
    messages(last: 20) {
      edges { cursor node { id text sentAt author { username level } } }
    }
  }
}

# Signed in. Posting in a GLOBAL room needs no joining.
mutation PostMessage($roomId: ID!, $text: String!) {
  sendMessage(input: { roomId: $roomId, text: $text }) {
    message { id cursor text sentAt }
  }
}

# Live, open to anyone for GLOBAL and SYSTEM rooms. The author's level comes from another
# subgraph, resolved through the gateway for every event.
subscription FollowRoom($roomId: ID!) {
  messageAdded(roomId: $roomId) { cursor text sentAt author { username level } }
}

# Live, signed in, any room you may read: additions, edits and deletions in order; resumable.
subscription RoomEvents($roomId: ID!) {
  chatRoomEvents(roomId: $roomId) { type cursor message { id text editedAt deletedAt author { username } } }
}
`,
    variables: { roomId: '<a room id from GlobalRooms>', text: 'Hello from the explorer' },
  },
  {
    title: 'Guilds',
    query: `# Guilds (social subgraph).

query FindGuilds($text: String) {
  searchGuilds(text: $text, hasSpace: true, first: 10) {
    edges { node { id name tag level memberCount maxMembers isPublic requiresApproval minLevel } }
  }
}

query GuildRoster($guildId: ID!) {
  guild(id: $guildId) {
    name
    tag
    level
    members(first: 20) { edges { node { role joinedAt contributed user { username level } } } }
  }
}

# Signed in. JOINED for an open guild, REQUESTED where an officer must approve.
mutation JoinGuild($guildId: ID!) {
  joinGuild(input: { guildId: $guildId }) {
    status
    guild { id name memberCount }
  }
}

# Live: the guild's public state (members, level) as it changes.
subscription FollowGuild($guildId: ID!) {
  guildUpdated(guildId: $guildId) { id name level memberCount }
}
`,
    variables: { text: '', guildId: '<a guild id from FindGuilds>' },
  },
  {
    title: 'Tournaments',
    query: `# Tournaments (tournaments subgraph).

query OpenTournaments {
  tournaments(status: REGISTRATION, first: 10) {
    edges { node { id name format status startsAt participantCount maxParticipants entryFee prizePool { total } } }
  }
}

query Bracket($tournamentId: ID!) {
  tournament(id: $tournamentId) {
    name
    status
    bracket {
      side
      round
      matches { id status score playerA { username } playerB { username } winner { username } }
    }
    standings { placement prize player { username } }
  }
}

# Signed in: registers you (and pays the entry fee, once, from your wallet).
mutation JoinTournament($tournamentId: ID!) {
  joinTournament(input: { tournamentId: $tournamentId }) {
    tournament { id participantCount }
  }
}

# Live: the bracket's matches as they start and finish.
subscription FollowMatches($tournamentId: ID!) {
  matchUpdated(tournamentId: $tournamentId) { id round status score winner { username } }
}
`,
    variables: { tournamentId: '<a tournament id from OpenTournaments>' },
  },
  {
    title: 'Analytics (ADMIN)',
    query: `# Analytics (analytics subgraph): for the studio's operators, signed in as an ADMIN.

query DailyMatches($from: DateTime!, $to: DateTime!) {
  eventMetric(name: "match_completed", from: $from, to: $to, interval: DAY) {
    name
    total
    buckets { start count }
  }
}
`,
    variables: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' },
  },
];
