import { BadUserInputError, ConflictError, DomainError } from '../../../platform/errors.js';

/**
 * Guild wars: a guild declares war on another; the war is DECLARED for a day (both sides prepare),
 * ACTIVE for two (members' wins score points for their guild), then ENDED, the side with more
 * points winning (equal points: a draw, nobody wins). Every number of the rules is here.
 */
export type GuildWarStatus = 'DECLARED' | 'ACTIVE' | 'ENDED';
export type GuildWarSide = 'ATTACKER' | 'DEFENDER';

const HOUR = 3_600_000;
/** From the declaration to the start of the fighting. */
export const WAR_PREPARATION_MS = 24 * HOUR;
/** From the declaration to the end of the war. */
export const WAR_END_MS = 72 * HOUR;
/** After declaring a war, a guild may declare its next one this much later. */
export const WAR_DECLARATION_COOLDOWN_MS = 24 * HOUR;
/** Guild XP the winning guild earns. */
export const WAR_WIN_XP = 500;
/** COINS each member of the winning guild (members when the war ends) receives. */
export const WAR_WIN_COINS = 100;

/** What a member's win earns their guild, by the event that reports it. */
export const WAR_POINTS = {
  /** A combat won (the game server's COMBAT_WON game event). */
  COMBAT_WON: 1,
  /** A quest completed (the game server's QUEST_COMPLETED game event). */
  QUEST_COMPLETED: 3,
  /** A tournament match won (tournaments' match results). */
  TOURNAMENT_MATCH_WON: 5,
} as const;
export type WarPointKind = keyof typeof WAR_POINTS;

/** The points one event is worth, or 0 for events that do not count. */
export const warPointsFor = (kind: string): number => (Object.hasOwn(WAR_POINTS, kind) ? WAR_POINTS[kind as WarPointKind] : 0);

/** The allowed moves of a war; nothing leaves ENDED. */
const NEXT: Record<GuildWarStatus, GuildWarStatus | null> = { DECLARED: 'ACTIVE', ACTIVE: 'ENDED', ENDED: null };

/** Whether a war may move from `from` to `to` (one step forward only). */
export const mayMove = (from: GuildWarStatus, to: GuildWarStatus): boolean => NEXT[from] === to;

/** When the war's phases begin, from its declaration. */
export function warSchedule(declaredAt: Date): { startsAt: Date; endsAt: Date } {
  return { startsAt: new Date(declaredAt.getTime() + WAR_PREPARATION_MS), endsAt: new Date(declaredAt.getTime() + WAR_END_MS) };
}

/**
 * The status a war should have at `now` by its schedule (the jobs move it there; a late job
 * skips nothing: DECLARED → ACTIVE → ENDED, one step each).
 */
export function dueStatus(war: { startsAt: Date; endsAt: Date }, now: Date): GuildWarStatus {
  if (now.getTime() >= war.endsAt.getTime()) return 'ENDED';
  if (now.getTime() >= war.startsAt.getTime()) return 'ACTIVE';
  return 'DECLARED';
}

/** Whether an event that happened at `at` falls in the war's fighting window [startsAt, endsAt). */
export const inWarWindow = (war: { startsAt: Date; endsAt: Date }, at: Date): boolean =>
  at.getTime() >= war.startsAt.getTime() && at.getTime() < war.endsAt.getTime();

/**
 * Refuses a declaration the rules forbid: against oneself (BAD_USER_INPUT), while a war between
 * the two is not ENDED, or within the cooldown after the guild's previous declaration (CONFLICT,
 * naming when it may declare again).
 */
export function assertMayDeclare(input: {
  attackerId: string;
  defenderId: string;
  openWarBetween: boolean;
  lastDeclaredAt: Date | null;
  now: Date;
}): void {
  if (input.attackerId === input.defenderId) throw new BadUserInputError('A guild cannot declare war on itself.', 'defendingGuildId');
  if (input.openWarBetween) throw new ConflictError('A war between these two guilds is under way already.', 'defendingGuildId');
  const availableAt = nextDeclarationAt(input.lastDeclaredAt);
  if (availableAt && availableAt.getTime() > input.now.getTime()) {
    throw new WarCooldownError(availableAt);
  }
}

/** When a guild that last declared at `lastDeclaredAt` may declare again (null: now). */
export const nextDeclarationAt = (lastDeclaredAt: Date | null): Date | null =>
  lastDeclaredAt ? new Date(lastDeclaredAt.getTime() + WAR_DECLARATION_COOLDOWN_MS) : null;

/** CONFLICT with `availableAt`: the guild declared a war less than the cooldown ago. */
export class WarCooldownError extends DomainError {
  constructor(readonly availableAt: Date) {
    super('CONFLICT', `Your guild declared a war less than ${WAR_DECLARATION_COOLDOWN_MS / HOUR} hours ago; it may declare again at ${availableAt.toISOString()}.`, {
      field: 'defendingGuildId',
      reason: 'COOLDOWN',
      availableAt: availableAt.toISOString(),
    });
  }
}

/** The side that won, or null for a draw (equal points, none included). */
export function warWinner(points: { attacker: number; defender: number }): GuildWarSide | null {
  if (points.attacker > points.defender) return 'ATTACKER';
  if (points.defender > points.attacker) return 'DEFENDER';
  return null;
}

/** The ledger key of one member's war reward: one credit per war and member, whatever retries. */
export const warRewardKey = (warId: string, userId: string): string => `guild-war:${warId}:reward:${userId}`;
