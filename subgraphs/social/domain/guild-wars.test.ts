import { describe, expect, it } from 'vitest';
import {
  assertMayDeclare,
  dueStatus,
  inWarWindow,
  mayMove,
  nextDeclarationAt,
  warPointsFor,
  warRewardKey,
  warSchedule,
  warWinner,
  type GuildWarStatus,
} from './guild-wars.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const declared = new Date('2026-03-02T18:00:00Z'); // a Monday evening
const war = warSchedule(declared);

describe('guild wars: schedule and state machine', () => {
  it('starts 24 h after the declaration and ends 72 h after it', () => {
    expect(war.startsAt.toISOString()).toBe('2026-03-03T18:00:00.000Z'); // Tuesday
    expect(war.endsAt.toISOString()).toBe('2026-03-05T18:00:00.000Z'); // Thursday
  });

  it.each<[string, string, GuildWarStatus]>([
    ['at the declaration', '2026-03-02T18:00:00Z', 'DECLARED'],
    ['a millisecond before the start', '2026-03-03T17:59:59.999Z', 'DECLARED'],
    ['at the start', '2026-03-03T18:00:00Z', 'ACTIVE'],
    ['a day into the fighting', '2026-03-04T18:00:00Z', 'ACTIVE'],
    ['a millisecond before the end', '2026-03-05T17:59:59.999Z', 'ACTIVE'],
    ['at the end', '2026-03-05T18:00:00Z', 'ENDED'],
    ['a week later (jobs were down)', '2026-03-12T18:00:00Z', 'ENDED'],
  ])('%s the war is due %s', (_when, now, status) => {
    expect(dueStatus(war, new Date(now))).toBe(status);
  });

  it.each<[GuildWarStatus, GuildWarStatus, boolean]>([
    ['DECLARED', 'ACTIVE', true],
    ['ACTIVE', 'ENDED', true],
    ['DECLARED', 'ENDED', false], // one step at a time: the end job of a war that never started waits for its start
    ['ACTIVE', 'DECLARED', false],
    ['ENDED', 'ACTIVE', false],
    ['ENDED', 'ENDED', false], // a second end job changes nothing
    ['ACTIVE', 'ACTIVE', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(mayMove(from, to)).toBe(allowed);
  });

  it.each<[string, string, boolean]>([
    ['during the preparation day', '2026-03-03T12:00:00Z', false],
    ['at the start', '2026-03-03T18:00:00Z', true],
    ['on the last evening', '2026-03-05T17:59:59Z', true],
    ['at the end', '2026-03-05T18:00:00Z', false],
  ])('an event %s counts: %s', (_when, at, counts) => {
    expect(inWarWindow(war, new Date(at))).toBe(counts);
  });
});

describe('guild wars: who may declare', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it.each<[string, Parameters<typeof assertMayDeclare>[0], string | null]>([
    ['a first war', { attackerId: A, defenderId: B, openWarBetween: false, lastDeclaredAt: null, now }, null],
    ['against itself', { attackerId: A, defenderId: A, openWarBetween: false, lastDeclaredAt: null, now }, 'BAD_USER_INPUT'],
    ['while a war between the two is open', { attackerId: A, defenderId: B, openWarBetween: true, lastDeclaredAt: null, now }, 'CONFLICT'],
    ['23 h 59 min after its last declaration', { attackerId: A, defenderId: B, openWarBetween: false, lastDeclaredAt: new Date('2026-03-09T12:01:00Z'), now }, 'CONFLICT'],
    ['24 h after its last declaration', { attackerId: A, defenderId: B, openWarBetween: false, lastDeclaredAt: new Date('2026-03-09T12:00:00Z'), now }, null],
  ])('%s → %s', (_case, input, code) => {
    if (code === null) expect(() => assertMayDeclare(input)).not.toThrow();
    else expect(() => assertMayDeclare(input)).toThrow(expect.objectContaining({ code, details: expect.objectContaining({ field: 'defendingGuildId' }) }));
  });

  it('names when the guild may declare again', () => {
    expect(() => assertMayDeclare({ attackerId: A, defenderId: B, openWarBetween: false, lastDeclaredAt: new Date('2026-03-10T00:00:00Z'), now })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'COOLDOWN', availableAt: '2026-03-11T00:00:00.000Z' }) }),
    );
    expect(nextDeclarationAt(null)).toBeNull();
  });
});

describe('guild wars: scoring and the winner', () => {
  it.each<[string, number]>([
    ['COMBAT_WON', 1],
    ['QUEST_COMPLETED', 3],
    ['TOURNAMENT_MATCH_WON', 5],
    ['COMBAT_LOST', 0],
    ['SESSION_COMPLETED', 0],
    ['toString', 0], // not a key of the table
  ])('%s scores %i', (kind, points) => {
    expect(warPointsFor(kind)).toBe(points);
  });

  it.each<[number, number, 'ATTACKER' | 'DEFENDER' | null]>([
    [10, 3, 'ATTACKER'],
    [3, 10, 'DEFENDER'],
    [7, 7, null],
    [0, 0, null], // nobody fought: a draw
    [1, 0, 'ATTACKER'],
  ])('attacker %i, defender %i → %s', (attacker, defender, winner) => {
    expect(warWinner({ attacker, defender })).toBe(winner);
  });

  it('rewards each member once per war: the key names the war and the member', () => {
    expect(warRewardKey('w1', A)).toBe(`guild-war:w1:reward:${A}`);
    expect(warRewardKey('w1', A)).not.toBe(warRewardKey('w2', A));
  });
});
