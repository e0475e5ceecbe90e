import { describe, expect, it } from 'vitest';
import {
  adjacentRank,
  assertMayAct,
  assertMayChangeRank,
  rankAfterChange,
  assertMayKick,
  GUILD_ACTIONS,
  GUILD_ROLES,
  mayAct,
  permissionsOf,
  type GuildAction,
  type GuildRole,
} from './guild-permissions.js';

// The matrix written out once more, cell by cell, as the SDL documents it: a change to either
// fails here.
const EXPECTED: Record<GuildRole, GuildAction[]> = {
  MASTER: [...GUILD_ACTIONS],
  OFFICER: ['INVITE', 'MANAGE_JOIN_REQUESTS', 'KICK', 'PROMOTE', 'DEMOTE', 'DECLARE_WAR', 'START_CONTRIBUTION_DRIVE'],
  VETERAN: ['INVITE'],
  MEMBER: [],
  RECRUIT: [],
};

describe('guild permission matrix', () => {
  const cells = GUILD_ROLES.flatMap((role) => GUILD_ACTIONS.map((action) => [role, action, EXPECTED[role].includes(action)] as const));

  it('has 5 ranks × 10 actions', () => expect(cells).toHaveLength(50));

  it.each(cells)('%s may %s: %s', (role, action, allowed) => {
    expect(mayAct(role, action)).toBe(allowed);
    if (allowed) expect(() => assertMayAct(role, action)).not.toThrow();
    else expect(() => assertMayAct(role, action)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining(action) }));
  });

  it.each(GUILD_ROLES)('permissionsOf(%s) lists its row', (role) => expect(permissionsOf(role)).toEqual(EXPECTED[role]));
});

describe('kicking: only a lower rank', () => {
  it.each([
    ['MASTER', 'OFFICER', true],
    ['MASTER', 'RECRUIT', true],
    ['OFFICER', 'VETERAN', true],
    ['OFFICER', 'RECRUIT', true],
    ['OFFICER', 'OFFICER', false], // an equal
    ['OFFICER', 'MASTER', false], // a higher rank
    ['VETERAN', 'RECRUIT', false], // no KICK at all
    ['MEMBER', 'RECRUIT', false],
    ['RECRUIT', 'RECRUIT', false],
  ] as const)('%s kicks %s: %s', (actor, target, allowed) => {
    if (allowed) expect(() => assertMayKick(actor, target)).not.toThrow();
    else expect(() => assertMayKick(actor, target)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('KICK') }));
  });
});

describe('promoting and demoting: a lower-ranked member, to a rank below one’s own', () => {
  it.each([
    ['MASTER', 'MEMBER', 'OFFICER', 'PROMOTE'],
    ['MASTER', 'OFFICER', 'RECRUIT', 'DEMOTE'],
    ['OFFICER', 'RECRUIT', 'VETERAN', 'PROMOTE'],
    ['OFFICER', 'VETERAN', 'RECRUIT', 'DEMOTE'],
    ['MASTER', 'OFFICER', 'MASTER', 'FORBIDDEN'], // mastership changes hands only by transfer
    ['OFFICER', 'VETERAN', 'OFFICER', 'FORBIDDEN'], // not to the actor's own rank
    ['OFFICER', 'OFFICER', 'VETERAN', 'FORBIDDEN'], // not an equal
    ['OFFICER', 'MASTER', 'MEMBER', 'FORBIDDEN'], // not a higher rank
    ['VETERAN', 'RECRUIT', 'MEMBER', 'FORBIDDEN'], // no PROMOTE
    ['VETERAN', 'MEMBER', 'RECRUIT', 'FORBIDDEN'], // no DEMOTE
    ['MEMBER', 'RECRUIT', 'MEMBER', 'FORBIDDEN'],
  ] as const)('%s moves a %s to %s: %s', (actor, from, to, outcome) => {
    if (outcome === 'FORBIDDEN') expect(() => assertMayChangeRank(actor, from, to)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    else expect(assertMayChangeRank(actor, from, to)).toBe(outcome);
  });
});

describe('a promotion or demotion by one step: the new rank, FORBIDDEN, or CONFLICT for a RECRUIT demoted', () => {
  it.each([
    ['MASTER', 'OFFICER', 'down', 'VETERAN'],
    ['MASTER', 'VETERAN', 'up', 'OFFICER'],
    ['OFFICER', 'MEMBER', 'up', 'VETERAN'],
    ['MASTER', 'RECRUIT', 'down', 'CONFLICT'],
    ['OFFICER', 'RECRUIT', 'down', 'CONFLICT'],
    ['MASTER', 'MASTER', 'up', 'FORBIDDEN'], // the MASTER promoting themself: not ranked below (no CONFLICT)
    ['OFFICER', 'MASTER', 'up', 'FORBIDDEN'], // an officer promoting the MASTER
    ['MASTER', 'OFFICER', 'up', 'FORBIDDEN'], // to MASTER: only by transfer
    ['OFFICER', 'VETERAN', 'up', 'FORBIDDEN'], // not to the actor's own rank
    ['VETERAN', 'RECRUIT', 'down', 'FORBIDDEN'], // no DEMOTE (and no CONFLICT before it)
  ] as const)('%s, a %s, %s: %s', (actor, target, step, outcome) => {
    if (outcome === 'FORBIDDEN' || outcome === 'CONFLICT') expect(() => rankAfterChange(actor, target, step)).toThrow(expect.objectContaining({ code: outcome }));
    else expect(rankAfterChange(actor, target, step)).toBe(outcome);
  });
});

describe('adjacent ranks', () => {
  it.each([
    ['RECRUIT', 'up', 'MEMBER'],
    ['MEMBER', 'up', 'VETERAN'],
    ['OFFICER', 'up', 'MASTER'],
    ['MASTER', 'up', undefined],
    ['OFFICER', 'down', 'VETERAN'],
    ['RECRUIT', 'down', undefined],
  ] as const)('%s %s → %s', (role, step, expected) => expect(adjacentRank(role, step)).toBe(expected));
});
