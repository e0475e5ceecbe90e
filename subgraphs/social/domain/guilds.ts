import { BadUserInputError, ConflictError, DomainError, ErrorCode, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { validateMultilineText, validateNameText } from '../../../platform/text.js';
import type { GuildRole } from './guild-permissions.js';

export const GUILD_NAME_LENGTH = { min: 3, max: 32 } as const;
export const GUILD_DESCRIPTION_MAX = 500;
/** The highest level a guild may ask of its members (the users subgraph's level cap). */
export const GUILD_MIN_LEVEL_MAX = 100;

export interface GuildInput {
  name: string;
  tag: string;
  description?: string | null;
  isPublic?: boolean | null;
  requiresApproval?: boolean | null;
  minLevel?: number | null;
}

export interface GuildSettings {
  name: string;
  /** Unique case-insensitively: the name lower-cased. */
  nameKey: string;
  /** As typed, upper-cased for display. */
  tag: string;
  /** Unique: the tag upper-cased. */
  tagKey: string;
  description: string;
  isPublic: boolean;
  requiresApproval: boolean;
  minLevel: number;
}

const TAG = /^[A-Za-z0-9]{2,5}$/;

/** A new guild's settings, or BAD_USER_INPUT naming the first field that breaks a rule. */
export function validateGuildInput(input: GuildInput): GuildSettings {
  const name = validateNameText(input.name, { field: 'name', label: 'A guild name', minLength: GUILD_NAME_LENGTH.min, maxLength: GUILD_NAME_LENGTH.max });
  if (!TAG.test(input.tag)) throw new BadUserInputError('A guild tag is 2–5 letters (A–Z) or digits.', 'tag');
  const description = validateMultilineText(input.description ?? '', { field: 'description', label: 'A guild description', minLength: 0, maxLength: GUILD_DESCRIPTION_MAX });
  const minLevel = input.minLevel ?? 1;
  if (!Number.isInteger(minLevel) || minLevel < 1 || minLevel > GUILD_MIN_LEVEL_MAX) {
    throw new BadUserInputError(`The minimum level is 1–${GUILD_MIN_LEVEL_MAX}.`, 'minLevel');
  }
  const tag = input.tag.toUpperCase();
  return {
    name,
    nameKey: guildNameKey(name),
    tag,
    tagKey: tag,
    description,
    isPublic: input.isPublic ?? true,
    requiresApproval: input.requiresApproval ?? false,
    minLevel,
  };
}

/** What makes two names the same guild's: case (and Unicode case folding) aside. */
export const guildNameKey = (name: string): string => name.normalize('NFC').toLocaleLowerCase('und');
export const guildTagKey = (tag: string): string => tag.toUpperCase();

export interface JoinRules {
  isPublic: boolean;
  requiresApproval: boolean;
  minLevel: number;
  maxMembers: number;
}

/**
 * What a join does for a player who meets the rules: a public guild without approval takes them
 * at once; one that asks for approval, or is not public, takes a request for its officers.
 * FORBIDDEN (reason LEVEL_TOO_LOW) below the minimum level; CONFLICT when the guild is full.
 */
export function joinOutcome(guild: JoinRules, memberCount: number, playerLevel: number): 'JOINED' | 'REQUESTED' {
  assertMeetsLevel(guild.minLevel, playerLevel);
  assertHasSeat(guild.maxMembers, memberCount);
  return guild.isPublic && !guild.requiresApproval ? 'JOINED' : 'REQUESTED';
}

export function assertMeetsLevel(minLevel: number, playerLevel: number): void {
  if (playerLevel < minLevel) {
    throw new DomainError(ErrorCode.FORBIDDEN, `This guild takes players of level ${minLevel} and above (yours is ${playerLevel}).`, {
      reason: 'LEVEL_TOO_LOW',
      minLevel,
      level: playerLevel,
    });
  }
}

export function assertHasSeat(maxMembers: number, memberCount: number): void {
  if (memberCount >= maxMembers) throw new ConflictError(`The guild is full (${maxMembers} members).`);
}

/**
 * What leaving does: the last member's leaving disbands the guild; a MASTER with others still in it
 * must hand mastership on first (FORBIDDEN, reason TRANSFER_FIRST).
 */
export function leaveOutcome(role: GuildRole, memberCount: number): 'LEFT' | 'DISBANDED' {
  if (memberCount <= 1) return 'DISBANDED';
  if (role === 'MASTER') {
    throw new DomainError(ErrorCode.FORBIDDEN, 'The guild master must transfer mastership (TRANSFER_MASTERSHIP) before leaving.', { reason: 'TRANSFER_FIRST' });
  }
  return 'LEFT';
}

/** A transfer's target: another member of the same guild. */
export function assertTransferTarget(actorId: string, targetId: string): void {
  if (actorId === targetId) throw new BadUserInputError('You are the guild master already.', 'userId');
}

/**
 * Why a join request or an invitation is no longer there to approve or accept: CONFLICT when it
 * lapsed because the player joined another guild (still undecided when they did), NOT_FOUND for
 * everything else (unknown, decided, cancelled, declined, or accepted into this guild).
 */
export function goneAnswer(gone: { kind: 'GuildJoinRequest' | 'GuildInvitation'; id: string; guildId: string | null; decided: boolean; playerGuildId: string | null }): DomainError {
  const lapsed = gone.guildId !== null && !gone.decided && gone.playerGuildId !== null && gone.playerGuildId !== gone.guildId;
  if (lapsed) return gone.kind === 'GuildInvitation' ? alreadyInGuild() : new ConflictError('The player joined another guild meanwhile.');
  return new NotFoundError(gone.kind, gone.id);
}

export const alreadyInGuild = () => new ConflictError('You are in a guild already: leave it first.');
export const notInGuild = () => new ForbiddenError('You are not in a guild.');

export interface GuildSettingsChange {
  description?: string | null;
  isPublic?: boolean | null;
  requiresApproval?: boolean | null;
  minLevel?: number | null;
}

/** What an EDIT_SETTINGS changes: only the fields given, each by the founding rules. */
export function validateSettingsChange(input: GuildSettingsChange): { description?: string; isPublic?: boolean; requiresApproval?: boolean; minLevel?: number } {
  const change: { description?: string; isPublic?: boolean; requiresApproval?: boolean; minLevel?: number } = {};
  if (input.description != null) change.description = validateMultilineText(input.description, { field: 'description', label: 'A guild description', minLength: 0, maxLength: GUILD_DESCRIPTION_MAX });
  if (input.isPublic != null) change.isPublic = input.isPublic;
  if (input.requiresApproval != null) change.requiresApproval = input.requiresApproval;
  if (input.minLevel != null) {
    if (!Number.isInteger(input.minLevel) || input.minLevel < 1 || input.minLevel > GUILD_MIN_LEVEL_MAX) throw new BadUserInputError(`The minimum level is 1–${GUILD_MIN_LEVEL_MAX}.`, 'minLevel');
    change.minLevel = input.minLevel;
  }
  return change;
}

/** The default and the most of a short ranked list (a war's top scorers, a drive's top contributors). */
export const TOP_LIST_DEFAULT = 10;
export const TOP_LIST_MAX = 50;

/** How many of a short ranked list to answer: `first`, 0–50 (default 10); BAD_USER_INPUT on first otherwise. */
export function topListSize(first: number | null | undefined): number {
  if (first == null) return TOP_LIST_DEFAULT;
  if (!Number.isInteger(first) || first < 0 || first > TOP_LIST_MAX) throw new BadUserInputError(`first is 0–${TOP_LIST_MAX}.`, 'first');
  return first;
}
