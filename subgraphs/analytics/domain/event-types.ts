/**
 * Event types with their own Prometheus label (`event_type`); any other type is counted as
 * `other`, so a client inventing types cannot grow the metrics without bound. The SDL's
 * EventRejectionReason documentation lists the same names.
 */
export const KNOWN_EVENT_TYPES = [
  'SESSION_STARTED',
  'SESSION_COMPLETED',
  'LEVEL_STARTED',
  'LEVEL_COMPLETED',
  'LEVEL_FAILED',
  'MATCH_STARTED',
  'MATCH_COMPLETED',
  'QUEST_STARTED',
  'QUEST_COMPLETED',
  'ITEM_ACQUIRED',
  'ITEM_USED',
  'PURCHASE_COMPLETED',
  'SCREEN_VIEWED',
  'TUTORIAL_STEP_COMPLETED',
  'SOCIAL_INTERACTION',
] as const;

const KNOWN = new Set<string>(KNOWN_EVENT_TYPES);

/** The `event_type` label of a type: itself when known, `other` otherwise. */
export const metricLabelOf = (eventType: string): string => (KNOWN.has(eventType) ? eventType : 'other');
