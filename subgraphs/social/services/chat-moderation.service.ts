import { requireRole, requireUser, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { muteEnds, validateMuteDuration } from '../domain/chat-messages.js';
import { assertMayModerate, assertReadable, isRestricted } from '../domain/chat-rooms.js';
import { validateReportText } from '../domain/moderation.js';
import type { ChatMembersStore } from '../store/chat-members.store.js';
import type { ChatMessagesStore } from '../store/chat-messages.store.js';
import type { ChatRoomsStore } from '../store/chat-rooms.store.js';
import type { PlayersStore } from '../store/players.store.js';
import { chatReportKey, type ChatMuteRow, type ChatReportRow, type ModerationStore } from '../store/moderation.store.js';
import { readerOf } from './chat-rooms.service.js';
import { requireKnownPlayer } from './known-players.js';

export interface ChatModerationServiceDeps {
  work: UnitOfWork;
  store: ModerationStore;
  messages: ChatMessagesStore;
  rooms: ChatRoomsStore;
  members: ChatMembersStore;
  players: PlayersStore;
  now?: () => Date;
}

const STAFF = ['MODERATOR', 'ADMIN'] as const;

/** Reports and the moderators' queue, and mutes. */
export class ChatModerationService {
  constructor(private readonly deps: ChatModerationServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Reports a message the viewer may read; a second report of the same message answers the first. */
  async reportMessage(viewer: Viewer, input: { messageId: string; reason: string }): Promise<ChatReportRow> {
    const reporterId = requireUser(viewer);
    const reason = validateReportText(input.reason, 'reason');
    const [message] = await this.deps.messages.findByIds([input.messageId]);
    if (!message) throw new NotFoundError('ChatMessage', input.messageId);
    const [room] = await this.deps.rooms.findByIds([message.roomId]);
    const member = room && isRestricted(room.kind) ? await this.deps.members.findOne(room.id, reporterId) : undefined;
    try {
      assertReadable(room, room?.id ?? message.roomId, readerOf(viewer), Boolean(member));
    } catch {
      throw new NotFoundError('ChatMessage', input.messageId);
    }
    if (message.authorId === reporterId) throw new BadUserInputError('You cannot report your own message.', 'messageId');
    return this.deps.work.run(async ({ tx, record }) => {
      const { report, created } = await this.deps.store.report(tx, { messageId: message.id, roomId: message.roomId, reporterId, reason });
      if (created) {
        await record('chat.message_reported', {
          reportId: report.id,
          messageId: message.id,
          roomId: message.roomId,
          reporterId,
          authorId: message.authorId,
          reportedAt: report.createdAt.toISOString(),
        });
      }
      return report;
    });
  }

  /** A page of the moderation queue (staff only), oldest first. */
  async reports(viewer: Viewer, status: ChatReportRow['status'] | null | undefined, args: ConnectionArgs): Promise<Connection<ChatReportRow>> {
    requireRole(viewer, STAFF, 'read the moderation queue');
    const page = timeIdPageRequest(args);
    return toConnection(await this.deps.store.reportsPage(status ?? 'OPEN', page), page, chatReportKey);
  }

  /** Resolves a report (staff only); a resolved one is answered as it is. */
  async resolveReport(viewer: Viewer, input: { reportId: string; resolution?: string | null }): Promise<ChatReportRow> {
    const moderatorId = requireRole(viewer, STAFF, 'resolve reports');
    const resolution = input.resolution == null ? null : validateReportText(input.resolution, 'resolution');
    return this.deps.work.run(async ({ tx, record }) => {
      const resolved = await this.deps.store.resolve(tx, input.reportId, { by: moderatorId, resolution, at: this.now() });
      if (resolved) {
        await record('chat.report_resolved', { reportId: resolved.id, messageId: resolved.messageId, resolvedBy: moderatorId, resolvedAt: resolved.resolvedAt!.toISOString() });
        return resolved;
      }
      const [existing] = await this.deps.store.findReports([input.reportId], tx);
      if (!existing) throw new NotFoundError('ChatReport', input.reportId);
      return existing;
    });
  }

  /** Mutes a player in a room for a while (0 lifts it): staff anywhere, a party's owner in their party. */
  async muteUser(viewer: Viewer, input: { roomId: string; userId: string; durationSeconds: number }): Promise<ChatMuteRow | null> {
    const actorId = requireUser(viewer);
    const seconds = validateMuteDuration(input.durationSeconds);
    if (input.userId === actorId) throw new BadUserInputError('You cannot mute yourself.', 'userId');
    await requireKnownPlayer(this.deps.players, input.userId);
    const now = this.now();
    return this.deps.work.run(async ({ tx, record }) => {
      const room = await this.deps.rooms.lock(tx, input.roomId);
      const actor = room ? await this.deps.members.findOne(room.id, actorId, tx) : undefined;
      assertReadable(room, input.roomId, readerOf(viewer), Boolean(actor));
      if (room!.kind === 'SYSTEM') throw new ForbiddenError('Nobody posts in system rooms: there is nothing to mute.');
      assertMayModerate(room!, { role: viewer.role, isOwner: actor?.role === 'OWNER' });
      const until = muteEnds(now, seconds);
      await record('chat.user_muted', { roomId: room!.id, userId: input.userId, mutedBy: actorId, until: until?.toISOString() ?? null, at: now.toISOString() });
      if (!until) {
        await this.deps.store.unmute(tx, room!.id, input.userId);
        return null;
      }
      return this.deps.store.mute(tx, { roomId: room!.id, userId: input.userId, mutedBy: actorId, until, at: now });
    });
  }
}
