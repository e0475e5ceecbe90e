import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { encodeCursor, seqKey } from '../../../platform/pagination.js';
import { DateTime } from '../../../platform/scalars.js';
import { asSeenBy } from '../domain/catalog.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AchievementRow } from '../store/achievements.store.js';
import type { NotificationRow } from '../store/notifications.store.js';
import type { PlayerAchievementRow, UnlockRow } from '../store/progress.store.js';

export const resolvers: Resolvers = {
  DateTime,
  JSONObject: GraphQLJSONObject,
  Query: {
    achievements: (_parent, { category, rarity }, { catalog }) => catalog.list({ category, rarity }),
    achievement: async (_parent, { id }, { loaders }) => (await loaders.achievementById.load(id)) ?? null,
    notifications: (_parent, args, { viewer, notifications }) => notifications.list(viewer, args),
    unreadNotificationCount: (_parent, _args, { viewer, notifications }) => notifications.unreadCount(viewer),
  },
  Mutation: {
    recordGameEvent: async (_parent, { input }, { viewer, gameEvents }) => ({ events: await gameEvents.recordGameEvents(viewer, [input], 'input', () => 'input') }),
    recordGameEvents: async (_parent, { input }, { viewer, gameEvents }) => ({ events: await gameEvents.recordGameEvents(viewer, input.events, 'input.events') }),
    markNotificationsRead: (_parent, { input }, { viewer, notifications }) => notifications.markRead(viewer, input),
  },
  Subscription: {
    achievementUnlocked: {
      subscribe: (_parent, _args, { viewer, progress }) => progress.unlocks(viewer),
      resolve: (event: UnlockRow) => event,
    },
    achievementProgress: {
      subscribe: (_parent, _args, { viewer, progress }) => progress.progress(viewer),
      resolve: (event: PlayerAchievementRow) => event,
    },
    notificationAdded: {
      subscribe: (_parent, { after }, { viewer, notifications }) => notifications.added(viewer, after),
      resolve: (event: NotificationRow) => event,
    },
  },
  Achievement: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.achievementById.load(id)) ?? null,
    name: async (achievement, _args, context, info) => (await seenByViewer(achievement, context, info)).name,
    description: async (achievement, _args, context, info) => (await seenByViewer(achievement, context, info)).description,
    prerequisites: async ({ prerequisites }, _args, { loaders }) => (await loaders.achievementById.loadMany(prerequisites)).filter(isAchievement),
    unlockedBy: async ({ id }, _args, { loaders }) => (await loaders.unlockStatsById.load(id)).unlockedBy,
    unlockPercentage: async ({ id }, _args, { loaders }) => (await loaders.unlockStatsById.load(id)).unlockPercentage,
  },
  PlayerAchievement: {
    id: (row) => row.achievementId,
    achievement: (row, _args, { loaders }) => achievementOf(row.achievementId, loaders),
    status: (row, _args, { progress }) => progress.standing(row).status,
    current: (row, _args, { progress }) => progress.standing(row).current,
    target: (row, _args, { progress }) => progress.standing(row).target,
    percent: (row, _args, { progress }) => progress.standing(row).percent,
  },
  AchievementUnlock: {
    user: ({ userId }) => ({ id: userId }),
    achievement: ({ achievementId }, _args, { loaders }) => achievementOf(achievementId, loaders),
  },
  Notification: {
    achievement: async ({ achievementId }, _args, { loaders }) => (achievementId ? ((await loaders.achievementById.load(achievementId)) ?? null) : null),
    cursor: ({ seq }) => encodeCursor(seqKey(BigInt(seq))),
  },
  User: {
    __resolveReference: ({ id }) => ({ id }),
    achievements: async ({ id }, { status }, { loaders, progress }) => progress.arrange(await loaders.achievementsByUser.load(id), status),
    achievementPoints: ({ id }, _args, { loaders }) => loaders.pointsByUser.load(id),
  },
};

const isAchievement = (value: AchievementRow | undefined | Error): value is AchievementRow => value !== undefined && !(value instanceof Error);

async function achievementOf(achievementId: string, loaders: Context['loaders']): Promise<AchievementRow> {
  const achievement = await loaders.achievementById.load(achievementId);
  // The foreign key makes this unreachable; failing loudly beats a silent null on a non-null field.
  if (!achievement) throw new Error(`Unlock refers to unknown achievement ${achievementId}`);
  return achievement;
}

/**
 * Hidden achievements stay secret unless the viewer unlocked them (their unlocks load once per
 * request). What a hidden one shows depends on the viewer, so the answer is not reusable (cache hint).
 */
async function seenByViewer(achievement: AchievementRow, { viewer, loaders }: Context, info: GraphQLResolveInfo): Promise<AchievementRow> {
  if (achievement.hidden) maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0 });
  if (!achievement.hidden || !viewer.userId) return asSeenBy(achievement, false);
  const unlocks = await loaders.unlocksByUser.load(viewer.userId);
  return asSeenBy(achievement, unlocks.some((unlock) => unlock.achievementId === achievement.id));
}
