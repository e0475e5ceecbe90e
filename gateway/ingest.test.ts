import { describe, expect, it } from 'vitest';
import { malformedReason } from './ingest.js';

describe('malformedReason: what GraphQL could not take, refused for the one event', () => {
  const event = { eventId: 'e', sessionId: 's', eventType: 'X', timestamp: 't' };
  it.each<[string, unknown, string, string | null]>([
    ['a number', 42, 'MALFORMED', null],
    ['a list', [event], 'MALFORMED', null],
    ['null', null, 'MALFORMED', null],
    ['no eventId', { sessionId: 's', eventType: 'X', timestamp: 't' }, 'MALFORMED', 'eventId'],
    ['a numeric timestamp', { ...event, timestamp: 1 }, 'MALFORMED', 'timestamp'],
    ['an unknown field', { ...event, extra: 1 }, 'MALFORMED', 'extra'],
    ['a numeric userId', { ...event, userId: 7 }, 'MALFORMED', 'userId'],
    ['a NUL in eventId', { ...event, eventId: 'e\u0000' }, 'TEXT_POLICY', 'eventId'],
    ['an ESC in eventType', { ...event, eventType: 'X\u001b' }, 'TEXT_POLICY', 'eventType'],
  ])('%s', (_name, raw, reason, field) => {
    expect(malformedReason(raw)).toEqual({ reason, field, message: expect.any(String) });
  });

  it('passes an event GraphQL can take, whatever its values (analytics checks those)', () => {
    expect(malformedReason({ ...event, eventId: '', userId: null, properties: 3, context: 'x' })).toBeNull();
  });
});
