import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog.js';
import { affectedAchievements, applyToPlayer, indexCatalog, percentOf, type PlayerProjection, type ProgressEntry, type StoredGameEvent } from './evaluate.js';

const achievement = (id: string, rule: object, prerequisites: string[] = []) => ({
  id,
  name: id,
  description: `About ${id}.`,
  category: 'COMBAT',
  rarity: 'COMMON',
  icon: `achievements/${id}`,
  points: 10,
  rewards: [],
  prerequisites,
  rule,
});

const catalog = parseCatalog({
  version: 1,
  eventTypes: ['COMBAT_WON', 'COMBAT_LOST', 'QUEST_COMPLETED'],
  achievements: [
    achievement('first_win', { type: 'count', event: 'COMBAT_WON', target: 1 }),
    achievement('three_wins', { type: 'count', event: 'COMBAT_WON', target: 3 }, ['first_win']),
    achievement('pvp_win', { type: 'count', event: 'COMBAT_WON', filter: { mode: 'pvp' }, target: 1 }),
    achievement('unbeaten', { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 2 }),
    // Completed by a quest, but waits for three_wins.
    achievement('quest_after_wins', { type: 'count', event: 'QUEST_COMPLETED', target: 1 }, ['three_wins']),
    achievement('veteran', { type: 'count', event: 'QUEST_COMPLETED', target: 99 }, ['quest_after_wins']),
  ],
});
const index = indexCatalog(catalog);

let seq = 0;
const event = (type: string, data: Record<string, unknown> = {}, at = '2026-11-28T12:00:00Z'): StoredGameEvent => ({
  id: `e${++seq}`,
  type,
  data,
  occurredAt: new Date(at),
});
const newPlayer = (): PlayerProjection => ({ userId: 'u1', timezone: 'UTC', unlocked: new Set(), progress: new Map() });

describe('indexCatalog / affectedAchievements', () => {
  it('indexes rules by every event type that can change them, in catalog order', () => {
    expect(index.byEventType.get('COMBAT_WON')!.map((a) => a.id)).toEqual(['first_win', 'three_wins', 'pvp_win', 'unbeaten']);
    expect(index.byEventType.get('COMBAT_LOST')!.map((a) => a.id)).toEqual(['unbeaten']);
  });

  it('includes achievements waiting on an affected one, transitively', () => {
    expect([...affectedAchievements(index, ['COMBAT_WON'])].sort()).toEqual(
      ['first_win', 'pvp_win', 'quest_after_wins', 'three_wins', 'unbeaten', 'veteran'].sort(),
    );
    expect([...affectedAchievements(index, ['COMBAT_LOST'])]).toEqual(['unbeaten']);
    expect([...affectedAchievements(index, ['UNKNOWN'])]).toEqual([]);
  });
});

describe('applyToPlayer', () => {
  it('writes a row whose rule state did not change when the catalog moved its target, and unlocks it', () => {
    // level_10 was stored at best level 7 of 10; the catalog now asks for 5. A level-3 event is no
    // new best (the state stays the same object), yet the row is now complete.
    const lowered = indexCatalog(
      parseCatalog({
        version: 2,
        eventTypes: ['LEVEL_UP'],
        achievements: [achievement('level_10', { type: 'threshold', event: 'LEVEL_UP', field: 'level', target: 5 })],
      }),
    );
    const player = newPlayer();
    const state = { kind: 'threshold' as const, best: 7, done: false };
    player.progress.set('level_10', { state, current: 7, target: 10, completed: false });
    const outcome = applyToPlayer(lowered, player, event('LEVEL_UP', { level: 3 }));
    expect(outcome.progressed).toEqual(['level_10']);
    expect(outcome.unlocks.map((u) => u.achievementId)).toEqual(['level_10']);
    expect(player.progress.get('level_10')).toMatchObject({ current: 5, target: 5, completed: true });
  });

  it('advances every rule the event concerns and unlocks completed ones', () => {
    const player = newPlayer();
    const win = event('COMBAT_WON', { mode: 'pvp' });
    const outcome = applyToPlayer(index, player, win);
    expect(outcome.progressed).toEqual(['first_win', 'three_wins', 'pvp_win', 'unbeaten']);
    expect(outcome.unlocks).toEqual([
      { achievementId: 'first_win', eventId: win.id, unlockedAt: win.occurredAt },
      { achievementId: 'pvp_win', eventId: win.id, unlockedAt: win.occurredAt },
    ]);
    expect(player.progress.get('three_wins')).toMatchObject({ current: 1, target: 3, completed: false });
    expect([...player.unlocked]).toEqual(['first_win', 'pvp_win']);
  });

  it('creates no progress for an event a rule filters out', () => {
    const player = newPlayer();
    expect(applyToPlayer(index, player, event('COMBAT_WON', { mode: 'pve' })).progressed).not.toContain('pvp_win');
    expect(player.progress.has('pvp_win')).toBe(false);
  });

  it('stops tracking an unlocked achievement', () => {
    const player = newPlayer();
    applyToPlayer(index, player, event('COMBAT_WON'));
    const before = player.progress.get('first_win');
    expect(applyToPlayer(index, player, event('COMBAT_WON')).progressed).not.toContain('first_win');
    expect(player.progress.get('first_win')).toBe(before);
  });

  it('holds a completed rule until its prerequisites unlock, then unlocks the chain with the releasing event', () => {
    const player = newPlayer();
    const quest = event('QUEST_COMPLETED');
    expect(applyToPlayer(index, player, quest).unlocks).toEqual([]);
    expect(player.progress.get('quest_after_wins')).toMatchObject({ completed: true });
    expect(player.unlocked.has('quest_after_wins')).toBe(false);

    applyToPlayer(index, player, event('COMBAT_WON'));
    applyToPlayer(index, player, event('COMBAT_WON'));
    const third = event('COMBAT_WON');
    const { unlocks } = applyToPlayer(index, player, third);
    expect(unlocks.map((u) => u.achievementId)).toEqual(['three_wins', 'quest_after_wins']);
    expect(unlocks.every((u) => u.eventId === third.id)).toBe(true);
  });

  it('needs the local day only for a rule that applies: a player with an unknown timezone fails only then', () => {
    const lost: PlayerProjection = { ...newPlayer(), timezone: 'Not/AZone', unlocked: new Set(['first_win', 'three_wins', 'pvp_win', 'unbeaten']) };
    // Every COMBAT_WON rule is unlocked: nothing to evaluate, no day needed.
    expect(applyToPlayer(index, lost, event('COMBAT_WON'))).toEqual({ progressed: [], unlocks: [] });
    // A quest rule applies, and the day it needs cannot be computed.
    expect(() => applyToPlayer(index, lost, event('QUEST_COMPLETED'))).toThrow(RangeError);
  });

  it('a break resets a run before it completes', () => {
    const player = newPlayer();
    applyToPlayer(index, player, event('COMBAT_WON', {}, '2026-11-28T10:00:00Z'));
    applyToPlayer(index, player, event('COMBAT_LOST', {}, '2026-11-28T10:01:00Z'));
    expect(player.progress.get('unbeaten')).toMatchObject({ current: 0, completed: false });
    applyToPlayer(index, player, event('COMBAT_WON', {}, '2026-11-28T10:02:00Z'));
    const { unlocks } = applyToPlayer(index, player, event('COMBAT_WON', {}, '2026-11-28T10:03:00Z'));
    expect(unlocks.map((u) => u.achievementId)).toContain('unbeaten');
  });

  it('starts over a state stored for a rule whose type changed', () => {
    const player = newPlayer();
    player.progress.set('three_wins', { state: { kind: 'streak', days: ['2026-11-27'], done: false }, current: 1, target: 3, completed: false });
    applyToPlayer(index, player, event('COMBAT_WON'));
    expect(player.progress.get('three_wins')).toMatchObject({ state: { kind: 'count', total: 1 }, current: 1 });
  });

  it('gives the same result when the projection is stored and reloaded between events (live) as when kept in memory (rebuild)', () => {
    const events = [event('COMBAT_WON'), event('QUEST_COMPLETED'), event('COMBAT_LOST'), event('COMBAT_WON'), event('COMBAT_WON')];
    const rebuild = newPlayer();
    const rebuiltUnlocks = events.flatMap((e) => applyToPlayer(index, rebuild, e).unlocks);

    let stored = { unlocked: [] as string[], progress: '{}' };
    const liveUnlocks = events.flatMap((e) => {
      const player: PlayerProjection = {
        ...newPlayer(),
        unlocked: new Set(stored.unlocked),
        progress: new Map(Object.entries(JSON.parse(stored.progress) as Record<string, ProgressEntry>)),
      };
      const { unlocks } = applyToPlayer(index, player, e);
      stored = { unlocked: [...player.unlocked], progress: JSON.stringify(Object.fromEntries(player.progress)) };
      return unlocks;
    });
    expect(liveUnlocks).toEqual(rebuiltUnlocks);
    expect(JSON.parse(stored.progress)).toEqual(JSON.parse(JSON.stringify(Object.fromEntries(rebuild.progress))));
    // The events share one instant: the two wins after the loss are a run of 2 (applied in order).
    expect(rebuiltUnlocks.map((u) => u.achievementId)).toEqual(['first_win', 'three_wins', 'unbeaten', 'quest_after_wins']);
  });
});

describe('percentOf', () => {
  it.each([
    [0, 10, 0],
    [1, 3, 33.33],
    [10, 10, 100],
    [12, 10, 100],
  ])('%d of %d is %d%%', (current, target, percent) => {
    expect(percentOf(current, target)).toBe(percent);
  });
});
