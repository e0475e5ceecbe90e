import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    // A client may send `interval: null` explicitly, which skips the SDL default.
    eventMetric: (_parent, { name, from, to, interval }, { viewer, metrics, loaders }) =>
      metrics.eventMetric(viewer, { name, from, to, interval: interval ?? 'DAY' }, loaders),
  },
};
