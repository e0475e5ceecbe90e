import { BadUserInputError } from '../../../platform/errors.js';
import { eventUuid } from './tracked-events.js';

export const CUSTOM_EVENT_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const EVENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export const MAX_CUSTOM_PROPERTY_KEYS = 32;
export const MAX_CUSTOM_PROPERTIES_BYTES = 4096;
/** The label value of an allow-listed key whose value is not in its list (or not a scalar). */
export const OTHER_LABEL = 'other';

/** Property key → the values it may take as a Prometheus label (configuration). */
export type LabelAllowList = Readonly<Record<string, readonly string[]>>;

export interface CustomEventInput {
  eventId: string;
  name: string;
  properties?: Record<string, unknown> | null;
}

export interface ValidCustomEvent {
  /** From (caller, eventId): a retry by the same caller is the same row. */
  id: string;
  name: string;
  properties: Record<string, unknown>;
  labels: Record<string, string>;
}

export function assertCustomEventName(name: string, field = 'name'): string {
  if (!CUSTOM_EVENT_NAME.test(name)) throw new BadUserInputError(`${field}: 1–63 characters from a–z 0–9 _, starting with a letter.`, field);
  return name;
}

/**
 * Checks a custom event (strings already passed the platform's text policy on the way in) and
 * picks its Prometheus labels: only allow-listed keys, each value from its list or `other`.
 * `caller` is who reports it (the player's id, or `service:<key id>`): ids are unique per caller.
 */
export function validateCustomEvent(input: CustomEventInput, caller: string, allowList: LabelAllowList): ValidCustomEvent {
  if (!EVENT_ID.test(input.eventId)) throw new BadUserInputError('eventId: 1–64 characters from A–Z a–z 0–9 . _ : -.', 'eventId');
  const name = assertCustomEventName(input.name);
  const properties = input.properties ?? {};
  if (Object.keys(properties).length > MAX_CUSTOM_PROPERTY_KEYS) {
    throw new BadUserInputError(`properties: at most ${MAX_CUSTOM_PROPERTY_KEYS} keys.`, 'properties');
  }
  if (Buffer.byteLength(JSON.stringify(properties)) > MAX_CUSTOM_PROPERTIES_BYTES) {
    throw new BadUserInputError(`properties: at most ${MAX_CUSTOM_PROPERTIES_BYTES} bytes of JSON.`, 'properties');
  }
  return { id: eventUuid(caller, `custom:${input.eventId}`), name, properties, labels: labelsOf(properties, allowList) };
}

/** The Prometheus labels of a custom event's properties: allow-listed keys only, values bounded by their list. */
export function labelsOf(properties: Record<string, unknown>, allowList: LabelAllowList): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(allowList)) {
    if (!Object.hasOwn(properties, key)) continue;
    const value = properties[key];
    const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
    labels[key] = text !== null && allowed.includes(text) ? text : OTHER_LABEL;
  }
  return labels;
}
