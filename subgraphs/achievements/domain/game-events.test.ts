import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { MAX_EVENTS_PER_CALL, validateGameEvents, type GameEventInput } from './game-events.js';

const types = new Set(['COMBAT_WON', 'QUEST_COMPLETED']);
const now = new Date('2026-11-28T12:00:00Z');
const USER = '0b7f2c1e-8d1a-4c3e-9a55-3f1f3c2b9d10';
const ok: GameEventInput = { id: 'match-42:win', userId: USER, type: 'COMBAT_WON', data: { mode: 'pvp' } };

const fieldOf = (inputs: GameEventInput[]) => {
  try {
    validateGameEvents(inputs, types, now);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details.field;
  }
  throw new Error('expected a BadUserInputError');
};

describe('validateGameEvents', () => {
  it('accepts a good event, defaulting data to {} and occurredAt to now', () => {
    expect(validateGameEvents([{ ...ok, data: null }], types, now)).toEqual([
      { id: ok.id, userId: USER, type: 'COMBAT_WON', data: {}, occurredAt: now },
    ]);
  });

  it.each<[string, Partial<GameEventInput>, string]>([
    ['an empty id', { id: '' }, 'events.0.id'],
    ['an id with spaces', { id: 'a b' }, 'events.0.id'],
    ['an id over 128 characters', { id: 'x'.repeat(129) }, 'events.0.id'],
    ['a user id that is not a player id', { userId: 'bob' }, 'events.0.userId'],
    ['an unknown event type', { type: 'COMBAT_WONN' }, 'events.0.type'],
    ['data that is an array', { data: [1, 2] as unknown as Record<string, unknown> }, 'events.0.data'],
    ['data over 4 KB', { data: { blob: 'x'.repeat(5_000) } }, 'events.0.data'],
    ['data with a NUL character', { data: { name: 'a\u0000b' } }, 'events.0.data'],
    ['a time an hour ahead', { occurredAt: new Date('2026-11-28T13:00:00Z') }, 'events.0.occurredAt'],
  ])('rejects %s, naming the field', (_name, change, field) => {
    expect(fieldOf([{ ...ok, ...change }])).toBe(field);
  });

  it('names the position of the bad event in a batch', () => {
    expect(fieldOf([ok, ok, { ...ok, type: 'NOPE' }])).toBe('events.2.type');
  });

  it('accepts a time a little ahead (clock drift) and any time in the past', () => {
    const drift = new Date('2026-11-28T12:04:00Z');
    const old = new Date('2020-01-01T00:00:00Z');
    expect(validateGameEvents([{ ...ok, occurredAt: drift }, { ...ok, occurredAt: old }], types, now).map((e) => e.occurredAt)).toEqual([drift, old]);
  });

  it(`takes 1 to ${MAX_EVENTS_PER_CALL} events`, () => {
    expect(fieldOf([])).toBe('events');
    expect(fieldOf(Array.from({ length: MAX_EVENTS_PER_CALL + 1 }, () => ok))).toBe('events');
    expect(validateGameEvents(Array.from({ length: MAX_EVENTS_PER_CALL }, () => ok), types, now)).toHaveLength(MAX_EVENTS_PER_CALL);
  });
});
