import type { PrismaClient, Tx } from '../../../platform/db/index.js';
import type { RefreshToken } from '../../../generated/prisma/client.js';

export type RefreshTokenRow = RefreshToken;

/** Refresh tokens, looked up by the sha256 of the token (the token itself is never stored). */
export class SessionsStore {
  constructor(private readonly prisma: PrismaClient) {}

  findByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    return this.prisma.refreshToken.findUnique({ where: { tokenHash } });
  }

  insert(
    tx: Tx | PrismaClient,
    data: { familyId: string; userId: string; tokenHash: string; expiresAt: Date },
  ): Promise<RefreshTokenRow> {
    return tx.refreshToken.create({ data });
  }

  /**
   * Marks a live token used and points it at its successor, only if nobody did so first:
   * `UPDATE … WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > now`. Under
   * concurrent refreshes PostgreSQL lets one update match; the others see 0 rows. True when this
   * call won.
   */
  async markUsed(tx: Tx, id: string, replacedBy: string, now: Date): Promise<boolean> {
    const { count } = await tx.refreshToken.updateMany({
      where: { id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, replacedBy },
    });
    return count === 1;
  }

  /**
   * Revokes every token of a family not revoked yet (used ones too, so the table shows the session
   * ended); returns how many stopped working: the family's live token, one at most, since each
   * refresh uses up its predecessor. Used and expired tokens already refreshed nothing.
   */
  revokeFamily(familyId: string, now: Date): Promise<number> {
    return this.revokeWhere({ familyId }, now);
  }

  /** Revokes every token of every family of a user; returns how many stopped working (one per live session). */
  revokeAllOfUser(userId: string, now: Date): Promise<number> {
    return this.revokeWhere({ userId }, now);
  }

  private async revokeWhere(where: { familyId: string } | { userId: string }, now: Date): Promise<number> {
    const revoked = await this.prisma.refreshToken.updateManyAndReturn({
      where: { ...where, revokedAt: null },
      data: { revokedAt: now },
      select: { usedAt: true, expiresAt: true },
    });
    return revoked.filter((t) => t.usedAt === null && t.expiresAt > now).length;
  }
}
