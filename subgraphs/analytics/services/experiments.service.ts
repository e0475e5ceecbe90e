import { LRUCache } from 'lru-cache';
import { requireScope, type Viewer } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../platform/errors.js';
import {
  assertRedefinable,
  evaluate,
  EXPERIMENT_KEY,
  experimentResults,
  needsProfile,
  sameDefinition,
  SIGNIFICANCE_LEVEL,
  validateExperiment,
  type AssignmentReason,
  type ExperimentDefinition,
  type VariantResult,
} from '../domain/experiments.js';
import type { ExperimentRow, ExperimentsStore } from '../store/experiments.store.js';
import type { Admins } from './admins.js';

export interface ExperimentAssignment {
  experimentKey: string;
  variant: string | null;
  featureFlags: Record<string, unknown> | null;
  reason: AssignmentReason;
}

export type ConversionOutcome = 'COUNTED' | 'ALREADY_COUNTED' | 'NOT_EXPOSED' | 'EXPERIMENT_ENDED';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A/B experiments: admins define them and read results; players get their variant; conversions are counted once. */
export class ExperimentsService {
  /** Definitions by key, reused for `cacheMs` by `experimentVariant` (null: no such key). */
  private readonly definitions = new Map<string, { at: number; row: Promise<ExperimentRow | null> }>();
  /** (experiment, player) pairs whose exposure is stored: it never changes, so it is written once per replica. */
  private readonly exposed = new LRUCache<string, true>({ max: 200_000 });

  constructor(
    private readonly deps: { store: ExperimentsStore; prisma: PrismaClient; admins: Admins; cacheMs: number; now?: () => number },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  async define(viewer: Viewer, input: ExperimentDefinition): Promise<{ experiment: ExperimentRow; created: boolean }> {
    await this.deps.admins.require(viewer, 'define experiments');
    const next = validateExperiment(input);
    const { store } = this.deps;
    const now = new Date(this.now());
    const result = await this.deps.prisma.$transaction(async (tx) => {
      if (await store.create(next, now, tx)) return { experiment: (await store.find(next.key, tx))!, created: true };
      await store.lock(next.key, tx);
      const current = (await store.find(next.key, tx))!;
      if (sameDefinition(current, next)) return { experiment: current, created: false };
      assertRedefinable(current, next, await store.hasExposures(next.key, tx));
      return { experiment: await store.update(next, now, tx), created: false };
    });
    this.definitions.delete(next.key);
    return result;
  }

  async experiment(viewer: Viewer, key: string): Promise<ExperimentRow | null> {
    await this.deps.admins.require(viewer, 'read experiments');
    return this.deps.store.find(key);
  }

  /** The signed-in player's variant; records their exposure once when they are in. */
  async variant(viewer: Viewer, key: string): Promise<ExperimentAssignment> {
    if (viewer.kind === 'service') throw new ForbiddenError('experimentVariant is for players: a service token has no variant.');
    if (!viewer.userId) throw new UnauthenticatedError('Sign in to get your experiment variants.');
    const userId = viewer.userId.toLowerCase();
    const experiment = EXPERIMENT_KEY.test(key) ? await this.definition(key) : null;
    if (!experiment) throw new NotFoundError('Experiment', key);
    const profile = needsProfile(experiment.targeting) && experiment.status === 'RUNNING' ? await this.deps.store.profile(userId) : null;
    const assignment = evaluate(experiment, userId, profile, this.now());
    if (assignment.reason !== 'ASSIGNED') return { experimentKey: key, variant: null, featureFlags: null, reason: assignment.reason };
    const memo = `${key}|${userId}`;
    if (!this.exposed.has(memo)) {
      await this.deps.store.expose(key, userId, assignment.variant.key);
      this.exposed.set(memo, true);
    }
    return { experimentKey: key, variant: assignment.variant.key, featureFlags: assignment.variant.featureFlags, reason: 'ASSIGNED' };
  }

  /** A player reached a goal: counted once per player, experiment and goal, for the variant they were exposed to. */
  async convert(viewer: Viewer, input: { experimentKey: string; goal: string; userId?: string | null }): Promise<{ outcome: ConversionOutcome; variant: string | null }> {
    const userId = converterOf(viewer, input.userId);
    const experiment = await this.deps.store.find(input.experimentKey);
    if (!experiment) throw new NotFoundError('Experiment', input.experimentKey);
    if (!experiment.goals.includes(input.goal)) {
      throw new BadUserInputError(`Experiment ${experiment.key} has no goal ${JSON.stringify(input.goal)} (${experiment.goals.join(', ')}).`, 'goal');
    }
    const exposure = await this.deps.store.exposureOf(experiment.key, userId);
    if (!exposure) return { outcome: 'NOT_EXPOSED', variant: null };
    if (experiment.status === 'COMPLETED' || this.now() >= experiment.endsAt.getTime()) return { outcome: 'EXPERIMENT_ENDED', variant: exposure.variant };
    const counted = await this.deps.store.convert(experiment.key, input.goal, userId, exposure.variant);
    return { outcome: counted ? 'COUNTED' : 'ALREADY_COUNTED', variant: exposure.variant };
  }

  async results(
    viewer: Viewer,
    key: string,
    goal: string | null | undefined,
  ): Promise<{ experiment: ExperimentRow; goal: string; confidenceLevel: number; significanceLevel: number; variants: VariantResult[] }> {
    await this.deps.admins.require(viewer, 'read experiment results');
    const experiment = await this.deps.store.find(key);
    if (!experiment) throw new NotFoundError('Experiment', key);
    const measured = goal ?? experiment.goals[0]!;
    if (!experiment.goals.includes(measured)) throw new BadUserInputError(`Experiment ${key} has no goal ${JSON.stringify(measured)} (${experiment.goals.join(', ')}).`, 'goal');
    const counts = await this.deps.store.counts(key, measured);
    return {
      experiment,
      goal: measured,
      confidenceLevel: 0.95,
      significanceLevel: SIGNIFICANCE_LEVEL,
      variants: experimentResults(
        experiment.variants.map((v) => v.key),
        counts,
      ),
    };
  }

  private definition(key: string): Promise<ExperimentRow | null> {
    const now = this.now();
    const cached = this.definitions.get(key);
    if (cached && now - cached.at < this.deps.cacheMs) return cached.row;
    const row = this.deps.store.find(key);
    if (this.definitions.size > 10_000) this.definitions.clear();
    this.definitions.set(key, { at: now, row });
    row.catch(() => this.definitions.delete(key));
    return row;
  }
}

/** Who converts: a player themselves, or the player a game server (REPORT_GAME_EVENTS) names. */
function converterOf(viewer: Viewer, userId: string | null | undefined): string {
  if (viewer.kind === 'service') {
    requireScope(viewer, 'REPORT_GAME_EVENTS');
    if (!userId) throw new BadUserInputError('A game server must say whose conversion it is (userId).', 'userId');
    if (!UUID.test(userId)) throw new BadUserInputError('userId must be a player id.', 'userId');
    return userId.toLowerCase();
  }
  if (!viewer.userId) throw new UnauthenticatedError('Sign in to record conversions.');
  if (userId && userId.toLowerCase() !== viewer.userId.toLowerCase()) throw new ForbiddenError('A player records only their own conversions.');
  return viewer.userId.toLowerCase();
}
