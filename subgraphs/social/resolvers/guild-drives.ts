import { topListSize } from '../domain/guilds.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const guildDriveResolvers: Resolvers = {
  Mutation: {
    startContributionDrive: async (_parent, { input }, { viewer, guildDrives }) => ({ drive: await guildDrives.startDrive(viewer, input) }),
  },
  Guild: {
    activeDrive: async (guild, _args, { loaders }) => (await loaders.activeDrive.load(guild.id)) ?? null,
    drives: (guild, _args, { loaders }) => loaders.recentDrives.load(guild.id),
  },
  ContributionDrive: {
    guild: async (drive, _args, { loaders }) => (await loaders.guildById.load(drive.guildId)) ?? null,
    startedBy: (drive) => ({ id: drive.startedBy }),
    topContributors: async (drive, { first }, { loaders }) =>
      (await loaders.driveTopContributors.load({ driveId: drive.id, take: topListSize(first) })).map((c) => ({ user: { id: c.userId }, coins: c.coins })),
  },
};
