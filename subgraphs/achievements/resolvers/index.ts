import { DateTime } from '../../../platform/scalars.js';
import { asSeenBy } from '../domain/catalog.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AchievementRow } from '../store/achievements.store.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    achievements: (_parent, { category, rarity }, { catalog }) => catalog.list({ category, rarity }),
    achievement: async (_parent, { id }, { loaders }) => (await loaders.achievementById.load(id)) ?? null,
  },
  Achievement: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.achievementById.load(id)) ?? null,
    name: async (achievement, _args, context) => (await seenByViewer(achievement, context)).name,
    description: async (achievement, _args, context) => (await seenByViewer(achievement, context)).description,
  },
  PlayerAchievement: {
    id: (unlock) => unlock.achievementId,
    achievement: async ({ achievementId }, _args, { loaders }) => {
      const achievement = await loaders.achievementById.load(achievementId);
      // The foreign key makes this unreachable; failing loudly beats a silent null on a non-null field.
      if (!achievement) throw new Error(`Unlock refers to unknown achievement ${achievementId}`);
      return achievement;
    },
  },
  User: {
    __resolveReference: ({ id }) => ({ id }),
    achievements: ({ id }, _args, { loaders }) => loaders.unlocksByUser.load(id),
    achievementPoints: ({ id }, _args, { loaders }) => loaders.pointsByUser.load(id),
  },
};

/** Hidden achievements stay secret unless the viewer unlocked them (their unlocks load once per request). */
async function seenByViewer(achievement: AchievementRow, { viewer, loaders }: Context): Promise<AchievementRow> {
  if (!achievement.hidden || !viewer.userId) return asSeenBy(achievement, false);
  const unlocks = await loaders.unlocksByUser.load(viewer.userId);
  return asSeenBy(achievement, unlocks.some((unlock) => unlock.achievementId === achievement.id));
}
