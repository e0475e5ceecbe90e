import { requireUser, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError } from '../../../platform/errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { DateTime } from './date-time.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    eventMetric: (_parent, { name, from, to, interval }, { viewer, metrics }) => {
      requireAdmin(viewer);
      // The DateTime scalar has already turned both into Dates.
      return metrics.eventMetric({ name, from: from as Date, to: to as Date, interval });
    },
  },
};

/** Metrics are for the studio's operators: anonymous → UNAUTHENTICATED, other roles → FORBIDDEN. */
function requireAdmin(viewer: Viewer): void {
  requireUser(viewer);
  if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only administrators can read metrics.');
}
