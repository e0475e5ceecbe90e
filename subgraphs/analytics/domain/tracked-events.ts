import { createHash } from 'node:crypto';
import { normalizeInputText } from '../../../platform/text.js';

/** Why an event was refused (the SDL's EventRejectionReason). */
export type RejectionReason =
  | 'TOO_LARGE'
  | 'MALFORMED'
  | 'INVALID_EVENT_ID'
  | 'INVALID_USER'
  | 'NOT_YOUR_EVENT'
  | 'INVALID_SESSION_ID'
  | 'INVALID_EVENT_TYPE'
  | 'INVALID_TIMESTAMP'
  | 'TIMESTAMP_OUT_OF_RANGE'
  | 'INVALID_PROPERTIES'
  | 'INVALID_CONTEXT'
  | 'TEXT_POLICY';

export interface Rejection {
  reason: RejectionReason;
  field: string | null;
  message: string;
}

/** An event as a client sent it: only the types GraphQL (or /ingest's shape check) guarantees. */
export interface TrackedEventInput {
  eventId: string;
  userId?: string | null;
  sessionId: string;
  eventType: string;
  properties?: unknown;
  timestamp: string;
  context?: unknown;
}

/** An accepted event, as it travels on the analytics log. */
export interface ValidEvent {
  /** Derived from (userId, eventId): the same player's retry maps to the same id. */
  id: string;
  eventId: string;
  userId: string;
  sessionId: string;
  eventType: string;
  /** ms since the epoch. */
  occurredAt: number;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
}

/** Who reports: a player (their own events only) or a game server (anyone's). */
export type Reporter = { kind: 'player'; userId: string } | { kind: 'service' };

export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_FUTURE_MS = 24 * 3_600_000;
export const MAX_PAST_MS = 30 * 24 * 3_600_000;
export const MAX_PROPERTY_KEYS = 64;
const MAX_SESSION_SECONDS = 86_400;

const ID_TEXT = /^[A-Za-z0-9._:-]{1,64}$/;
const EVENT_TYPE = /^[A-Z][A-Z0-9_]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const CONTEXT_STRINGS: Record<string, number> = { appVersion: 64, userAgent: 512 };
const CONTEXT_OBJECTS = new Set(['device', 'location']);

class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}
const reject = (reason: RejectionReason, field: string | null, message: string): never => {
  throw new Rejected({ reason, field, message });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The event's stored id: a UUID (v8 layout) from a SHA-256 of the player and their eventId. */
export function eventUuid(userId: string, eventId: string): string {
  const hex = createHash('sha256').update(`${userId.toLowerCase()}\n${eventId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Applies the platform's base text rule to every string and key of a JSON value; the value in NFC. */
function checkText(value: unknown, path: string, depth = 0): unknown {
  if (typeof value === 'string') {
    try {
      return normalizeInputText(value, path);
    } catch (error) {
      return reject('TEXT_POLICY', path, (error as Error).message);
    }
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 16) return reject(path.startsWith('context') ? 'INVALID_CONTEXT' : 'INVALID_PROPERTIES', path, `${path} is nested more than 16 levels deep.`);
  if (Array.isArray(value)) return value.map((item, i) => checkText(item, `${path}.${i}`, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    checkText(key, `${path}.${key}`, depth + 1);
    result[key] = checkText(item, `${path}.${key}`, depth + 1);
  }
  return result;
}

function checkProperties(eventType: string, raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) return reject('INVALID_PROPERTIES', 'properties', 'properties must be a JSON object.');
  if (Object.keys(raw).length > MAX_PROPERTY_KEYS) {
    return reject('INVALID_PROPERTIES', 'properties', `properties may have at most ${MAX_PROPERTY_KEYS} keys.`);
  }
  const properties = checkText(raw, 'properties') as Record<string, unknown>;
  if (eventType === 'SESSION_COMPLETED' && properties.durationSeconds !== undefined) {
    const d = properties.durationSeconds;
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0 || d > MAX_SESSION_SECONDS) {
      reject('INVALID_PROPERTIES', 'properties.durationSeconds', `durationSeconds must be a number from 0 to ${MAX_SESSION_SECONDS}.`);
    }
  }
  return properties;
}

function checkContext(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) return reject('INVALID_CONTEXT', 'context', 'context must be a JSON object.');
  for (const [key, value] of Object.entries(raw)) {
    if (CONTEXT_OBJECTS.has(key)) {
      if (value !== null && !isObject(value)) reject('INVALID_CONTEXT', `context.${key}`, `context.${key} must be an object.`);
    } else if (key in CONTEXT_STRINGS) {
      if (value !== null && (typeof value !== 'string' || [...value].length > CONTEXT_STRINGS[key]!)) {
        reject('INVALID_CONTEXT', `context.${key}`, `context.${key} must be a string of at most ${CONTEXT_STRINGS[key]} characters.`);
      }
    } else {
      reject('INVALID_CONTEXT', `context.${key}`, `context has no field ${key} (device, location, appVersion, userAgent).`);
    }
  }
  return checkText(raw, 'context') as Record<string, unknown>;
}

/** ms since the epoch, or NaN unless ISO-8601 with an offset and a real calendar date (no 30 February). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function parseTimestamp(text: string): number {
  if (!ISO_8601.test(text)) return NaN;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return NaN;
  return new Date(text).getTime();
}

/** Whether the event is larger than MAX_EVENT_BYTES as UTF-8 JSON. */
function tooLarge(event: unknown): boolean {
  const json = JSON.stringify(event) ?? '';
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most events need no exact count.
  return json.length * 3 > MAX_EVENT_BYTES && Buffer.byteLength(json, 'utf8') > MAX_EVENT_BYTES;
}

/**
 * Checks one event on its own: its size, fields, timestamp window (≤ 24 h ahead, ≤ 30 days back
 * of `now`), the text policy in its JSON parts, and who may report it. Returns the event to append
 * or why it was refused.
 */
export function validateTrackedEvent(input: TrackedEventInput, reporter: Reporter, now: number): { event: ValidEvent } | { rejection: Rejection } {
  try {
    if (tooLarge(input)) reject('TOO_LARGE', null, `An event may be at most ${MAX_EVENT_BYTES} bytes as JSON.`);
    if (!ID_TEXT.test(input.eventId)) reject('INVALID_EVENT_ID', 'eventId', 'eventId must be 1–64 characters from A–Z a–z 0–9 . _ : -.');
    const userId = reporterFor(input.userId ?? null, reporter);
    if (!ID_TEXT.test(input.sessionId)) reject('INVALID_SESSION_ID', 'sessionId', 'sessionId must be 1–64 characters from A–Z a–z 0–9 . _ : -.');
    if (!EVENT_TYPE.test(input.eventType)) reject('INVALID_EVENT_TYPE', 'eventType', 'eventType must be UPPER_SNAKE_CASE: 1–64 characters, starting with a letter.');
    const at = parseTimestamp(input.timestamp);
    if (Number.isNaN(at)) reject('INVALID_TIMESTAMP', 'timestamp', 'timestamp must be ISO-8601 with an offset, e.g. "2026-12-04T13:45:00Z".');
    if (at > now + MAX_FUTURE_MS) reject('TIMESTAMP_OUT_OF_RANGE', 'timestamp', 'timestamp is more than 24 hours ahead of the server clock.');
    if (at < now - MAX_PAST_MS) reject('TIMESTAMP_OUT_OF_RANGE', 'timestamp', 'timestamp is more than 30 days back.');
    const properties = checkProperties(input.eventType, input.properties);
    const context = checkContext(input.context);
    return {
      event: {
        id: eventUuid(userId, input.eventId),
        eventId: input.eventId,
        userId,
        sessionId: input.sessionId,
        eventType: input.eventType,
        occurredAt: at,
        properties,
        context,
      },
    };
  } catch (error) {
    if (error instanceof Rejected) return { rejection: error.rejection };
    throw error;
  }
}

function reporterFor(userId: string | null, reporter: Reporter): string {
  if (userId !== null && !UUID.test(userId)) return reject('INVALID_USER', 'userId', 'userId must be a player id.');
  if (reporter.kind === 'player') {
    if (userId !== null && userId.toLowerCase() !== reporter.userId.toLowerCase()) {
      return reject('NOT_YOUR_EVENT', 'userId', 'A player may report only their own events.');
    }
    return reporter.userId.toLowerCase();
  }
  if (userId === null) return reject('INVALID_USER', 'userId', 'A game server must say which player the event is about (userId).');
  return userId.toLowerCase();
}
