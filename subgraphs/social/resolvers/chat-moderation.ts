import { NotFoundError } from '../../../platform/errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const chatModerationResolvers: Resolvers = {
  Query: {
    chatReports: (_parent, { status, ...page }, { viewer, chatModeration }) => chatModeration.reports(viewer, status, page),
  },
  Mutation: {
    reportMessage: async (_parent, { input }, { viewer, chatModeration }) => ({ report: await chatModeration.reportMessage(viewer, input) }),
    resolveChatReport: async (_parent, { input }, { viewer, chatModeration }) => ({ report: await chatModeration.resolveReport(viewer, input) }),
    muteUser: async (_parent, { input }, { viewer, chatModeration }) => ({ mute: await chatModeration.muteUser(viewer, input) }),
  },
  ChatReport: {
    message: async (report, _args, { loaders }) => {
      const message = await loaders.chatMessageById.load(report.messageId);
      if (!message) throw new NotFoundError('ChatMessage', report.messageId);
      return message;
    },
    reporter: (report) => ({ id: report.reporterId }),
    resolvedBy: (report) => (report.resolvedBy ? { id: report.resolvedBy } : null),
  },
  ChatMute: {
    room: async (mute, _args, { loaders }) => {
      const room = await loaders.chatRoomById.load(mute.roomId);
      if (!room) throw new NotFoundError('ChatRoom', mute.roomId);
      return room;
    },
    user: (mute) => ({ id: mute.userId }),
    mutedBy: (mute) => ({ id: mute.mutedBy }),
  },
};
