import { describe, expect, it } from 'vitest';
import { decideTyping, type TypingState } from './typing.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0); // 2026-12-05 12:00:00 UTC
const s = (seconds: number) => NOW + seconds * 1_000;
const TIMINGS = { throttleMs: 3_000, expiryMs: 6_000 };
const NOTHING: TypingState = { throttledUntil: null, shownUntil: null };

describe('decideTyping', () => {
  it.each([
    ['typing, nothing kept: sent, shown until 12:00:06', NOTHING, true, { typing: true, expiresAt: s(6) }, { throttledUntil: s(3), shownUntil: s(6) }],
    [
      'typing 1 s after an event: coalesced',
      { throttledUntil: s(2), shownUntil: s(5) },
      true,
      null,
      { throttledUntil: s(2), shownUntil: s(5) },
    ],
    [
      'typing as the throttle ends (12:00:00 after an event at 11:59:57): sent again',
      { throttledUntil: s(0), shownUntil: s(3) },
      true,
      { typing: true, expiresAt: s(6) },
      { throttledUntil: s(3), shownUntil: s(6) },
    ],
    [
      'typing long after an expired indicator: sent',
      { throttledUntil: s(-20), shownUntil: s(-17) },
      true,
      { typing: true, expiresAt: s(6) },
      { throttledUntil: s(3), shownUntil: s(6) },
    ],
    ['stopped while shown: sent at once, not throttled', { throttledUntil: s(2), shownUntil: s(5) }, false, { typing: false, expiresAt: null }, { throttledUntil: s(2), shownUntil: null }],
    ['stopped again: nothing (never repeated)', { throttledUntil: s(2), shownUntil: null }, false, null, { throttledUntil: s(2), shownUntil: null }],
    ['stopped after the indicator expired: nothing', { throttledUntil: s(-3), shownUntil: s(0) }, false, null, { throttledUntil: null, shownUntil: null }],
    ['stopped with nothing kept: nothing', NOTHING, false, null, NOTHING],
    [
      'typing right after a stop: waits for the throttle',
      { throttledUntil: s(2), shownUntil: null },
      true,
      null,
      { throttledUntil: s(2), shownUntil: null },
    ],
  ] as const)('%s', (_case, state, typing, event, next) => {
    expect(decideTyping(state, typing, NOW, TIMINGS)).toEqual({ event, next });
  });

  it('sends at most one typing event per throttle window however often a player calls, and a stop at most once after it', () => {
    let state = NOTHING;
    const events: { at: number; typing: boolean }[] = [];
    // A call every 100 ms for 10 s, alternating typing and stopped every 250 ms (a hostile client).
    for (let t = 0; t < 10_000; t += 100) {
      const decision = decideTyping(state, Math.floor(t / 250) % 2 === 0, NOW + t, TIMINGS);
      if (decision.event) events.push({ at: t, typing: decision.event.typing });
      state = decision.next;
    }
    const starts = events.filter((e) => e.typing).map((e) => e.at);
    expect(starts.length).toBeGreaterThan(1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(TIMINGS.throttleMs);
    // Events alternate: never two starts or two stops in a row.
    for (let i = 1; i < events.length; i++) expect(events[i]!.typing).not.toBe(events[i - 1]!.typing);
  });
});
