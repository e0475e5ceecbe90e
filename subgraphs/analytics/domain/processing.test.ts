import { describe, expect, it } from 'vitest';
import { aggregate, sessionMinutes } from './processing.js';
import type { ValidEvent } from './tracked-events.js';

const NOW = Date.parse('2026-12-04T12:00:00Z'); // a Friday
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
let n = 0;
const ev = (userId: string, sessionId: string, eventType: string, iso: string, properties: Record<string, unknown> = {}): ValidEvent => ({
  id: `id-${++n}`,
  eventId: `e-${n}`,
  userId,
  sessionId,
  eventType,
  occurredAt: Date.parse(iso),
  properties,
  context: {},
});
const t = (iso: string) => Date.parse(iso);

describe('aggregate', () => {
  const events = [
    ev(A, 's1', 'SESSION_STARTED', '2026-12-04T11:50:10Z'),
    ev(A, 's1', 'LEVEL_COMPLETED', '2026-12-04T11:55:40Z'),
    ev(A, 's1', 'SESSION_COMPLETED', '2026-12-04T11:58:00Z'),
    ev(B, 's9', 'LEVEL_COMPLETED', '2026-12-04T11:55:50Z'),
    // Late: three days back (a Tuesday), outside the window's horizon.
    ev(B, 's8', 'LEVEL_COMPLETED', '2026-12-01T20:00:00Z'),
  ];
  const result = aggregate(events, NOW);

  it('spans each session from its first to its last event, completed at its SESSION_COMPLETED', () => {
    expect(result.sessions).toEqual([
      { userId: A, sessionId: 's1', startedAt: t('2026-12-04T11:50:10Z'), lastEventAt: t('2026-12-04T11:58:00Z'), completedAt: t('2026-12-04T11:58:00Z'), events: 3 },
      { userId: B, sessionId: 's9', startedAt: t('2026-12-04T11:55:50Z'), lastEventAt: t('2026-12-04T11:55:50Z'), completedAt: null, events: 1 },
      { userId: B, sessionId: 's8', startedAt: t('2026-12-01T20:00:00Z'), lastEventAt: t('2026-12-01T20:00:00Z'), completedAt: null, events: 1 },
    ]);
  });

  it('keeps each player’s first and last moment and count, the late event included', () => {
    expect(result.players).toMatchObject([
      { userId: A, firstSeenAt: t('2026-12-04T11:50:10Z'), lastSeenAt: t('2026-12-04T11:58:00Z'), events: 3 },
      { userId: B, firstSeenAt: t('2026-12-01T20:00:00Z'), lastSeenAt: t('2026-12-04T11:55:50Z'), events: 2 },
    ]);
    expect(result.playerTypes).toContainEqual({ userId: B, eventType: 'LEVEL_COMPLETED', events: 2 });
  });

  it('keeps the platform and country of each player’s newest event that carried one (what experiment targeting reads)', () => {
    const withContext = (iso: string, context: Record<string, unknown>) => ({ ...ev(A, 's1', 'LEVEL_COMPLETED', iso), context });
    const [player] = aggregate(
      [
        withContext('2026-12-04T11:00:00Z', { device: { platform: 'Android' }, location: { country: 'fr' } }),
        withContext('2026-12-04T11:30:00Z', { device: { platform: 'IOS' } }), // newest platform, no country
        withContext('2026-12-04T10:00:00Z', { device: { platform: 'pc' }, location: { country: 'DE' } }), // late: older than both
        withContext('2026-12-04T11:40:00Z', { device: { platform: 42 }, location: 'Spain' }), // not text: ignored
      ],
      NOW,
    ).players;
    expect(player).toMatchObject({ platform: 'ios', country: 'FR' });
    expect(aggregate([ev(B, 's1', 'LEVEL_COMPLETED', '2026-12-04T11:00:00Z')], NOW).players[0]).toMatchObject({ platform: null, country: null });
  });

  it('counts the late event in its own day', () => {
    expect(result.dailyRollups).toEqual([
      { day: t('2026-12-04T00:00:00Z'), eventType: 'SESSION_STARTED', events: 1 },
      { day: t('2026-12-04T00:00:00Z'), eventType: 'LEVEL_COMPLETED', events: 2 },
      { day: t('2026-12-04T00:00:00Z'), eventType: 'SESSION_COMPLETED', events: 1 },
      { day: t('2026-12-01T00:00:00Z'), eventType: 'LEVEL_COMPLETED', events: 1 },
    ]);
    expect(result.dailyPlayers).toEqual([
      { day: t('2026-12-04T00:00:00Z'), userId: A, events: 3 },
      { day: t('2026-12-04T00:00:00Z'), userId: B, events: 1 },
      { day: t('2026-12-01T00:00:00Z'), userId: B, events: 1 },
    ]);
  });

  it('puts recent events in 30-second slices, and leaves out those past the horizon', () => {
    expect(result.slices).toEqual([
      { sliceStart: t('2026-12-04T11:50:00Z'), eventType: 'SESSION_STARTED', events: 1 },
      { sliceStart: t('2026-12-04T11:55:30Z'), eventType: 'LEVEL_COMPLETED', events: 2 },
      { sliceStart: t('2026-12-04T11:58:00Z'), eventType: 'SESSION_COMPLETED', events: 1 },
    ]);
  });

  it('moves a session’s start back by a reported durationSeconds', () => {
    const [session] = aggregate([ev(A, 's2', 'SESSION_COMPLETED', '2026-12-04T11:00:00Z', { durationSeconds: 1800 })], NOW).sessions;
    expect(session).toMatchObject({ startedAt: t('2026-12-04T10:30:00Z'), completedAt: t('2026-12-04T11:00:00Z') });
  });

  it('gives the same aggregates whatever the order of the events', () => {
    expect(aggregate([...events].reverse(), NOW).players.map((p) => [p.userId, p.firstSeenAt, p.lastSeenAt, p.events]).sort()).toEqual(
      result.players.map((p) => [p.userId, p.firstSeenAt, p.lastSeenAt, p.events]).sort(),
    );
  });

  it('is empty for no events', () => {
    expect(aggregate([], NOW)).toEqual({ sessions: [], players: [], playerTypes: [], dailyRollups: [], dailyPlayers: [], slices: [] });
  });
});

describe('sessionMinutes', () => {
  it.each([
    ['2026-12-04T11:00:00Z', '2026-12-04T11:30:00Z', 30],
    ['2026-12-04T11:00:00Z', '2026-12-04T11:00:29Z', 0],
    ['2026-12-04T11:00:00Z', '2026-12-04T11:00:30Z', 1],
    ['2026-12-04T11:00:00Z', '2026-12-04T10:00:00Z', 0], // a completion before the start counts nothing
  ])('%s → %s is %d minutes', (from, to, minutes) => {
    expect(sessionMinutes(t(from), t(to))).toBe(minutes);
  });
});
