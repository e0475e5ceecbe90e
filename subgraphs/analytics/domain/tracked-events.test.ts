import { describe, expect, it } from 'vitest';
import { eventUuid, validateTrackedEvent, type Reporter, type TrackedEventInput } from './tracked-events.js';

const NOW = Date.parse('2026-12-04T12:00:00Z'); // a Friday
const PLAYER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const asPlayer: Reporter = { kind: 'player', userId: PLAYER };
const asServer: Reporter = { kind: 'service' };

const event = (over: Partial<TrackedEventInput> = {}): TrackedEventInput => ({
  eventId: 'e-1',
  sessionId: 's-1',
  eventType: 'LEVEL_COMPLETED',
  timestamp: '2026-12-04T11:59:00Z',
  ...over,
});

describe('validateTrackedEvent: accepted', () => {
  it.each<[string, Partial<TrackedEventInput>, Reporter]>([
    ['a player’s own event without userId', {}, asPlayer],
    ['a player’s own event with their id in capitals', { userId: PLAYER.toUpperCase() }, asPlayer],
    ['a game server’s event for any player', { userId: OTHER }, asServer],
    ['exactly 24 hours ahead', { timestamp: '2026-12-05T12:00:00Z' }, asPlayer],
    ['exactly 30 days back', { timestamp: '2026-11-04T12:00:00Z' }, asPlayer], // a Wednesday
    ['an offset other than Z', { timestamp: '2026-12-04T13:00:00+01:00' }, asPlayer],
    ['a UUID as eventId', { eventId: '0b5f0a2e-2a5e-4a8e-9f7e-6f1c0e1d2c3b' }, asPlayer],
    ['properties with nested values', { properties: { level: 3, tags: ['a', 'b'], meta: { ok: true } } }, asPlayer],
    ['a SESSION_COMPLETED with durationSeconds', { eventType: 'SESSION_COMPLETED', properties: { durationSeconds: 600 } }, asPlayer],
    ['a full context', { context: { device: { os: 'iOS' }, location: { country: 'ES' }, appVersion: '1.2.3', userAgent: 'Game/1.2' } }, asPlayer],
    ['a type nobody listed', { eventType: 'BOSS_DEFEATED' }, asPlayer],
  ])('%s', (_name, over, reporter) => {
    const result = validateTrackedEvent(event(over), reporter, NOW);
    expect(result).toHaveProperty('event');
  });

  it('keeps what the event says, the player in lower case and the time in ms', () => {
    const result = validateTrackedEvent(event({ userId: OTHER.toUpperCase(), properties: { n: 1 } }), asServer, NOW);
    expect(result).toEqual({
      event: {
        id: eventUuid(OTHER, 'e-1'),
        eventId: 'e-1',
        userId: OTHER,
        sessionId: 's-1',
        eventType: 'LEVEL_COMPLETED',
        occurredAt: Date.parse('2026-12-04T11:59:00Z'),
        properties: { n: 1 },
        context: {},
      },
    });
  });

  it('puts the strings of properties in NFC', () => {
    const result = validateTrackedEvent(event({ properties: { name: 'e\u0301' } }), asPlayer, NOW);
    expect(result).toMatchObject({ event: { properties: { name: 'é' } } });
  });
});

describe('validateTrackedEvent: refused', () => {
  it.each<[string, Partial<TrackedEventInput>, Reporter, string, string | null]>([
    ['an empty eventId', { eventId: '' }, asPlayer, 'INVALID_EVENT_ID', 'eventId'],
    ['an eventId of 65 characters', { eventId: 'x'.repeat(65) }, asPlayer, 'INVALID_EVENT_ID', 'eventId'],
    ['an eventId with a space', { eventId: 'e 1' }, asPlayer, 'INVALID_EVENT_ID', 'eventId'],
    ['another player’s event from a player', { userId: OTHER }, asPlayer, 'NOT_YOUR_EVENT', 'userId'],
    ['a game server’s event without userId', {}, asServer, 'INVALID_USER', 'userId'],
    ['a userId that is not a player id', { userId: 'bob' }, asServer, 'INVALID_USER', 'userId'],
    ['a sessionId with a slash', { sessionId: 'a/b' }, asPlayer, 'INVALID_SESSION_ID', 'sessionId'],
    ['a lower-case eventType', { eventType: 'level_completed' }, asPlayer, 'INVALID_EVENT_TYPE', 'eventType'],
    ['an eventType starting with a digit', { eventType: '1UP' }, asPlayer, 'INVALID_EVENT_TYPE', 'eventType'],
    ['a timestamp without offset', { timestamp: '2026-12-04T11:59:00' }, asPlayer, 'INVALID_TIMESTAMP', 'timestamp'],
    ['an impossible date', { timestamp: '2026-02-30T00:00:00Z' }, asPlayer, 'INVALID_TIMESTAMP', 'timestamp'],
    ['a millisecond past 24 hours ahead', { timestamp: '2026-12-05T12:00:00.001Z' }, asPlayer, 'TIMESTAMP_OUT_OF_RANGE', 'timestamp'],
    ['31 days back', { timestamp: '2026-11-03T12:00:00Z' }, asPlayer, 'TIMESTAMP_OUT_OF_RANGE', 'timestamp'],
    ['properties as a list', { properties: [1, 2] }, asPlayer, 'INVALID_PROPERTIES', 'properties'],
    ['properties as a string', { properties: 'x' }, asPlayer, 'INVALID_PROPERTIES', 'properties'],
    ['65 property keys', { properties: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])) }, asPlayer, 'INVALID_PROPERTIES', 'properties'],
    ['a negative durationSeconds', { eventType: 'SESSION_COMPLETED', properties: { durationSeconds: -1 } }, asPlayer, 'INVALID_PROPERTIES', 'properties.durationSeconds'],
    ['a durationSeconds as text', { eventType: 'SESSION_COMPLETED', properties: { durationSeconds: '60' } }, asPlayer, 'INVALID_PROPERTIES', 'properties.durationSeconds'],
    ['a NUL in a property', { properties: { name: 'a\u0000b' } }, asPlayer, 'TEXT_POLICY', 'properties.name'],
    ['an ESC in a property key', { properties: { 'a\u001b[31m': 1 } }, asPlayer, 'TEXT_POLICY', 'properties.a\u001b[31m'],
    ['a lone surrogate deep in a list', { properties: { tags: ['ok', '\ud800'] } }, asPlayer, 'TEXT_POLICY', 'properties.tags.1'],
    ['an unknown context key', { context: { ip: '1.2.3.4' } }, asPlayer, 'INVALID_CONTEXT', 'context.ip'],
    ['a numeric appVersion', { context: { appVersion: 12 } }, asPlayer, 'INVALID_CONTEXT', 'context.appVersion'],
    ['a userAgent of 513 characters', { context: { userAgent: 'x'.repeat(513) } }, asPlayer, 'INVALID_CONTEXT', 'context.userAgent'],
    ['a device that is text', { context: { device: 'iPhone' } }, asPlayer, 'INVALID_CONTEXT', 'context.device'],
    ['a control character in the userAgent', { context: { userAgent: 'Game\u0007' } }, asPlayer, 'TEXT_POLICY', 'context.userAgent'],
    ['an event over 32 KB', { properties: { blob: 'x'.repeat(32 * 1024) } }, asPlayer, 'TOO_LARGE', null],
  ])('%s', (_name, over, reporter, reason, field) => {
    const result = validateTrackedEvent(event(over), reporter, NOW);
    expect(result).toEqual({ rejection: { reason, field, message: expect.any(String) } });
  });
});

describe('eventUuid', () => {
  it('is a UUID that depends on the player and the eventId, not the case of the player id', () => {
    const id = eventUuid(PLAYER, 'e-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventUuid(PLAYER.toUpperCase(), 'e-1')).toBe(id);
    expect(eventUuid(OTHER, 'e-1')).not.toBe(id);
    expect(eventUuid(PLAYER, 'e-2')).not.toBe(id);
  });
});

describe('validateTrackedEvent: the 32 KB bound counts UTF-8 bytes', () => {
  const sized = (text: string) => event({ properties: { t: text } });
  const base = Buffer.byteLength(JSON.stringify(sized('')), 'utf8');
  it('accepts an event of exactly 32,768 bytes, and refuses one byte more', () => {
    expect(validateTrackedEvent(sized('x'.repeat(32_768 - base)), asPlayer, NOW)).toHaveProperty('event');
    expect(validateTrackedEvent(sized('x'.repeat(32_769 - base)), asPlayer, NOW)).toMatchObject({ rejection: { reason: 'TOO_LARGE' } });
  });
  it('counts 3 bytes for each €', () => {
    const euros = Math.floor((32_768 - base) / 3);
    expect(validateTrackedEvent(sized('€'.repeat(euros)), asPlayer, NOW)).toHaveProperty('event');
    expect(validateTrackedEvent(sized('€'.repeat(euros + 1)), asPlayer, NOW)).toMatchObject({ rejection: { reason: 'TOO_LARGE' } });
  });
  it('refuses 29 February outside leap years and takes it in one', () => {
    expect(validateTrackedEvent(event({ timestamp: '2026-02-29T00:00:00Z' }), asPlayer, Date.parse('2026-03-01T00:00:00Z'))).toMatchObject({ rejection: { reason: 'INVALID_TIMESTAMP' } });
    expect(validateTrackedEvent(event({ timestamp: '2028-02-29T00:00:00Z' }), asPlayer, Date.parse('2028-03-01T00:00:00Z'))).toHaveProperty('event');
  });
});
