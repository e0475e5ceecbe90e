import type { Friendship } from '../../../generated/prisma/client.js';
import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';
import type { EdgePair, FriendState } from '../domain/friends.js';

/** One player's edge to another, as the store returns it. */
export type FriendshipRow = Friendship;

/** Where an edge sits in a friends list: most recently changed first, ties broken by the other player's id. */
export const friendKey = (row: FriendshipRow): TimeIdKey => ({ at: row.updatedAt, id: row.otherId });

export class FriendsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Locks the pair for the rest of the transaction and reads both edges, seen from `actorId`.
   * The advisory lock covers edges that do not exist yet (FOR UPDATE cannot lock a missing row,
   * so two first requests could otherwise both see "none"); the existing rows are then locked
   * lower id first, so two players acting on each other at once queue instead of deadlocking.
   */
  async lockPair(tx: Tx, actorId: string, otherId: string): Promise<EdgePair> {
    const [low, high] = actorId < otherId ? [actorId, otherId] : [otherId, actorId];
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('friendships'), hashtext(${`${low}:${high}`}))`;
    const rows = await tx.$queryRaw<{ user_id: string; state: FriendState }[]>`
      SELECT user_id::text AS user_id, state::text AS state FROM friendships
      WHERE (user_id = ${low}::uuid AND other_id = ${high}::uuid) OR (user_id = ${high}::uuid AND other_id = ${low}::uuid)
      ORDER BY user_id FOR UPDATE`;
    const stateOf = (userId: string) => rows.find((r) => r.user_id === userId)?.state ?? null;
    return { mine: stateOf(actorId), theirs: stateOf(otherId) };
  }

  /** Writes the edges that changed between `before` and `after` (lower id first, as they were locked). */
  async writePair(tx: Tx, actorId: string, otherId: string, before: EdgePair, after: EdgePair, at: Date): Promise<void> {
    const edges = [
      { userId: actorId, otherId, from: before.mine, to: after.mine },
      { userId: otherId, otherId: actorId, from: before.theirs, to: after.theirs },
    ].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    for (const edge of edges) {
      if (edge.from === edge.to) continue;
      const key = { userId: edge.userId, otherId: edge.otherId };
      if (edge.to === null) await tx.friendship.delete({ where: { userId_otherId: key } });
      else if (edge.from === null) await tx.friendship.create({ data: { ...key, state: edge.to, updatedAt: at } });
      else await tx.friendship.update({ where: { userId_otherId: key }, data: { state: edge.to, updatedAt: at } });
    }
  }

  /** `userId`'s state towards each of `otherIds`, in the same order, null where none: one query for any number. */
  async statesOf(userId: string, otherIds: readonly string[]): Promise<(FriendState | null)[]> {
    const valid = otherIds.filter(isUuid);
    const rows = valid.length
      ? await this.prisma.friendship.findMany({ where: { userId, otherId: { in: valid } }, select: { otherId: true, state: true } })
      : [];
    const byOther = new Map(rows.map((r) => [r.otherId, r.state]));
    return otherIds.map((id) => byOther.get(id) ?? null);
  }

  /**
   * Both edges between two players, seen from `userId`, as they are now: one primary-key query,
   * no lock (a read for a decision that does not write, such as delivering a live event).
   */
  async pairOf(userId: string, otherId: string): Promise<EdgePair> {
    const rows = await this.prisma.friendship.findMany({
      where: { OR: [{ userId, otherId }, { userId: otherId, otherId: userId }] },
      select: { userId: true, state: true },
    });
    const stateOf = (id: string) => rows.find((r) => r.userId === id)?.state ?? null;
    return { mine: stateOf(userId), theirs: stateOf(otherId) };
  }

  /**
   * Up to `take` of the player's friends' ids after `after` in id order: a keyset over the primary
   * key (user_id, other_id), so a player with many friends is read in batches of bounded size.
   */
  async friendIdsOf(userId: string, after: string | null, take: number): Promise<string[]> {
    const rows = await this.prisma.friendship.findMany({
      where: { userId, state: 'FRIEND', ...(after ? { otherId: { gt: after } } : {}) },
      orderBy: { otherId: 'asc' },
      select: { otherId: true },
      take,
    });
    return rows.map((r) => r.otherId);
  }

  /** One keyset page of a player's edges (plus one row to tell whether more exist), in the request's direction. */
  page(userId: string, state: FriendState | null, request: PageRequest<TimeIdKey>): Promise<FriendshipRow[]> {
    const where: Prisma.FriendshipWhereInput = state ? { userId, state } : { userId };
    const keyset = timeIdKeyset({ time: 'updatedAt', id: 'otherId', newestFirst: true }, request);
    return this.prisma.friendship.findMany({
      where: keyset.where ? { AND: [where, keyset.where] } : where,
      orderBy: keyset.orderBy,
      take: request.take,
    });
  }
}
