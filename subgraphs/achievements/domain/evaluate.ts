import type { AchievementDefinition, Catalog } from './catalog.js';
import { applyEvent, initialState, localDay, ruleEventTypes, type GameEvent, type RuleContext, type RuleState } from './rules.js';

/**
 * How one event moves one player's achievements: the rules it concerns fold it into their
 * progress, completed rules unlock once their prerequisites are unlocked, and an unlock lets
 * completed dependents unlock in turn. No I/O: the live path and the rebuild both call
 * `applyToPlayer`, which is what makes a rebuild reproduce the live result.
 */

/** The catalog arranged for evaluation. */
export interface CatalogIndex {
  version: number;
  byId: ReadonlyMap<string, AchievementDefinition>;
  /** Achievements whose rule an event of the type can change, in catalog order. */
  byEventType: ReadonlyMap<string, readonly AchievementDefinition[]>;
  /** Achievements that list the key as a prerequisite, in catalog order. */
  dependents: ReadonlyMap<string, readonly AchievementDefinition[]>;
  eventTypes: ReadonlySet<string>;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const byEventType = new Map<string, AchievementDefinition[]>();
  const dependents = new Map<string, AchievementDefinition[]>();
  for (const definition of catalog.achievements) {
    for (const type of ruleEventTypes(definition.rule)) byEventType.set(type, [...(byEventType.get(type) ?? []), definition]);
    for (const prerequisite of definition.prerequisites) dependents.set(prerequisite, [...(dependents.get(prerequisite) ?? []), definition]);
  }
  return {
    version: catalog.version,
    byId: new Map(catalog.achievements.map((a) => [a.id, a])),
    byEventType,
    dependents,
    eventTypes: new Set(catalog.eventTypes),
  };
}

/**
 * The achievements whose progress rows events of these types may read: their rules, and every
 * achievement that waits on one of those (transitively), since an unlock can release them.
 */
export function affectedAchievements(index: CatalogIndex, eventTypes: Iterable<string>): Set<string> {
  const affected = new Set<string>();
  const visit = (definition: AchievementDefinition) => {
    if (affected.has(definition.id)) return;
    affected.add(definition.id);
    for (const dependent of index.dependents.get(definition.id) ?? []) visit(dependent);
  };
  for (const type of eventTypes) for (const definition of index.byEventType.get(type) ?? []) visit(definition);
  return affected;
}

/** One rule's stored progress for one player. */
export interface ProgressEntry {
  state: RuleState;
  current: number;
  target: number;
  /** The rule is satisfied; the unlock may still wait for prerequisites. */
  completed: boolean;
}

/**
 * What evaluation needs to know about a player. `progress` holds at least the rows of
 * `affectedAchievements` for the events applied; `applyToPlayer` updates it in place.
 */
export interface PlayerProjection {
  userId: string;
  timezone: string;
  unlocked: Set<string>;
  progress: Map<string, ProgressEntry>;
}

export interface StoredGameEvent extends GameEvent {
  id: string;
}

export interface Unlock {
  achievementId: string;
  /** The event that completed it (or that unlocked the last prerequisite). */
  eventId: string;
  /** When that event happened: the same in the live path and in a rebuild. */
  unlockedAt: Date;
}

export interface EventOutcome {
  /** Achievements whose progress changed, in catalog order. */
  progressed: string[];
  /** Achievements unlocked by this event, prerequisites before dependents. */
  unlocks: Unlock[];
}

/** Applies one event to the player's projection (in place) and reports what changed. */
export function applyToPlayer(index: CatalogIndex, player: PlayerProjection, event: StoredGameEvent): EventOutcome {
  const progressed: string[] = [];
  const completed: AchievementDefinition[] = [];
  // The event's local day, computed once for all its rules, and only when a rule asks for it
  // (as before: a rule that is done or does not match never needs it, even with a bad timezone).
  let day: string | undefined;
  const context: RuleContext = {
    timezone: player.timezone,
    get day() {
      return (day ??= localDay(event.occurredAt, player.timezone));
    },
  };
  for (const definition of index.byEventType.get(event.type) ?? []) {
    // An unlock is forever: nothing to track after it.
    if (player.unlocked.has(definition.id)) continue;
    const stored = player.progress.get(definition.id);
    // A rule whose type changed since the state was stored starts over here; the rebuild
    // command recomputes it from the whole event log.
    const state = stored && stored.state.kind === definition.rule.type ? stored.state : initialState(definition.rule);
    const progress = applyEvent(definition.rule, state, event, context);
    // Unchanged, unless the catalog moved the target since the row was written (a target lowered
    // under the state completes it: applyEvent then returns a new, done state).
    if (progress.state === state && stored?.state === state && stored.target === progress.target) continue;
    // An event the rule ignores (a filter, a window) creates no row.
    if (progress.state === state && !stored) continue;
    player.progress.set(definition.id, { state: progress.state, current: progress.current, target: progress.target, completed: progress.completed });
    progressed.push(definition.id);
    if (progress.completed) completed.push(definition);
  }

  const unlocks: Unlock[] = [];
  const queue = [...completed];
  while (queue.length > 0) {
    const definition = queue.shift()!;
    if (player.unlocked.has(definition.id)) continue;
    if (!definition.prerequisites.every((id) => player.unlocked.has(id))) continue;
    player.unlocked.add(definition.id);
    unlocks.push({ achievementId: definition.id, eventId: event.id, unlockedAt: event.occurredAt });
    for (const dependent of index.dependents.get(definition.id) ?? []) {
      if (player.progress.get(dependent.id)?.completed) queue.push(dependent);
    }
  }
  return { progressed, unlocks };
}

/** `current` of `target` as a percentage, 0–100, with two decimals at most. */
export const percentOf = (current: number, target: number): number =>
  target <= 0 ? 100 : Math.min(100, Math.round((current / target) * 10_000) / 100);
