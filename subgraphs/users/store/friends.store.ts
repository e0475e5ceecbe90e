import type { Friendship } from '../../../generated/prisma/client.js';
import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import type { PageRequest } from '../../../platform/pagination.js';
import type { EdgePair, FriendState } from '../domain/friends.js';

/** One player's edge to another, as the store returns it. */
export type FriendshipRow = Friendship;

/** Where an edge sits in a friends list: most recently changed first, ties broken by the other player's id. */
export type FriendKey = { updatedAt: Date; otherId: string };
export const friendKey = (row: FriendshipRow): FriendKey => ({ updatedAt: row.updatedAt, otherId: row.otherId });

/** The key a client sent back in a cursor; anything else is their mistake, not ours. */
export function parseFriendKey(raw: unknown, field: string): FriendKey {
  const { updatedAt, otherId } = (raw ?? {}) as Record<string, unknown>;
  const at = typeof updatedAt === 'string' ? new Date(updatedAt) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof otherId !== 'string' || !isUuid(otherId)) {
    throw new BadUserInputError(`${field} is not a valid cursor.`, field);
  }
  return { updatedAt: at, otherId };
}

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

  /** One keyset page of a player's edges (plus one row to tell whether more exist), in the request's direction. */
  page(userId: string, state: FriendState | null, request: PageRequest<FriendKey>): Promise<FriendshipRow[]> {
    // Forward runs newest first.
    const forward = request.direction === 'forward';
    const where: Prisma.FriendshipWhereInput = state ? { userId, state } : { userId };
    const cursor = request.cursor;
    const beyond = <V>(value: V) => (forward ? { lt: value } : { gt: value });
    return this.prisma.friendship.findMany({
      where: cursor
        ? { AND: [where, { OR: [{ updatedAt: beyond(cursor.updatedAt) }, { updatedAt: cursor.updatedAt, otherId: beyond(cursor.otherId) }] }] }
        : where,
      orderBy: forward ? [{ updatedAt: 'desc' }, { otherId: 'desc' }] : [{ updatedAt: 'asc' }, { otherId: 'asc' }],
      take: request.take,
    });
  }
}
