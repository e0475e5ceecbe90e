import { timeIdPageRequest, toConnection } from '../../../platform/pagination.js';
import type { Context } from '../context.js';
import { xpForNextLevel } from '../domain/guild-levels.js';
import { permissionsOf } from '../domain/guild-permissions.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { guildMemberKey, type GuildNotificationRow } from '../store/guilds.store.js';
import { forgetReads } from '../store/loaders.js';

export const guildResolvers: Resolvers = {
  Query: {
    guild: async (_parent, { id }, { loaders }) => (await loaders.guildById.load(id)) ?? null,
    searchGuilds: (_parent, args, { guilds }) => guilds.searchGuilds(args),
    guildByTag: async (_parent, { tag }, { loaders }) => (await loaders.guildByTag.load(tag)) ?? null,
  },
  Mutation: {
    createGuild: async (_parent, { input }, { viewer, guilds }) => ({ guild: await guilds.createGuild(viewer, input) }),
    joinGuild: (_parent, { input }, { viewer, guilds }) => guilds.joinGuild(viewer, input.guildId),
    approveGuildJoinRequest: (_parent, { input }, { viewer, guilds }) => guilds.approveJoinRequest(viewer, input.requestId),
    rejectGuildJoinRequest: (_parent, { input }, { viewer, guilds }) => guilds.rejectJoinRequest(viewer, input.requestId),
    cancelGuildJoinRequest: (_parent, { input }, { viewer, guilds }) => guilds.cancelJoinRequest(viewer, input.requestId),
    leaveGuild: (_parent, _args, { viewer, guilds }) => guilds.leaveGuild(viewer),
    kickGuildMember: (_parent, { input }, { viewer, guilds }) => guilds.kickMember(viewer, input.userId),
    promoteGuildMember: (_parent, { input }, { viewer, guilds }) => guilds.changeRank(viewer, input.userId, 'up'),
    demoteGuildMember: (_parent, { input }, { viewer, guilds }) => guilds.changeRank(viewer, input.userId, 'down'),
    contributeToGuild: async (_parent, { input }, { viewer, guilds }) => ({ guild: await guilds.contributeToGuild(viewer, input) }),
    updateGuildSettings: async (_parent, { input }, { viewer, guilds }) => ({ guild: await guilds.updateSettings(viewer, input) }),
    disbandGuild: (_parent, _args, { viewer, guilds }) => guilds.disband(viewer),
    inviteToGuild: async (_parent, { input }, { viewer, guilds }) => ({ invitation: (await guilds.invite(viewer, input.userId)).invitation }),
    acceptGuildInvitation: (_parent, { input }, { viewer, guilds }) => guilds.acceptInvitation(viewer, input.invitationId),
    declineGuildInvitation: (_parent, { input }, { viewer, guilds }) => guilds.declineInvitation(viewer, input.invitationId),
    transferGuildMastership: (_parent, { input }, { viewer, guilds }) => guilds.transferMastership(viewer, input.userId),
  },
  Subscription: {
    guildUpdated: {
      subscribe: (_parent, { guildId }, { guilds }) => guilds.liveGuild(guildId),
      // Read as it is now (the subscription's loaders would keep the first event's reads).
      resolve: (event: { id: string }, _args: unknown, { guilds, loaders }: Context) => {
        forgetReads(loaders);
        return guilds.guildNow(event.id);
      },
    },
    guildNotificationReceived: {
      subscribe: (_parent, _args, { viewer, guilds }) => guilds.liveNotifications(viewer),
      resolve: (notice: GuildNotificationRow) => ({ ...notice, createdAt: new Date(notice.createdAt) }),
    },
  },
  Guild: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.guildById.load(id)) ?? null,
    xpForNextLevel: (guild) => xpForNextLevel(guild.level),
    members: async (guild, { first, after, rank }, { loaders }) => {
      const request = timeIdPageRequest({ first, after });
      return toConnection(await loaders.guildMemberPage.load({ guildId: guild.id, rank: rank ?? null, request, version: guild.version }), request, guildMemberKey);
    },
    joinRequests: (guild, args, { viewer, guilds, loaders }) => guilds.joinRequests(viewer, guild, args, (userId) => loaders.membershipByUserId.load(userId)),
  },
  GuildMember: {
    user: (member) => ({ id: member.userId }),
    permissions: (member) => permissionsOf(member.role),
  },
  GuildJoinRequest: {
    guild: async (request, _args, { loaders }) => (await loaders.guildById.load(request.guildId))!,
    user: (request) => ({ id: request.userId }),
  },
  GuildInvitation: {
    guild: async (invitation, _args, { loaders }) => (await loaders.guildById.load(invitation.guildId))!,
    user: (invitation) => ({ id: invitation.userId }),
    invitedBy: (invitation) => ({ id: invitation.invitedBy }),
  },
  GuildNotification: {
    subject: (notice) => ({ id: notice.subjectId }),
  },
  User: {
    guild: async (user, _args, { loaders }) => (await loaders.membershipByUserId.load(user.id))?.guild ?? null,
    guildRole: async (user, _args, { loaders }) => (await loaders.membershipByUserId.load(user.id))?.role ?? null,
    guildPermissions: async (user, _args, { loaders }) => {
      const membership = await loaders.membershipByUserId.load(user.id);
      return membership ? permissionsOf(membership.role) : null;
    },
    guildNotifications: (user, args, { viewer, guilds }) => guilds.notifications(viewer, user.id, args),
  },
};
