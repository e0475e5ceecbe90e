import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';

export const customEventQueries: Pick<QueryResolvers, 'customEventCounts'> = {
  customEventCounts: (_parent, { name, from, to }, { viewer, customEvents }) => customEvents.counts(viewer, { name, from, to }),
};

export const customEventMutations: Pick<MutationResolvers, 'trackCustomEvent'> = {
  trackCustomEvent: (_parent, { input }, { viewer, customEvents }) =>
    customEvents.track(viewer, { ...input, properties: input.properties ?? null }),
};
