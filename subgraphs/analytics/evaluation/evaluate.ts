import type { CatalogCharacter, CatalogQuest } from '../catalog/content.js';
import { contentCatalog } from '../catalog/content.js';
import { characterKey, interactionsOf, playerItemDeltas, questKey } from '../domain/interactions.js';
import { personalize } from '../domain/personalization.js';
import { ItemModelTrainer, rankByPopularity, rankItems, type ItemModel, type TrainingOptions } from '../domain/recommender.js';
import { MeanAt } from './metrics.js';
import { syntheticHistory, type SyntheticEvent } from './synthetic-history.js';

export interface EvaluationOptions {
  seed: number;
  players: number;
  weeks: number;
  /** Share of each player's distinct items held out (the last ones they touched), at least one. */
  holdout: number;
  /** Players who touched fewer items are trained on whole and not evaluated. */
  minItems: number;
  /** When the history ends (ms): fixed, so a seed gives the same figures on every day. */
  end: number;
  quests: readonly CatalogQuest[];
  characters: readonly CatalogCharacter[];
  training?: TrainingOptions;
}

type Figures = { precision: number; recall: number };

export interface Evaluation {
  events: number;
  evaluatedPlayers: number;
  playersWithHeldOutQuest: number;
  playersWithHeldOutCharacter: number;
  model: ItemModel;
  trainMs: number;
  /** Per k (5, 10): the model's ranking, popularity's, what the service serves (rules applied), and a ranker that knew the answer. */
  quests: Record<'model' | 'popularity' | 'served' | 'ceiling', Record<5 | 10, Figures>>;
  /** At k = 3. */
  characters: Record<'model' | 'popularity', Figures>;
}

interface Split {
  training: SyntheticEvent[];
  heldOut: Set<string>;
  cutoff: number;
}

/**
 * The offline evaluation: a synthetic history, each player's last interactions held out, the
 * service's own code (the processors' fold, the trainer, the ranking, `personalize`) on the rest,
 * and precision@k / recall@k of what it recommends against what the player went on to play.
 */
export function evaluate(o: EvaluationOptions): Evaluation {
  const events = syntheticHistory({ seed: o.seed, players: o.players, weeks: o.weeks, end: o.end, quests: o.quests, characters: o.characters });
  const byPlayer = new Map<string, SyntheticEvent[]>();
  for (const e of events) {
    let list = byPlayer.get(e.userId);
    if (!list) byPlayer.set(e.userId, (list = []));
    list.push(e);
  }
  const split = (list: SyntheticEvent[]): Split | null => {
    const firstTouch = new Map<string, number>();
    for (const e of list) for (const i of interactionsOf(e.eventType, e.properties)) if (!firstTouch.has(i.itemKey)) firstTouch.set(i.itemKey, e.occurredAt);
    if (firstTouch.size < o.minItems) return null;
    const ordered = [...firstTouch].sort((a, b) => a[1] - b[1]);
    const keep = ordered.length - Math.max(1, Math.round(ordered.length * o.holdout));
    const cutoff = ordered[keep]![1];
    return { training: list.filter((e) => e.occurredAt < cutoff), heldOut: new Set(ordered.slice(keep).map(([key]) => key)), cutoff };
  };

  const catalog = contentCatalog(o.quests, o.characters);
  const questKeys = o.quests.map((q) => questKey(q.id));
  const characterKeys = o.characters.map((c) => characterKey(c.id));
  const trainer = new ItemModelTrainer([...questKeys, ...characterKeys], o.training);
  const evaluated: { split: Split; items: Map<string, { strength: number; completions: number }>; sessions: number; lastEnded: number | null }[] = [];
  for (const list of byPlayer.values()) {
    const s = split(list);
    const training = s?.training ?? list;
    const items = new Map(playerItemDeltas(training).map((d) => [d.itemKey, { strength: d.strength, completions: d.completions }]));
    trainer.addPlayer([...items].map(([key, v]) => [key, v.strength] as const));
    if (!s) continue;
    const sessions = new Set(training.map((e) => e.sessionId)).size;
    const lastEnded = training.filter((e) => e.eventType === 'SESSION_COMPLETED').at(-1)?.occurredAt ?? null;
    evaluated.push({ split: s, items, sessions, lastEnded });
  }
  const t0 = performance.now();
  const model = trainer.finish();
  const trainMs = performance.now() - t0;

  const at = () => ({ 5: new MeanAt(5), 10: new MeanAt(10) });
  const q = { model: at(), popularity: at(), served: at(), ceiling: at() };
  const c = { model: new MeanAt(3), popularity: new MeanAt(3) };
  for (const { split: s, items, sessions, lastEnded } of evaluated) {
    const strengths = new Map([...items].map(([key, v]) => [key, v.strength]));
    const heldQuests = new Set([...s.heldOut].filter((key) => key.startsWith('quest:')));
    if (heldQuests.size > 0) {
      const ranked = {
        model: rankItems(model, strengths, questKeys).map((r) => r.itemKey),
        popularity: rankByPopularity(model, strengths, questKeys).map((r) => r.itemKey),
        served: personalize({ catalog, model, player: { sessions, lastSessionEndedAt: lastEnded, items }, now: s.cutoff, limits: { quests: 10, characters: 3 } }).quests.map((r) =>
          questKey(r.item.id),
        ),
        ceiling: [...heldQuests],
      };
      for (const name of ['model', 'popularity', 'served', 'ceiling'] as const) for (const k of [5, 10] as const) q[name][k].add(ranked[name], heldQuests);
    }
    const heldCharacters = new Set([...s.heldOut].filter((key) => key.startsWith('character:')));
    if (heldCharacters.size > 0) {
      c.model.add(rankItems(model, strengths, characterKeys).map((r) => r.itemKey), heldCharacters);
      c.popularity.add(rankByPopularity(model, strengths, characterKeys).map((r) => r.itemKey), heldCharacters);
    }
  }
  const both = (m: { 5: MeanAt; 10: MeanAt }) => ({ 5: m[5].result(), 10: m[10].result() });
  return {
    events: events.length,
    evaluatedPlayers: evaluated.length,
    playersWithHeldOutQuest: q.model[5].players,
    playersWithHeldOutCharacter: c.model.players,
    model,
    trainMs,
    quests: { model: both(q.model), popularity: both(q.popularity), served: both(q.served), ceiling: both(q.ceiling) },
    characters: { model: c.model.result(), popularity: c.popularity.result() },
  };
}
