import { permissionsOf } from '../domain/guild-permissions.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const guildResolvers: Resolvers = {
  Query: {
    guild: async (_parent, { id }, { loaders }) => (await loaders.guildById.load(id)) ?? null,
  },
  Guild: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.guildById.load(id)) ?? null,
    memberCount: (guild, _args, { loaders }) => loaders.guildMemberCount.load(guild.id),
  },
  User: {
    guild: async (user, _args, { loaders }) => (await loaders.membershipByUserId.load(user.id))?.guild ?? null,
    guildRole: async (user, _args, { loaders }) => (await loaders.membershipByUserId.load(user.id))?.role ?? null,
    guildPermissions: async (user, _args, { loaders }) => {
      const membership = await loaders.membershipByUserId.load(user.id);
      return membership ? permissionsOf(membership.role) : null;
    },
  },
};
