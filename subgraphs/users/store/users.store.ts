import { pgArray, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import type { User } from '../../../generated/prisma/client.js';
import { findByUuids } from '../../../platform/ids.js';

/**
 * A user row as resolvers receive it (the GraphQL `User` mapper). `xp`: the player's XP balance,
 * when the row was read with it (findByIds), so `level` and `xp` need no second read.
 * `walletShown`: the wallet is readable by this viewer though not theirs (applyWalletOperation's payload).
 */
export type UserRow = User & { xp?: bigint; walletShown?: true };

export class UsersStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot read below. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /**
   * Rows for the ids, in the same order, undefined where missing: one query for any number.
   * Raw SQL on the port (docs/database.md, hot path): every User entity the gateway resolves comes
   * through here, and Prisma's runtime (query compilation per findMany) was ≈ 28% of the users
   * process's busy CPU on the chat page (issue 14). Every column of `User`, aliased to its field,
   * and the XP balance (0 without one): authors and players are shown with their level, and
   * reading it here saves the entity read a second round trip (wallet balances) per request.
   */
  findByIds(ids: readonly string[]): Promise<(UserRow | undefined)[]> {
    return findByUuids(ids, (uuids) =>
      this.sql.query<UserRow>(
        `SELECT u.id::text AS id, u.username, u.username_key AS "usernameKey", u.email, u.password_hash AS "passwordHash",
                u.display_name AS "displayName", u.role::text AS role, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
                u.last_seen_at AS "lastSeenAt", u.avatar_url AS "avatarUrl", u.bio, u.timezone, COALESCE(x.balance, 0) AS xp
         FROM users u LEFT JOIN wallet_balances x ON x.user_id = u.id AND x.asset = 'XP'
         WHERE u.id = ANY($1::uuid[])`,
        [pgArray(uuids)],
      ),
    );
  }

  findByUsernameKey(key: string): Promise<UserRow | null> {
    return this.prisma.user.findUnique({ where: { usernameKey: key } });
  }

  findByEmail(email: string): Promise<UserRow | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  create(tx: Tx, data: Prisma.UserCreateInput): Promise<UserRow> {
    return tx.user.create({ data });
  }

  /** The updated row, or null when there is no such user (inside `tx` when given). */
  async update(id: string, data: Prisma.UserUpdateInput, tx: Tx | PrismaClient = this.prisma): Promise<UserRow | null> {
    const { count } = await tx.user.updateMany({ where: { id }, data });
    return count ? tx.user.findUnique({ where: { id } }) : null;
  }

  /** Sets role ADMIN on the accounts with these username keys that are not ADMIN yet; their ids and usernames. */
  promoteToAdmin(usernameKeys: readonly string[], tx: Tx | PrismaClient = this.prisma): Promise<{ id: string; username: string }[]> {
    return tx.user.updateManyAndReturn({
      where: { usernameKey: { in: [...usernameKeys] }, role: { not: 'ADMIN' } },
      data: { role: 'ADMIN' },
      select: { id: true, username: true },
    });
  }

  /** Stamps a sign-in; the row as it is now. */
  touchLastSeen(id: string, at: Date): Promise<UserRow> {
    return this.prisma.user.update({ where: { id }, data: { lastSeenAt: at } });
  }
}
