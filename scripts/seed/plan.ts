// The seeded world, decided before anything is sent: pure and deterministic (faker with a fixed
// seed per item), so a second run asks for exactly the same things and every key derived from
// a name (idempotency keys, client message ids, event ids) is the same too.
import { Faker, base, en } from '@faker-js/faker';

export type GuildRank = 'MASTER' | 'OFFICER' | 'VETERAN' | 'MEMBER' | 'RECRUIT';
export type TournamentFormat = 'SINGLE_ELIMINATION' | 'DOUBLE_ELIMINATION' | 'ROUND_ROBIN' | 'SWISS' | 'LADDER';
export type TournamentState = 'REGISTRATION' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export interface PlannedPlayer {
  index: number;
  username: string;
  password: string;
  email: string;
  displayName: string;
  bio: string;
  timezone: string;
  /** The level the seed's XP credit brings the player to. */
  level: number;
}

export interface PlannedGuild {
  index: number;
  name: string;
  tag: string;
  description: string;
  isPublic: boolean;
  requiresApproval: boolean;
  /** Player indexes; the first is the founder (MASTER). */
  members: number[];
  /** Ranks other than MEMBER (where players join), by player index. */
  ranks: Map<number, GuildRank>;
  /** Players who asked to join and are still waiting (guilds that require approval). */
  applicants: number[];
  /** Coins each member pays in (contributeToGuild), by player index. */
  contributions: Map<number, number>;
  /** A contribution drive its master starts before the contributions (they count toward it). */
  drive?: { goal: number; durationHours: number };
}

export interface PlannedTournament {
  key: string;
  name: string;
  description: string;
  format: TournamentFormat;
  state: TournamentState;
  entryFee: number;
  /** Player indexes that register. */
  players: number[];
  minParticipants: number;
  maxParticipants: number;
  formatOptions?: Record<string, unknown>;
  prizePool?: { fixed: number; feeSharePercent: number; distribution: number[] };
  /** Days from the run until the start (REGISTRATION ones stay open that long). */
  startsInDays: number;
}

export interface PlannedLeaderboard {
  id: string;
  title: string;
  sortOrder: 'ASC' | 'DESC';
  operator: 'BEST' | 'SET' | 'INCREMENT' | 'DECREMENT';
  resetSchedule?: string;
  follows?: string[];
  metadata: string;
  /** How a submitted score is drawn for a player (the game server's numbers). */
  score: (f: Faker, player: PlannedPlayer) => number;
  /** Submissions per player. */
  submissions: number;
}

export interface PlannedExperiment {
  key: string;
  description: string;
  variants: { key: string; weight: number; featureFlags?: Record<string, unknown> }[];
  goals: string[];
  /** Of the players exposed, which reach which goal (by player index). */
  converts: (playerIndex: number) => string[];
}

export interface SeedPlan {
  players: PlannedPlayer[];
  /** Unordered pairs of player indexes; `accepted: false` stays a pending request from `a` to `b`. */
  friendships: { a: number; b: number; accepted: boolean }[];
  guilds: PlannedGuild[];
  /** The attacking and defending guild (indexes into `guilds`). */
  war: { attacker: number; defender: number };
  tournaments: PlannedTournament[];
  leaderboards: PlannedLeaderboard[];
  parties: { owner: number; name: string; members: number[] }[];
  /** Pairs of friends who write to each other privately. */
  privateChats: { a: number; b: number }[];
  experiment: PlannedExperiment;
  /** Custom events (`trackCustomEvent`) a game reports: names and the platforms they come from. */
  customEvents: { names: string[]; platforms: string[] };
}

/** The generator's base seed: change it and every name changes. */
export const SEED = 20_260_301;
export const MIN_PLAYERS = 12;
const TIMEZONES = ['UTC', 'Europe/Madrid', 'Europe/London', 'America/New_York', 'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney', 'America/Los_Angeles', 'Europe/Berlin'];

/** A faker whose output depends on `parts` only (not on how many items came before). */
export function fakerFor(...parts: (string | number)[]): Faker {
  const faker = new Faker({ locale: [en, base] });
  let hash = SEED;
  for (const ch of parts.join('/')) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  faker.seed(hash >>> 0);
  return faker;
}

/** Letters, digits and underscores, 3–20 characters, unique by its index suffix. */
function usernameFor(f: Faker, index: number): string {
  const suffix = `_${index}`;
  const base = f.internet
    .username()
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 20 - suffix.length);
  return `${base.length >= 2 ? base : 'player'}${suffix}`;
}

function planPlayer(index: number): PlannedPlayer {
  const f = fakerFor('player', index);
  const username = usernameFor(f, index);
  const displayName = f.person.fullName().slice(0, 32).trim();
  // A few veterans, many mid-level players, a long tail of newcomers.
  const level = 1 + Math.floor(39 * f.number.float({ min: 0, max: 1 }) ** 2);
  return {
    index,
    username,
    // Documented as the seed's development passwords (README, "Seeding"); never for a public platform.
    password: `seed:${username.toLowerCase()}`,
    email: `${username.toLowerCase()}@seed.example`,
    displayName,
    bio: f.helpers.arrayElement([f.company.catchPhrase(), f.hacker.phrase(), `${f.word.adjective()} ${f.animal.type()} enjoyer`]).slice(0, 280),
    timezone: f.helpers.arrayElement(TIMEZONES),
    level,
  };
}

const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

function planGuilds(players: number): PlannedGuild[] {
  const count = Math.max(3, Math.min(12, Math.round(players / 30)));
  // Every fourth player stays out of guilds (free to be invited, to found one later).
  const pool = Array.from({ length: players }, (_, i) => i).filter((i) => i % 4 !== 3);
  const names = new Set<string>();
  return Array.from({ length: count }, (_, g) => {
    const f = fakerFor('guild', g);
    let name = '';
    for (let attempt = 0; !name || names.has(name.toLowerCase()); attempt++) {
      name = titleCase(`${f.word.adjective()} ${f.animal.type()}s`).replace(/[^\p{L}\p{N} ]/gu, '').slice(0, 28).trim();
      if (name.length < 3 || attempt > 5) name = `Guild ${g + 1}`;
    }
    names.add(name.toLowerCase());
    const letters = name.replace(/[^A-Za-z]/g, '').toUpperCase();
    const tag = `${letters.slice(0, 3).padEnd(3, 'X')}${g}`.slice(0, 5);
    const all = pool.filter((_, k) => k % count === g);
    // The third guild asks for approval: its last few applicants wait for an answer.
    const requiresApproval = g === 2;
    const applicants = requiresApproval ? all.splice(Math.max(2, all.length - 2)) : [];
    const ranks = new Map<number, GuildRank>();
    if (all[1] !== undefined) ranks.set(all[1], 'OFFICER');
    if (all[2] !== undefined) ranks.set(all[2], 'VETERAN');
    if (all[3] !== undefined) ranks.set(all[3], 'VETERAN');
    if (all[4] !== undefined) ranks.set(all[4], 'RECRUIT');
    const contributions = new Map<number, number>(all.map((p, k) => [p, k === 0 ? 1_500 : 50 * (1 + ((p * 7) % 10))]));
    return {
      index: g,
      name,
      tag,
      description: f.company.catchPhrase().slice(0, 500),
      isPublic: g !== 3,
      requiresApproval,
      members: all,
      ranks,
      applicants,
      contributions,
      drive: g === 1 ? { goal: 5_000, durationHours: 72 } : undefined,
    };
  });
}

function planFriendships(players: number): SeedPlan['friendships'] {
  const pairs = new Map<string, { a: number; b: number; accepted: boolean }>();
  for (let a = 0; a < players; a++) {
    for (const [offset, accepted] of [
      [1, true],
      [3, true],
      [10, false],
    ] as const) {
      const b = (a + offset) % players;
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a !== b && !pairs.has(key)) pairs.set(key, { a, b, accepted });
    }
  }
  return [...pairs.values()];
}

/** Consecutive player indexes from `start`, wrapping around. */
const slice = (players: number, start: number, count: number) => Array.from({ length: count }, (_, k) => (start + k) % players);

function planTournaments(players: number): PlannedTournament[] {
  const f = fakerFor('tournaments');
  const formats: TournamentFormat[] = ['SINGLE_ELIMINATION', 'DOUBLE_ELIMINATION', 'ROUND_ROBIN', 'SWISS', 'LADDER'];
  const label: Record<TournamentFormat, string> = {
    SINGLE_ELIMINATION: 'Knockout',
    DOUBLE_ELIMINATION: 'Double Trouble',
    ROUND_ROBIN: 'League',
    SWISS: 'Swiss Open',
    LADDER: 'Ladder',
  };
  const options: Record<TournamentFormat, Record<string, unknown>> = {
    SINGLE_ELIMINATION: { bestOf: 3, thirdPlaceMatch: true },
    DOUBLE_ELIMINATION: { bestOf: 1, grandFinalReset: true },
    ROUND_ROBIN: { bestOf: 1 },
    SWISS: { bestOf: 1, swissRounds: 3 },
    LADDER: { ladderChallengeRange: 3 },
  };
  const size: Record<TournamentFormat, number> = { SINGLE_ELIMINATION: 8, DOUBLE_ELIMINATION: 4, ROUND_ROBIN: 4, SWISS: 6, LADDER: 6 };
  const plans: PlannedTournament[] = [];
  let offset = 0;
  const add = (format: TournamentFormat, state: TournamentState, n: number) => {
    const season = f.helpers.arrayElement(['Spring', 'Summer', 'Autumn', 'Winter', 'Midnight', 'Dragon', 'Frost', 'Ember']);
    const key = `${format.toLowerCase()}-${state.toLowerCase()}`;
    const paid = state === 'COMPLETED' || (state === 'REGISTRATION' && format !== 'LADDER');
    plans.push({
      key,
      name: `${season} ${label[format]} ${state === 'REGISTRATION' ? 'Qualifier' : state === 'COMPLETED' ? 'Finals' : state === 'CANCELLED' ? 'Invitational' : 'Cup'}`,
      description: f.lorem.sentence(),
      format,
      state,
      entryFee: paid ? 50 : 0,
      players: slice(players, offset, n),
      minParticipants: Math.min(4, n),
      maxParticipants: Math.max(8, n * 2),
      formatOptions: options[format],
      prizePool: paid ? { fixed: 500, feeSharePercent: 80, distribution: [60, 30, 10] } : undefined,
      startsInDays: state === 'REGISTRATION' ? 7 + plans.length : 2,
    });
    offset += n;
  };
  for (const format of formats) add(format, 'REGISTRATION', Math.min(3, players));
  for (const format of formats) add(format, 'IN_PROGRESS', size[format]);
  // A ladder completes only at its `endsAt` (a durable job), so the completed ones are the four others.
  for (const format of formats.filter((fm) => fm !== 'LADDER')) add(format, 'COMPLETED', size[format]);
  add('LADDER', 'CANCELLED', 4);
  add('SINGLE_ELIMINATION', 'CANCELLED', 4);
  return plans;
}

function planLeaderboards(): PlannedLeaderboard[] {
  return [
    {
      id: 'arena-rating',
      title: 'Arena rating',
      sortOrder: 'DESC',
      operator: 'BEST',
      metadata: JSON.stringify({ season: 1, mode: 'ranked' }),
      score: (f, p) => Math.round(1_000 + p.level * 25 + f.number.int({ min: -150, max: 150 })),
      submissions: 3,
    },
    {
      id: 'weekly-kills',
      title: 'Weekly kills',
      sortOrder: 'DESC',
      operator: 'INCREMENT',
      resetSchedule: '0 0 * * 1',
      metadata: JSON.stringify({ unit: 'kills' }),
      score: (f) => f.number.int({ min: 1, max: 25 }),
      submissions: 4,
    },
    {
      id: 'forgotten-shrine-speedrun',
      title: 'Forgotten Shrine speedrun',
      sortOrder: 'ASC',
      operator: 'BEST',
      metadata: JSON.stringify({ unit: 'seconds', dungeon: 'forgotten_shrine' }),
      score: (f, p) => Math.round(900 - p.level * 8 + f.number.int({ min: 0, max: 240 })),
      submissions: 2,
    },
    {
      id: 'achievement-hunters',
      title: 'Achievement hunters',
      sortOrder: 'DESC',
      operator: 'BEST',
      follows: ['ACHIEVEMENT_POINTS'],
      metadata: JSON.stringify({ fedBy: 'achievement points' }),
      score: () => 0,
      submissions: 0,
    },
  ];
}

/** The world for `players` players (at least MIN_PLAYERS). */
export function planSeed(players: number): SeedPlan {
  if (!Number.isInteger(players) || players < MIN_PLAYERS) throw new RangeError(`--players must be a whole number of at least ${MIN_PLAYERS}`);
  const planned = Array.from({ length: players }, (_, i) => planPlayer(i));
  const friendships = planFriendships(players);
  const guilds = planGuilds(players);
  const parties = Array.from({ length: Math.max(2, Math.round(players / 40)) }, (_, k) => {
    const owner = (k * 13 + 5) % players;
    return { owner, name: `${titleCase(fakerFor('party', k).word.adjective())} raid party`.slice(0, 50), members: slice(players, owner + 1, 3) };
  });
  const privateChats = friendships
    .filter((pair) => pair.accepted)
    .filter((_, k) => k % 7 === 0)
    .map(({ a, b }) => ({ a, b }));
  return {
    players: planned,
    friendships,
    guilds,
    war: { attacker: 0, defender: 1 },
    tournaments: planTournaments(players),
    leaderboards: planLeaderboards(),
    parties,
    privateChats,
    experiment: {
      key: 'guided-tutorial',
      description: 'Does a guided first quest keep more new players than the classic tutorial?',
      variants: [
        { key: 'classic', weight: 50, featureFlags: { tutorial: 'classic' } },
        { key: 'guided', weight: 50, featureFlags: { tutorial: 'guided', hintArrows: true } },
      ],
      goals: ['tutorial_completed', 'first_purchase'],
      converts: (i) => [...(i % 3 !== 0 ? ['tutorial_completed'] : []), ...(i % 7 === 0 ? ['first_purchase'] : [])],
    },
    customEvents: { names: ['shop_opened', 'daily_reward_claimed', 'tutorial_skipped'], platforms: ['pc', 'ios', 'android', 'console'] },
  };
}
