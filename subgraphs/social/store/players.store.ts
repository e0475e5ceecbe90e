import type { PrismaClient, Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';

/**
 * Social's projection of players' display names, from users' registrations and profile changes on
 * the bus: how a system message ("<displayName> joined the room") names a player without reading
 * users' tables.
 */
export class PlayersStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Records (or renames) a player. */
  async save(tx: Tx, userId: string, displayName: string): Promise<void> {
    await tx.chatPlayer.upsert({ where: { userId }, create: { userId, displayName }, update: { displayName } });
  }

  /** Whether social has heard of the player (their registration reached it over the bus). */
  async isKnown(userId: string): Promise<boolean> {
    return isUuid(userId) && (await this.prisma.chatPlayer.count({ where: { userId } })) > 0;
  }

  /** The player's name as social knows it, or undefined before their registration reached it. */
  async nameOf(userId: string, client: PrismaClient | Tx = this.prisma): Promise<string | undefined> {
    return (await client.chatPlayer.findUnique({ where: { userId } }))?.displayName;
  }
}
