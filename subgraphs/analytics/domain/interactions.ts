/**
 * Which ingested events count as a player's interaction with content, and how much. Quests:
 * `QUEST_STARTED` (1) and `QUEST_COMPLETED` (3) with `properties.questId`. Characters:
 * `MATCH_STARTED`, `LEVEL_STARTED`, `QUEST_STARTED` (1) and `MATCH_COMPLETED`, `LEVEL_COMPLETED`,
 * `QUEST_COMPLETED` (2) with `properties.characterId` (the character played). An id is 1–64 of
 * a–z 0–9 _ - (starting with a letter or digit); any other value is no interaction. Ids are stored
 * whether or not the catalog has them (a quest added later keeps its history); training and
 * serving read only the catalog's.
 */
export const QUEST_WEIGHTS: Readonly<Record<string, number>> = { QUEST_STARTED: 1, QUEST_COMPLETED: 3 };
export const CHARACTER_WEIGHTS: Readonly<Record<string, number>> = {
  MATCH_STARTED: 1,
  LEVEL_STARTED: 1,
  QUEST_STARTED: 1,
  MATCH_COMPLETED: 2,
  LEVEL_COMPLETED: 2,
  QUEST_COMPLETED: 2,
};

const CONTENT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The key of a quest or character in the model: `quest:<id>` / `character:<id>`. */
export const questKey = (id: string) => `quest:${id}`;
export const characterKey = (id: string) => `character:${id}`;
export const isQuestKey = (key: string) => key.startsWith('quest:');
export const idOfKey = (key: string) => key.slice(key.indexOf(':') + 1);

export interface Interaction {
  itemKey: string;
  weight: number;
  /** 1 for a completion (QUEST_COMPLETED of that quest, *_COMPLETED with that character). */
  completions: number;
}

/** What one event says about content (nothing for most events). */
export function interactionsOf(eventType: string, properties: Readonly<Record<string, unknown>>): Interaction[] {
  const found: Interaction[] = [];
  const completion = eventType.endsWith('_COMPLETED') ? 1 : 0;
  const questWeight = QUEST_WEIGHTS[eventType];
  if (questWeight !== undefined && typeof properties.questId === 'string' && CONTENT_ID.test(properties.questId)) {
    found.push({ itemKey: questKey(properties.questId), weight: questWeight, completions: completion });
  }
  const characterWeight = CHARACTER_WEIGHTS[eventType];
  if (characterWeight !== undefined && typeof properties.characterId === 'string' && CONTENT_ID.test(properties.characterId)) {
    found.push({ itemKey: characterKey(properties.characterId), weight: characterWeight, completions: completion });
  }
  return found;
}

/** What a run of events adds to each (player, item): summed weights, completions, the latest time. */
export interface PlayerItemDelta {
  userId: string;
  itemKey: string;
  strength: number;
  completions: number;
  lastAt: number;
}

/** Folds events (each new to analytics) into per-(player, item) deltas; order does not matter. */
export function playerItemDeltas(events: readonly { userId: string; eventType: string; occurredAt: number; properties: Readonly<Record<string, unknown>> }[]): PlayerItemDelta[] {
  const deltas = new Map<string, PlayerItemDelta>();
  for (const e of events) {
    for (const i of interactionsOf(e.eventType, e.properties)) {
      const key = `${e.userId}|${i.itemKey}`;
      const d = deltas.get(key);
      if (d) {
        d.strength += i.weight;
        d.completions += i.completions;
        d.lastAt = Math.max(d.lastAt, e.occurredAt);
      } else {
        deltas.set(key, { userId: e.userId, itemKey: i.itemKey, strength: i.weight, completions: i.completions, lastAt: e.occurredAt });
      }
    }
  }
  return [...deltas.values()];
}
