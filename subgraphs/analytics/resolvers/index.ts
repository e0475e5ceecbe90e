import { Repeater } from '@repeaterjs/repeater';
import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DomainError, toGraphQLError } from '../../../platform/errors.js';
import type { RealtimeMetricsModel } from '../services/dashboard.service.js';
import { customEventMutations, customEventQueries } from './custom-events.js';
import { experimentMutations, experimentQueries, experimentTypes } from './experiments.js';

/**
 * Free-form JSON, checked per event by the domain (domain/tracked-events.ts). Parsed into an
 * `EventData` box so the platform's argument-wide text policy passes it by: a bad string in one
 * event's properties rejects that event, not the whole batch.
 */
export class EventDataValue {
  constructor(readonly value: unknown) {}
}

const EventData = new GraphQLScalarType({
  name: 'EventData',
  description: 'Free-form JSON carried by an analytics event.',
  serialize: (value) => (value instanceof EventDataValue ? value.value : value),
  parseValue: (value) => new EventDataValue(value),
  parseLiteral: (ast, variables) => new EventDataValue(valueFromASTUntyped(ast, variables)),
});

const unbox = (value: unknown) => (value instanceof EventDataValue ? value.value : value);

export const resolvers: Resolvers = {
  DateTime,
  EventData,
  JSONObject: GraphQLJSONObject,
  ...experimentTypes,
  Query: {
    ...experimentQueries,
    ...customEventQueries,
    // A client may send `interval: null` explicitly, which skips the SDL default.
    eventMetric: (_parent, { name, from, to, interval }, { viewer, metrics, loaders }) =>
      metrics.eventMetric(viewer, { name, from, to, interval: interval ?? 'DAY' }, loaders),
    realtimeMetrics: (_parent, _args, { viewer, dashboard }) => dashboard.realtimeMetrics(viewer),
    retentionCohorts: (_parent, { from, to }, { viewer, dashboard }) => dashboard.retentionCohorts(viewer, { from, to }),
    dailyActivity: (_parent, { from, to }, { viewer, dashboard }) => dashboard.dailyActivity(viewer, { from, to }),
    playerMetrics: (_parent, { userId }, { viewer, dashboard, loaders }) => dashboard.playerMetrics(viewer, userId, loaders),
    personalizedExperience: (_parent, args, { viewer, personalization, playerFacts }) => personalization.experience(viewer, args, playerFacts),
  },
  Mutation: {
    ...experimentMutations,
    ...customEventMutations,
    trackEvents: (_parent, { input }, { viewer, ingestion }) =>
      ingestion.track(
        viewer,
        input.events.map((e) => ({ ...e, properties: unbox(e.properties), context: unbox(e.context) })),
      ),
  },
  RealtimeMetrics: {
    // Read only when selected: they cost the dashboard's heavier queries.
    growth: (metrics) => metrics.growth(),
    engagementScore: (metrics) => metrics.engagementScore(),
    retention: (metrics) => metrics.retention(),
  },
  Subscription: {
    realtimeMetricsUpdated: {
      // The figures at once, then at each slide of the window; the viewer is checked as ADMIN
      // before each update, so an admin demoted meanwhile gets FORBIDDEN and the stream ends.
      subscribe: async (_parent, _args, { viewer, dashboard, dashboardSlideMs }) => {
        const first = await dashboard.realtimeMetrics(viewer);
        return new Repeater<RealtimeMetricsModel>(async (push, stop) => {
          await push(first);
          const timer = setInterval(() => {
            dashboard.realtimeMetrics(viewer, true).then(push, (error: unknown) => stop(error instanceof DomainError ? toGraphQLError(error) : error));
          }, dashboardSlideMs);
          await stop;
          clearInterval(timer);
        });
      },
      resolve: (metrics: RealtimeMetricsModel) => metrics,
    },
  },
};
