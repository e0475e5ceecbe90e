import type { ValidEvent } from './tracked-events.js';
import { SLICE_HORIZON_MS, sliceStart, utcDay } from './window.js';

/** What a run of newly processed events adds to each aggregate (ms timestamps; days and slices as their start). */
export interface Aggregates {
  sessions: SessionDelta[];
  players: PlayerDelta[];
  playerTypes: { userId: string; eventType: string; events: number }[];
  dailyRollups: { day: number; eventType: string; events: number }[];
  dailyPlayers: { day: number; userId: string; events: number }[];
  slices: { sliceStart: number; eventType: string; events: number }[];
}

export interface SessionDelta {
  userId: string;
  sessionId: string;
  /** The earliest moment the events show it running (a completion's durationSeconds moves it back). */
  startedAt: number;
  lastEventAt: number;
  /** The earliest SESSION_COMPLETED among the events, if any. */
  completedAt: number | null;
  events: number;
}

export interface PlayerDelta {
  userId: string;
  firstSeenAt: number;
  lastSeenAt: number;
  events: number;
  /** The newest event's `context.device.platform` (lower-case) among those carrying one, and when. */
  platform: string | null;
  platformAt: number;
  /** Likewise `context.location.country` (upper-case). */
  country: string | null;
  countryAt: number;
}

/** A short string at `context[object][field]`, for experiment targeting; null when absent or not text. */
function contextText(context: Record<string, unknown>, object: string, field: string): string | null {
  const holder = context[object];
  const value = holder && typeof holder === 'object' ? (holder as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 32 ? value : null;
}

const add = <K>(map: Map<string, K>, key: string, create: () => K, update: (current: K) => void) => {
  let current = map.get(key);
  if (!current) map.set(key, (current = create()));
  update(current);
};

/**
 * Folds events (new to analytics: duplicates already dropped) into the deltas the store adds to
 * its tables in one statement each. Order does not matter: every aggregate is a sum, a minimum or
 * a maximum, which is also why a late event corrects its day, session and player by itself.
 * Events older than SLICE_HORIZON_MS before `now` stay out of the window slices.
 */
export function aggregate(events: readonly ValidEvent[], now: number): Aggregates {
  const sessions = new Map<string, SessionDelta>();
  const players = new Map<string, PlayerDelta>();
  const playerTypes = new Map<string, { userId: string; eventType: string; events: number }>();
  const daily = new Map<string, { day: number; eventType: string; events: number }>();
  const dailyPlayers = new Map<string, { day: number; userId: string; events: number }>();
  const slices = new Map<string, { sliceStart: number; eventType: string; events: number }>();
  for (const e of events) {
    const at = e.occurredAt;
    const completed = e.eventType === 'SESSION_COMPLETED';
    const reported = completed ? e.properties.durationSeconds : undefined;
    const startedAt = typeof reported === 'number' ? at - Math.round(reported * 1000) : at;
    add(
      sessions,
      `${e.userId}|${e.sessionId}`,
      () => ({ userId: e.userId, sessionId: e.sessionId, startedAt, lastEventAt: at, completedAt: null, events: 0 }),
      (s) => {
        s.startedAt = Math.min(s.startedAt, startedAt);
        s.lastEventAt = Math.max(s.lastEventAt, at);
        if (completed) s.completedAt = s.completedAt === null ? at : Math.min(s.completedAt, at);
        s.events++;
      },
    );
    add(
      players,
      e.userId,
      () => ({ userId: e.userId, firstSeenAt: at, lastSeenAt: at, events: 0, platform: null, platformAt: -Infinity, country: null, countryAt: -Infinity }),
      (p) => {
        p.firstSeenAt = Math.min(p.firstSeenAt, at);
        p.lastSeenAt = Math.max(p.lastSeenAt, at);
        p.events++;
        const platform = contextText(e.context, 'device', 'platform');
        if (platform !== null && at >= p.platformAt) [p.platform, p.platformAt] = [platform.toLowerCase(), at];
        const country = contextText(e.context, 'location', 'country');
        if (country !== null && at >= p.countryAt) [p.country, p.countryAt] = [country.toUpperCase(), at];
      },
    );
    add(playerTypes, `${e.userId}|${e.eventType}`, () => ({ userId: e.userId, eventType: e.eventType, events: 0 }), (c) => void c.events++);
    const day = utcDay(at);
    add(daily, `${day}|${e.eventType}`, () => ({ day, eventType: e.eventType, events: 0 }), (c) => void c.events++);
    add(dailyPlayers, `${day}|${e.userId}`, () => ({ day, userId: e.userId, events: 0 }), (c) => void c.events++);
    if (at >= now - SLICE_HORIZON_MS) {
      const slice = sliceStart(at);
      add(slices, `${slice}|${e.eventType}`, () => ({ sliceStart: slice, eventType: e.eventType, events: 0 }), (c) => void c.events++);
    }
  }
  return {
    sessions: [...sessions.values()],
    players: [...players.values()],
    playerTypes: [...playerTypes.values()],
    dailyRollups: [...daily.values()],
    dailyPlayers: [...dailyPlayers.values()],
    slices: [...slices.values()],
  };
}

/** A SESSION_COMPLETED's duration in whole minutes, as achievements reads it: from the session's start to the completion. */
export const sessionMinutes = (startedAt: number, completedAt: number): number => Math.max(0, Math.round((completedAt - startedAt) / 60_000));
