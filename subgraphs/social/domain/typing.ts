/**
 * Typing indicators: a `typing: true` event shows a player typing in a room until `expiryMs`
 * later, unless a later event renews or ends it. Clients call on keystrokes; each player sends at
 * most one `typing: true` per room every `throttleMs`, the calls in between coalesced into it. The
 * expiry is longer than the throttle, so someone typing steadily shows without a gap. Times are
 * epoch milliseconds.
 */
export interface TypingTimings {
  /** At most one `typing: true` event per player per room this often (3 s by default). */
  throttleMs: number;
  /** How long a `typing: true` event shows the indicator (6 s by default). */
  expiryMs: number;
}

/** A player's typing state in one room, as the store keeps it (both null when nothing is kept). */
export interface TypingState {
  /** Until when further `typing: true` calls are coalesced. */
  throttledUntil: number | null;
  /** Until when subscribers were told the player is typing. */
  shownUntil: number | null;
}

export interface TypingDecision {
  /** The event to send, or null when the call is coalesced or changes nothing. */
  event: { typing: boolean; expiresAt: number | null } | null;
  next: TypingState;
}

/**
 * What a call at `now` sends and leaves behind. Typing: an event unless one went out within the
 * throttle. Stopped: an event only when the indicator still shows, so a stop is never throttled
 * and never repeated; a start right after a stop waits for the throttle like any other.
 */
export function decideTyping(state: TypingState, typing: boolean, now: number, timings: TypingTimings): TypingDecision {
  const shown = state.shownUntil !== null && state.shownUntil > now ? state.shownUntil : null;
  const throttled = state.throttledUntil !== null && state.throttledUntil > now ? state.throttledUntil : null;
  if (!typing) {
    return { event: shown === null ? null : { typing: false, expiresAt: null }, next: { throttledUntil: throttled, shownUntil: null } };
  }
  if (throttled !== null) return { event: null, next: { throttledUntil: throttled, shownUntil: shown } };
  const expiresAt = now + timings.expiryMs;
  return { event: { typing: true, expiresAt }, next: { throttledUntil: now + timings.throttleMs, shownUntil: expiresAt } };
}
