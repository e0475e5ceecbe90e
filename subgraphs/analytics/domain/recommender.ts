/**
 * Item-based collaborative filtering (Sarwar et al. 2001; Deshpande & Karypis 2004): two items are
 * similar when the same players engage with both. A player's engagement with an item is
 * log(1 + strength) (strength: the summed interaction weights, domain/interactions.ts), so a quest
 * replayed fifty times does not drown everything else. Similarity is the cosine of two items'
 * engagement vectors over players, shrunk by n / (n + SHRINKAGE) where n is the number of players
 * who engaged with both (pairs seen by few players count less). Each item keeps its
 * `neighbors` most similar items; a player's score for an item is the sum, over the items they
 * engaged with, of similarity × their engagement. Items nobody similar points to fall back to
 * popularity: how many players engaged with them.
 */
export interface Neighbor {
  itemKey: string;
  similarity: number;
}

export interface ItemModel {
  /** Per item, its most similar items, most similar first. */
  neighbors: ReadonlyMap<string, readonly Neighbor[]>;
  /** Players who engaged with each item. */
  popularity: ReadonlyMap<string, number>;
  /** Players the model was trained on (with at least one catalog item). */
  players: number;
  /** (player, item) pairs it was trained on. */
  interactions: number;
}

export interface TrainingOptions {
  /** Neighbors kept per item (default 20). */
  neighbors?: number;
  /** Shrinkage of similarities seen by few players (default 5). */
  shrinkage?: number;
}

export const DEFAULT_TRAINING: Required<TrainingOptions> = { neighbors: 20, shrinkage: 5 };

export const engagement = (strength: number) => Math.log1p(Math.max(0, strength));

/**
 * Trains a model one player at a time (the store streams them from PostgreSQL in pages): memory
 * grows with the catalog (items²), not with players. Items outside `items` are ignored.
 */
export class ItemModelTrainer {
  private readonly index: Map<string, number>;
  private readonly dot: Float64Array;
  private readonly together: Uint32Array;
  private readonly norm: Float64Array;
  private readonly count: Uint32Array;
  private players = 0;
  private interactions = 0;

  constructor(
    private readonly items: readonly string[],
    private readonly options: TrainingOptions = {},
  ) {
    this.index = new Map(items.map((key, i) => [key, i]));
    const n = items.length;
    this.dot = new Float64Array(n * n);
    this.together = new Uint32Array(n * n);
    this.norm = new Float64Array(n);
    this.count = new Uint32Array(n);
  }

  /** One player's strengths by item key. */
  addPlayer(strengths: Iterable<readonly [string, number]>) {
    const n = this.items.length;
    const seen: { i: number; w: number }[] = [];
    for (const [key, strength] of strengths) {
      const i = this.index.get(key);
      const w = engagement(strength);
      if (i === undefined || w <= 0) continue;
      seen.push({ i, w });
    }
    if (seen.length === 0) return;
    this.players++;
    this.interactions += seen.length;
    for (let a = 0; a < seen.length; a++) {
      const { i, w } = seen[a]!;
      this.norm[i]! += w * w;
      this.count[i]!++;
      for (let b = a + 1; b < seen.length; b++) {
        const { i: j, w: v } = seen[b]!;
        this.dot[i * n + j]! += w * v;
        this.dot[j * n + i]! += w * v;
        this.together[i * n + j]!++;
        this.together[j * n + i]!++;
      }
    }
  }

  finish(): ItemModel {
    const { neighbors: keep, shrinkage } = { ...DEFAULT_TRAINING, ...this.options };
    const n = this.items.length;
    const neighbors = new Map<string, Neighbor[]>();
    const popularity = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (this.count[i]! > 0) popularity.set(this.items[i]!, this.count[i]!);
      const list: Neighbor[] = [];
      for (let j = 0; j < n; j++) {
        const co = this.together[i * n + j]!;
        if (i === j || co === 0) continue;
        const cosine = this.dot[i * n + j]! / Math.sqrt(this.norm[i]! * this.norm[j]!);
        list.push({ itemKey: this.items[j]!, similarity: cosine * (co / (co + shrinkage)) });
      }
      list.sort((a, b) => b.similarity - a.similarity || (a.itemKey < b.itemKey ? -1 : 1));
      if (list.length > 0) neighbors.set(this.items[i]!, list.slice(0, keep));
    }
    return { neighbors, popularity, players: this.players, interactions: this.interactions };
  }
}

/** Trains on every player at once (tests, the offline evaluation). */
export function trainItemModel(items: readonly string[], players: Iterable<Iterable<readonly [string, number]>>, options?: TrainingOptions): ItemModel {
  const trainer = new ItemModelTrainer(items, options);
  for (const player of players) trainer.addPlayer(player);
  return trainer.finish();
}

/** Why an item is recommended: similar to what the player played, or popular with everyone. */
export type RecommendationBasis = 'COLLABORATIVE' | 'POPULARITY';

export interface ScoredItem {
  itemKey: string;
  /** Collaborative: the summed similarity × engagement; popularity: the share of players who engaged (0–1). */
  score: number;
  basis: RecommendationBasis;
}

/**
 * Ranks `candidates` the player has not engaged with: first those the model scores from the
 * player's own items (highest first), then the rest by popularity (most players first), then in
 * the order given. A player with no history (cold start) gets the popularity ranking alone.
 */
export function rankItems(model: ItemModel | null, strengths: ReadonlyMap<string, number>, candidates: readonly string[]): ScoredItem[] {
  const scores = new Map<string, number>();
  if (model) {
    for (const [key, strength] of strengths) {
      const w = engagement(strength);
      if (w <= 0) continue;
      for (const neighbor of model.neighbors.get(key) ?? []) {
        if (neighbor.similarity > 0) scores.set(neighbor.itemKey, (scores.get(neighbor.itemKey) ?? 0) + neighbor.similarity * w);
      }
    }
  }
  const order = new Map(candidates.map((key, i) => [key, i]));
  const popular = (key: string) => model?.popularity.get(key) ?? 0;
  const players = Math.max(1, model?.players ?? 0);
  return candidates
    .filter((key) => !strengths.has(key))
    .map((key): ScoredItem => {
      const score = scores.get(key);
      return score !== undefined ? { itemKey: key, score, basis: 'COLLABORATIVE' } : { itemKey: key, score: popular(key) / players, basis: 'POPULARITY' };
    })
    .sort((a, b) => {
      if (a.basis !== b.basis) return a.basis === 'COLLABORATIVE' ? -1 : 1;
      return b.score - a.score || order.get(a.itemKey)! - order.get(b.itemKey)!;
    });
}

/** The popularity baseline: candidates by how many players engaged with them, skipping the player's own. */
export function rankByPopularity(model: ItemModel | null, strengths: ReadonlyMap<string, number>, candidates: readonly string[]): ScoredItem[] {
  return rankItems(model ? { ...model, neighbors: new Map() } : null, strengths, candidates);
}
