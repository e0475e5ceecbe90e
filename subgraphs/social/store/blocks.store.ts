import type { PrismaClient, Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';

/** Two players, in either order. */
export type PlayerPair = readonly [string, string];

/**
 * Social's projection of users' blocks, kept from the bus (`user.blocked`, `user.unblocked`; see
 * consumers/users.consumer.ts): social never reads users' tables. A block is one row, on the
 * blocker's side; either side's row makes the pair blocked.
 */
export class BlocksStore {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * For each pair, whether either player blocks the other, in the same order: one query for any
   * number of pairs. A pair with an id that is not a UUID (or the same id twice) is not blocked.
   */
  async eitherBlocks(pairs: readonly PlayerPair[], client: PrismaClient | Tx = this.prisma): Promise<boolean[]> {
    const valid = pairs.filter(([a, b]) => isUuid(a) && isUuid(b) && a !== b);
    if (!valid.length) return pairs.map(() => false);
    const rows = await client.chatBlock.findMany({
      where: { OR: valid.flatMap(([a, b]) => [{ blockerId: a, blockedId: b }, { blockerId: b, blockedId: a }]) },
      select: { blockerId: true, blockedId: true },
    });
    const blocked = new Set(rows.flatMap((r) => [`${r.blockerId}|${r.blockedId}`, `${r.blockedId}|${r.blockerId}`]));
    return pairs.map(([a, b]) => blocked.has(`${a}|${b}`));
  }

  /** Whether either player blocks the other: `eitherBlocks` for one pair. */
  async isEitherBlocking(a: string, b: string, client: PrismaClient | Tx = this.prisma): Promise<boolean> {
    const [blocked] = await this.eitherBlocks([[a, b]], client);
    return blocked!;
  }

  /** The players `userId` blocks or is blocked by (either way), each once. */
  async blockedEitherWayOf(userId: string, client: PrismaClient | Tx = this.prisma): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const rows = await client.chatBlock.findMany({
      where: { OR: [{ blockerId: userId }, { blockedId: userId }] },
      select: { blockerId: true, blockedId: true },
    });
    return [...new Set(rows.map((r) => (r.blockerId === userId ? r.blockedId : r.blockerId)))];
  }

  /** Records a block (a repeated event changes nothing). */
  async block(tx: Tx, blockerId: string, blockedId: string, at: Date): Promise<void> {
    await tx.chatBlock.createMany({ data: [{ blockerId, blockedId, blockedAt: at }], skipDuplicates: true });
  }

  /** Forgets a block, unless a newer one was recorded after the unblock happened. */
  async unblock(tx: Tx, blockerId: string, blockedId: string, at: Date): Promise<void> {
    await tx.chatBlock.deleteMany({ where: { blockerId, blockedId, blockedAt: { lte: at } } });
  }
}
