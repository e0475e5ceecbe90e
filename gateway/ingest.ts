import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { readAtMost, sendJson } from '../platform/graphql-http.js';
import { interceptRequests } from '../platform/http.js';
import { normalizeInputText } from '../platform/text.js';
import type { GatewayContext } from './server.js';

/** The path game clients that do not speak GraphQL POST their events to. */
export const INGEST_PATH = '/ingest';
const MAX_EVENTS = 500;

const TRACK_EVENTS = `mutation Ingest($events: [TrackedEventInput!]!) {
  trackEvents(input: { events: $events }) { accepted duplicates rejected { index eventId reason field message } }
}`;

interface Rejected {
  index: number;
  eventId: string | null;
  reason: string;
  field: string | null;
  message: string;
}

interface TrackEventsAnswer {
  accepted: number;
  duplicates: number;
  rejected: Rejected[];
}

const FIELDS = new Set(['eventId', 'userId', 'sessionId', 'eventType', 'properties', 'timestamp', 'context']);
const REQUIRED_STRINGS = ['eventId', 'sessionId', 'eventType', 'timestamp'];
const TEXT_FIELDS = ['eventId', 'userId', 'sessionId', 'eventType', 'timestamp'];

/**
 * What GraphQL's input coercion (and the text policy on arguments) would refuse for the whole
 * `trackEvents` call, refused here for the one event: not an object, a required string missing or
 * of another JSON type, an unknown field, a NUL or control character in a string field. Values are
 * checked by analytics, as for `trackEvents`.
 */
export function malformedReason(raw: unknown): Omit<Rejected, 'index' | 'eventId'> | null {
  const malformed = (field: string | null, message: string) => ({ reason: 'MALFORMED', field, message });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return malformed(null, 'An event must be a JSON object.');
  const event = raw as Record<string, unknown>;
  for (const key of Object.keys(event)) if (!FIELDS.has(key)) return malformed(key, `An event has no field ${key}.`);
  for (const key of REQUIRED_STRINGS) if (typeof event[key] !== 'string') return malformed(key, `${key} is required and must be a string.`);
  if (event.userId != null && typeof event.userId !== 'string') return malformed('userId', 'userId must be a string.');
  for (const key of TEXT_FIELDS) {
    if (typeof event[key] !== 'string') continue;
    try {
      normalizeInputText(event[key], key);
    } catch (error) {
      return { reason: 'TEXT_POLICY', field: key, message: (error as Error).message };
    }
  }
  return null;
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

function sendError(res: ServerResponse, code: string, message: string, extensions: Record<string, unknown> = {}) {
  const headers: Record<string, string> = {};
  if (code === 'RATE_LIMITED') headers['retry-after'] = String(Math.ceil(Number(extensions.retryAfterMs ?? 1000) / 1000));
  sendJson(res, STATUS[code] ?? 500, { errors: [{ message, extensions: { ...extensions, code } }] }, headers);
}

/**
 * `POST /ingest`: a JSON array of analytics events, for clients that do not speak GraphQL. The
 * same caller checks (a player's or a game server's bearer token, the gateway's rate limit) and
 * the same rules as `trackEvents`, which it runs through the gateway; events GraphQL could not
 * even take are rejected here, each alone. Answers `{ accepted, duplicates, rejected }` (200), or
 * `{ errors: [{ message, extensions: { code } }] }` with a 4xx/5xx status for a refused call.
 */
export function ingestHandler(deps: {
  apollo: ApolloServer<GatewayContext>;
  context: (req: IncomingMessage) => Promise<GatewayContext>;
  maxBodyBytes: number;
  logger: Logger;
}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method !== 'POST') return sendError(res, 'BAD_REQUEST', 'POST a JSON array of events to /ingest.', { allow: 'POST' });
      if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
        return sendError(res, 'BAD_REQUEST', 'The body must be JSON (Content-Type: application/json).');
      }
      let contextValue: GatewayContext;
      try {
        contextValue = await deps.context(req);
      } catch (error) {
        const e = error as GraphQLError;
        const { code = 'INTERNAL_SERVER_ERROR', http: _http, ...rest } = (e.extensions ?? {}) as Record<string, unknown>;
        return sendError(res, String(code), e.message, rest);
      }
      // Refused before any event is looked at, as trackEvents would refuse the call.
      if (!contextValue.viewer.userId && contextValue.viewer.kind !== 'service') {
        return sendError(res, 'UNAUTHENTICATED', 'Sign in (a player’s or the game server’s bearer token) to report events.');
      }
      const body = await readAtMost(req, deps.maxBodyBytes);
      if (body === 'too large') return sendError(res, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts.', { maxBytes: deps.maxBodyBytes });
      let events: unknown;
      try {
        events = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 'BAD_REQUEST', 'The body is not valid JSON.');
      }
      if (!Array.isArray(events)) return sendError(res, 'BAD_USER_INPUT', 'The body must be a JSON array of events.', { field: 'events' });
      if (events.length < 1 || events.length > MAX_EVENTS) {
        return sendError(res, 'BAD_USER_INPUT', `Send 1–${MAX_EVENTS} events per call.`, { field: 'events', count: events.length, max: MAX_EVENTS });
      }
      const rejected: Rejected[] = [];
      const forwarded: { index: number; event: unknown }[] = [];
      events.forEach((event, index) => {
        const reason = malformedReason(event);
        const eventId = typeof (event as { eventId?: unknown } | null)?.eventId === 'string' ? (event as { eventId: string }).eventId : null;
        if (reason) rejected.push({ index, eventId, ...reason });
        else forwarded.push({ index, event });
      });
      let answer: TrackEventsAnswer = { accepted: 0, duplicates: 0, rejected: [] };
      if (forwarded.length) {
        const response = await deps.apollo.executeOperation<{ trackEvents: TrackEventsAnswer }>(
          { query: TRACK_EVENTS, variables: { events: forwarded.map((f) => f.event) } },
          { contextValue },
        );
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const error = result?.errors?.[0];
        if (error || !result?.data?.trackEvents) {
          const { code = 'INTERNAL_SERVER_ERROR', ...rest } = (error?.extensions ?? {}) as Record<string, unknown>;
          return sendError(res, String(code), error?.message ?? 'Internal server error', rest);
        }
        answer = result.data.trackEvents;
      }
      const all = [...rejected, ...answer.rejected.map((r) => ({ ...r, index: forwarded[r.index]!.index }))].sort((a, b) => a.index - b.index);
      sendJson(res, 200, { accepted: answer.accepted, duplicates: answer.duplicates, rejected: all });
    } catch (error) {
      deps.logger.error({ err: error }, 'POST /ingest failed');
      if (!res.headersSent) sendError(res, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}

/**
 * Serves POST /ingest on the gateway's HTTP server ahead of the platform's request listener
 * (which serves everything else), without touching the platform's HTTP service.
 */
export function routeIngest(httpServer: Server, handler: ReturnType<typeof ingestHandler>): void {
  interceptRequests(httpServer, (req, res, next) => ((req.url ?? '').split('?', 1)[0] === INGEST_PATH ? void handler(req, res) : next()));
}
