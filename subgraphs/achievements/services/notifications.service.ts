import { requireUser, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { resumableStream } from '../../../platform/live.js';
import { decodeCursor, pageRequest, parseSeqKey, seqKey, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { notificationAdded } from '../contracts/live.js';
import type { NotificationRow, NotificationsStore } from '../store/notifications.store.js';

/** At most this many stored notifications are replayed to a resuming subscriber. */
export const MAX_REPLAY = 1_000;
const MAX_IDS = 100;

/** The signed-in player's inbox: paging, unread count, marking read, and the live stream. */
export class NotificationsService {
  constructor(private readonly deps: { store: NotificationsStore; redis: RedisPort; now?: () => Date }) {}

  async list(viewer: Viewer, args: ConnectionArgs & { unreadOnly?: boolean | null }): Promise<Connection<NotificationRow>> {
    const userId = requireUser(viewer);
    const request = pageRequest<unknown>(args);
    const field = request.direction === 'forward' ? 'after' : 'before';
    // A cursor that decodes to null is forged, not absent: only a missing (or empty) one starts at the top.
    const sent = request.direction === 'forward' ? args.after : args.before;
    const page = { ...request, cursor: request.cursor == null && !sent ? null : parseSeqKey(request.cursor, field) };
    const rows = await this.deps.store.page(userId, page, args.unreadOnly ?? false);
    return toConnection<NotificationRow, unknown>(rows, page, (n) => seqKey(BigInt(n.seq)));
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return this.deps.store.unreadCount(requireUser(viewer));
  }

  async markRead(viewer: Viewer, input: { ids?: readonly string[] | null; all?: boolean | null }): Promise<{ markedCount: number; unreadCount: number }> {
    const userId = requireUser(viewer);
    const ids = input.all ? 'all' : (input.ids ?? []);
    if (ids !== 'all' && ids.length === 0) throw new BadUserInputError('Name the notifications in ids, or pass all: true.', 'ids');
    if (ids !== 'all' && ids.length > MAX_IDS) throw new BadUserInputError(`Mark at most ${MAX_IDS} notifications at once, or pass all: true.`, 'ids');
    // Ids that are not UUIDs cannot be anyone's notification.
    const valid = ids === 'all' ? ids : ids.filter(isUuid);
    const markedCount = valid === 'all' || valid.length ? await this.deps.store.markRead(userId, valid, this.deps.now?.() ?? new Date()) : 0;
    return { markedCount, unreadCount: await this.deps.store.unreadCount(userId) };
  }

  /** New notifications, live; with `after`, first those stored after it, with nothing lost or repeated at the seam. */
  async added(viewer: Viewer, after?: string | null): Promise<AsyncIterableIterator<NotificationRow>> {
    const userId = requireUser(viewer);
    return resumableStream<NotificationRow>({
      redis: this.deps.redis,
      channel: notificationAdded.channel(userId),
      after: after == null ? null : parseSeqKey(decodeCursor<unknown>(after, 'after'), 'after'),
      storedAfter: (position, limit) => this.deps.store.after(userId, position, limit),
      position: (n) => BigInt(n.seq),
      maxReplay: MAX_REPLAY,
      tooFar: `More than ${MAX_REPLAY} notifications arrived since this cursor: page them with notifications(first:), then subscribe without a cursor.`,
    });
  }
}
