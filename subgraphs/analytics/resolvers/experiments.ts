import type { MutationResolvers, QueryResolvers, Resolvers } from '../generated/resolvers-types.js';

export const experimentQueries: Pick<QueryResolvers, 'experimentVariant' | 'experiment' | 'experimentResults'> = {
  experimentVariant: (_parent, { key }, { viewer, experiments }) => experiments.variant(viewer, key),
  experiment: (_parent, { key }, { viewer, experiments }) => experiments.experiment(viewer, key),
  experimentResults: (_parent, { key, goal }, { viewer, experiments }) => experiments.results(viewer, key, goal),
};

export const experimentMutations: Pick<MutationResolvers, 'defineExperiment' | 'recordConversion'> = {
  defineExperiment: (_parent, { input }, { viewer, experiments }) =>
    experiments.define(viewer, {
      key: input.key,
      description: input.description ?? '',
      variants: input.variants.map((v) => ({ key: v.key, weight: v.weight, featureFlags: (v.featureFlags as Record<string, unknown> | null) ?? {} })),
      goals: input.goals,
      targeting: input.targeting ?? {},
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      status: input.status ?? 'DRAFT',
    }),
  recordConversion: (_parent, { input }, { viewer, experiments }) => experiments.convert(viewer, input),
};

export const experimentTypes = {
  Experiment: {
    // The first variant is the control: ExperimentVariant.isControl reads its position.
    variants: (experiment) => experiment.variants.map((v, i) => ({ ...v, isControl: i === 0 })),
  },
  ExperimentVariant: {
    isControl: (variant) => (variant as { isControl?: boolean }).isControl === true,
  },
} satisfies Pick<Resolvers, 'Experiment' | 'ExperimentVariant'>;
