import { BadUserInputError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';

/** One gameplay event as the game server reports it (GameEventInput). */
export interface GameEventInput {
  id: string;
  userId: string;
  type: string;
  data?: Record<string, unknown> | null;
  occurredAt?: Date | null;
}

/** A checked event, ready for the event store. */
export interface ValidGameEvent {
  id: string;
  userId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export const MAX_EVENTS_PER_CALL = 500;
export const MAX_DATA_BYTES = 4_096;
/** Clocks drift; an event further in the future than this is a bug in the reporter. */
export const MAX_FUTURE_MS = 5 * 60_000;
const EVENT_ID = /^[\x21-\x7e]{1,128}$/;

/** Where event `i` sits in the caller's input, for error messages: `input.events.3`, or `input` for a single event. */
export type EventPath = (index: number) => string;
export const listPath =
  (field: string): EventPath =>
  (i) =>
    `${field}.${i}`;

/**
 * Checks a batch of reported events; throws BadUserInputError naming the first bad field
 * (`events.3.type`), so a rejected call stores nothing. `field` names the list.
 */
export function validateGameEvents(
  inputs: readonly GameEventInput[],
  eventTypes: ReadonlySet<string>,
  now: Date,
  field = 'events',
  pathOf: EventPath = listPath(field),
): ValidGameEvent[] {
  if (inputs.length === 0 || inputs.length > MAX_EVENTS_PER_CALL) {
    throw new BadUserInputError(`Send 1 to ${MAX_EVENTS_PER_CALL} events per call.`, field);
  }
  return inputs.map((input, i) => validateGameEvent(input, eventTypes, now, pathOf(i)));
}

export function validateGameEvent(input: GameEventInput, eventTypes: ReadonlySet<string>, now: Date, field: string): ValidGameEvent {
  if (!EVENT_ID.test(input.id)) {
    throw new BadUserInputError('An event id is 1–128 printable ASCII characters without spaces.', `${field}.id`);
  }
  if (!isUuid(input.userId)) throw new BadUserInputError('userId must be a player id.', `${field}.userId`);
  if (!eventTypes.has(input.type)) {
    throw new BadUserInputError(`Unknown event type "${input.type}". Known types: ${[...eventTypes].join(', ')}.`, `${field}.type`);
  }
  const data = input.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BadUserInputError('data must be a JSON object.', `${field}.data`);
  }
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > MAX_DATA_BYTES) {
    throw new BadUserInputError(`data may hold at most ${MAX_DATA_BYTES} bytes of JSON.`, `${field}.data`);
  }
  // PostgreSQL's jsonb cannot store the NUL character.
  if (json.includes('\\u0000')) throw new BadUserInputError('data may not contain the NUL character (\\u0000).', `${field}.data`);
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
    throw new BadUserInputError('occurredAt is in the future.', `${field}.occurredAt`);
  }
  return { id: input.id, userId: input.userId, type: input.type, data, occurredAt };
}
