import { ConflictError, ForbiddenError } from '../../../platform/errors.js';

/** A member's rank, highest first. */
export const GUILD_ROLES = ['MASTER', 'OFFICER', 'VETERAN', 'MEMBER', 'RECRUIT'] as const;
export type GuildRole = (typeof GUILD_ROLES)[number];

/** What a rank may do in its guild. */
export const GUILD_ACTIONS = [
  'INVITE',
  'MANAGE_JOIN_REQUESTS',
  'KICK',
  'PROMOTE',
  'DEMOTE',
  'EDIT_SETTINGS',
  'DECLARE_WAR',
  'START_CONTRIBUTION_DRIVE',
  'DISBAND',
  'TRANSFER_MASTERSHIP',
] as const;
export type GuildAction = (typeof GUILD_ACTIONS)[number];

/** How the refusal names each action. */
const ACTION_NAMES: Record<GuildAction, string> = {
  INVITE: 'invite players',
  MANAGE_JOIN_REQUESTS: 'approve or reject join requests',
  KICK: 'kick members',
  PROMOTE: 'promote members',
  DEMOTE: 'demote members',
  EDIT_SETTINGS: "edit the guild's settings",
  DECLARE_WAR: 'declare war',
  START_CONTRIBUTION_DRIVE: 'start a contribution drive',
  DISBAND: 'disband the guild',
  TRANSFER_MASTERSHIP: 'transfer mastership',
};

const ALL = true;
const NO = false;

/**
 * The permission matrix: one row per rank, one column per action (schema/social/guilds.graphql
 * documents the same table). KICK, PROMOTE and DEMOTE further need the target below the actor's
 * own rank (`assertMayKick`, `assertMayChangeRank`).
 */
export const GUILD_PERMISSIONS: Record<GuildRole, Record<GuildAction, boolean>> = {
  //          INVITE MANAGE_REQ KICK PROMOTE DEMOTE SETTINGS WAR  DRIVE DISBAND TRANSFER
  MASTER: row([ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL]),
  OFFICER: row([ALL, ALL, ALL, ALL, ALL, NO, ALL, ALL, NO, NO]),
  VETERAN: row([ALL, NO, NO, NO, NO, NO, NO, NO, NO, NO]),
  MEMBER: row([NO, NO, NO, NO, NO, NO, NO, NO, NO, NO]),
  RECRUIT: row([NO, NO, NO, NO, NO, NO, NO, NO, NO, NO]),
};

function row(cells: boolean[]): Record<GuildAction, boolean> {
  return Object.fromEntries(GUILD_ACTIONS.map((action, i) => [action, cells[i]!])) as Record<GuildAction, boolean>;
}

/** 0 for MASTER, 4 for RECRUIT: a smaller number is a higher rank. */
export const rankOf = (role: GuildRole): number => GUILD_ROLES.indexOf(role);

export const mayAct = (role: GuildRole, action: GuildAction): boolean => GUILD_PERMISSIONS[role][action];

/** The actions a rank may take, in the matrix's order. */
export const permissionsOf = (role: GuildRole): GuildAction[] => GUILD_ACTIONS.filter((action) => mayAct(role, action));

/** FORBIDDEN naming the action unless the rank may take it. */
export function assertMayAct(role: GuildRole, action: GuildAction): void {
  if (!mayAct(role, action)) throw new ForbiddenError(`A guild ${role.toLowerCase()} may not ${ACTION_NAMES[action]} (${action}).`);
}

/** The permission, and a target ranked below the actor: FORBIDDEN naming the action otherwise. */
function assertMayActOn(actor: GuildRole, target: GuildRole, action: 'KICK' | 'PROMOTE' | 'DEMOTE'): void {
  assertMayAct(actor, action);
  if (rankOf(target) <= rankOf(actor)) throw new ForbiddenError(`A guild ${actor.toLowerCase()} may only ${action.toLowerCase()} members ranked below them (${action}).`);
}

/** KICK: the permission, and a target ranked below the actor. */
export function assertMayKick(actor: GuildRole, target: GuildRole): void {
  assertMayActOn(actor, target, 'KICK');
}

/**
 * PROMOTE or DEMOTE (by whether `to` is above or below `from`): the permission, a target ranked
 * below the actor, and a new rank below the actor's own (MASTER only changes hands by transfer).
 */
export function assertMayChangeRank(actor: GuildRole, from: GuildRole, to: GuildRole): 'PROMOTE' | 'DEMOTE' {
  const action = rankOf(to) < rankOf(from) ? 'PROMOTE' : 'DEMOTE';
  assertMayActOn(actor, from, action);
  if (rankOf(to) <= rankOf(actor)) throw new ForbiddenError(`A guild ${actor.toLowerCase()} may only give ranks below their own (${action}).`);
  return action;
}

/** The rank one step up or down from `role` (undefined past either end). */
export function adjacentRank(role: GuildRole, step: 'up' | 'down'): GuildRole | undefined {
  return GUILD_ROLES[rankOf(role) + (step === 'up' ? -1 : 1)];
}

/**
 * The rank a promotion (`up`) or demotion (`down`) gives a member, or why not: FORBIDDEN (naming
 * PROMOTE or DEMOTE) unless the actor's rank has that permission, the member is ranked below the
 * actor and the new rank stays below the actor's (so nobody is promoted to MASTER, and the MASTER
 * is promoted by nobody); CONFLICT when a RECRUIT is demoted (no rank below).
 */
export function rankAfterChange(actor: GuildRole, target: GuildRole, step: 'up' | 'down'): GuildRole {
  assertMayActOn(actor, target, step === 'up' ? 'PROMOTE' : 'DEMOTE');
  const to = adjacentRank(target, step);
  if (!to) throw new ConflictError('The member holds the lowest rank already.');
  assertMayChangeRank(actor, target, to);
  return to;
}
