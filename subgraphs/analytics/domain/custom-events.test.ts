import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { labelsOf, validateCustomEvent } from './custom-events.js';

const ALLOW = { platform: ['ios', 'android'], tier: ['1', '2', '3'] };
const PLAYER = '8d3c1f0e-1111-4222-8333-944455556666';

describe('labelsOf: only allow-listed keys become labels, with bounded values', () => {
  it.each([
    ['an allowed key and value', { platform: 'ios' }, { platform: 'ios' }],
    ['an allowed key, a value outside its list', { platform: 'symbian' }, { platform: 'other' }],
    ['a number matching an allowed value', { tier: 2 }, { tier: '2' }],
    ['an object where a label value should be', { platform: { os: 'ios' } }, { platform: 'other' }],
    ['keys outside the allow-list are dropped', { userName: 'bob', level: 3, sessionId: 'x' }, {}],
    ['a mix', { platform: 'android', tier: '9', map: 'desert' }, { platform: 'android', tier: 'other' }],
    ['case matters (values are exact)', { platform: 'IOS' }, { platform: 'other' }],
    ['nothing', {}, {}],
  ])('%s', (_name, properties, labels) => {
    expect(labelsOf(properties, ALLOW)).toEqual(labels);
  });
});

describe('validateCustomEvent', () => {
  const field = (input: Parameters<typeof validateCustomEvent>[0]) => {
    try {
      validateCustomEvent(input, PLAYER, ALLOW);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return (error as BadUserInputError).details.field;
    }
  };
  it.each([
    ['a valid event', { eventId: 'e-1', name: 'shop_opened', properties: { platform: 'ios' } }, null],
    ['no properties', { eventId: 'e-1', name: 'shop_opened' }, null],
    ['a 63-character name', { eventId: 'e-1', name: `a${'b'.repeat(62)}` }, null],
    ['a 64-character name', { eventId: 'e-1', name: `a${'b'.repeat(63)}` }, 'name'],
    ['a name with capitals', { eventId: 'e-1', name: 'ShopOpened' }, 'name'],
    ['a name with a dot (not a Prometheus-safe value)', { eventId: 'e-1', name: 'shop.opened' }, 'name'],
    ['a name starting with a digit', { eventId: 'e-1', name: '1st_win' }, 'name'],
    ['an empty name', { eventId: 'e-1', name: '' }, 'name'],
    ['an eventId with a space', { eventId: 'e 1', name: 'x' }, 'eventId'],
    ['an eventId of 65 characters', { eventId: 'e'.repeat(65), name: 'x' }, 'eventId'],
    ['33 property keys', { eventId: 'e-1', name: 'x', properties: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])) }, 'properties'],
    ['properties over 4 KB', { eventId: 'e-1', name: 'x', properties: { blob: 'x'.repeat(4100) } }, 'properties'],
  ])('%s → %s', (_name, input, expected) => {
    expect(field(input)).toBe(expected);
  });

  it('gives the same id to the same caller’s retry, another to another caller', () => {
    const a = validateCustomEvent({ eventId: 'e-1', name: 'x' }, PLAYER, ALLOW).id;
    expect(validateCustomEvent({ eventId: 'e-1', name: 'x' }, PLAYER, ALLOW).id).toBe(a);
    expect(validateCustomEvent({ eventId: 'e-1', name: 'x' }, 'service:key-1', ALLOW).id).not.toBe(a);
    expect(validateCustomEvent({ eventId: 'e-2', name: 'x' }, PLAYER, ALLOW).id).not.toBe(a);
  });

  it('keeps every property for storage while labelling only the allowed ones', () => {
    const e = validateCustomEvent({ eventId: 'e-1', name: 'match_won', properties: { platform: 'ios', map: 'desert', kills: 7 } }, PLAYER, ALLOW);
    expect(e.properties).toEqual({ platform: 'ios', map: 'desert', kills: 7 });
    expect(e.labels).toEqual({ platform: 'ios' });
  });
});
