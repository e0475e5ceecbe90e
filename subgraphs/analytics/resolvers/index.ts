import { requireRole } from '../../../platform/auth.js';
import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    eventMetric: (_parent, { name, from, to, interval }, { viewer, metrics }) => {
      // Metrics are for the studio's operators.
      requireRole(viewer, ['ADMIN'], 'read metrics');
      // A client may send `interval: null` explicitly, which skips the SDL default.
      return metrics.eventMetric({ name, from, to, interval: interval ?? 'DAY' });
    },
  },
};
