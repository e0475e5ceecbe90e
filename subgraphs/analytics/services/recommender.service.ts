import type { Logger } from 'pino';
import { Poller } from '../../../platform/poller.js';
import type { BackgroundWorker } from '../../../platform/subgraph/serve.js';
import type { ContentCatalog } from '../catalog/content.js';
import { characterKey, questKey } from '../domain/interactions.js';
import { ItemModelTrainer, type TrainingOptions } from '../domain/recommender.js';
import type { PersonalizationStore, StoredModel } from '../store/personalization.store.js';

/** The catalog's item keys, quests then characters: what the model learns and serves. */
export const catalogKeys = (catalog: ContentCatalog) => [...[...catalog.quests.keys()].map(questKey), ...[...catalog.characters.keys()].map(characterKey)];

/** Rows of analytics_player_items read per page while training. */
const TRAINING_PAGE = 5_000;

/**
 * The recommendation model's life: trained from every player's interactions and stored in
 * PostgreSQL (one replica per interval, `train`), served from memory on each replica (`current`),
 * which checks at most every `refreshMs` whether a newer model was stored.
 */
export class RecommenderService {
  private cached: StoredModel | null = null;
  private checkedAt = -Infinity;
  private loading?: Promise<StoredModel | null>;

  constructor(
    private readonly deps: {
      store: PersonalizationStore;
      catalog: ContentCatalog;
      refreshMs: number;
      training?: TrainingOptions;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Trains a model on every player's interactions now, stores it and serves it from here on. */
  async train(): Promise<StoredModel> {
    const { store, catalog, training } = this.deps;
    const keys = catalogKeys(catalog);
    const trainer = new ItemModelTrainer(keys, training);
    await store.forEachPlayer(keys, TRAINING_PAGE, (strengths) => trainer.addPlayer(strengths));
    const stored = await store.saveModel(trainer.finish());
    if (!this.cached || stored.id > this.cached.id) this.cached = stored;
    this.checkedAt = this.now();
    return stored;
  }

  /** The newest stored model (at most `refreshMs` behind another replica's training), or null before any. */
  current(): Promise<StoredModel | null> {
    if (this.now() - this.checkedAt < this.deps.refreshMs) return Promise.resolve(this.cached);
    // One check at a time per replica; concurrent requests share it.
    this.loading ??= this.refresh().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async refresh(): Promise<StoredModel | null> {
    const { store } = this.deps;
    const latest = await store.latestModelId();
    if (latest !== null && latest !== this.cached?.id) {
      const model = await store.latestModel();
      if (model && (!this.cached || model.id > this.cached.id)) this.cached = model;
    }
    this.checkedAt = this.now();
    return this.cached;
  }
}

/**
 * Trains the model at start and then every `intervalMs`, on one replica per interval: each tick
 * asks the schedule row (PersonalizationStore.claimTraining) and trains only when it won the
 * claim. A failed training leaves the previous model serving and is tried at the next interval.
 */
export class RecommenderTrainer implements BackgroundWorker {
  private readonly poller: Poller;

  constructor(
    private readonly deps: { recommender: RecommenderService; store: PersonalizationStore; intervalMs: number; logger: Logger },
  ) {
    this.poller = new Poller({
      work: () => this.tick(),
      intervalMs: Math.min(deps.intervalMs, 60_000),
      onError: (error) => deps.logger.error({ err: error }, 'recommendation model training failed; the previous model keeps serving'),
    });
  }

  start() {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async tick() {
    if (!(await this.deps.store.claimTraining(this.deps.intervalMs))) return;
    const started = Date.now();
    const stored = await this.deps.recommender.train();
    this.deps.logger.info(
      { modelId: stored.id, players: stored.model.players, interactions: stored.model.interactions, ms: Date.now() - started },
      'recommendation model trained',
    );
  }
}
