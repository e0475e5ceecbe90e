import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
import type { User } from '../../../generated/prisma/client.js';
import { findByUuids } from '../../../platform/ids.js';

/** A user row as resolvers receive it (the GraphQL `User` mapper). */
export type UserRow = User;

export class UsersStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(UserRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.user.findMany({ where: { id: { in: uuids } } }));
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

  /** Sets role ADMIN on the accounts with these username keys that are not ADMIN yet; their usernames. */
  async promoteToAdmin(usernameKeys: readonly string[]): Promise<string[]> {
    const rows = await this.prisma.user.updateManyAndReturn({
      where: { usernameKey: { in: [...usernameKeys] }, role: { not: 'ADMIN' } },
      data: { role: 'ADMIN' },
      select: { username: true },
    });
    return rows.map((row) => row.username);
  }

  touchLastSeen(id: string, at: Date): Promise<unknown> {
    return this.prisma.user.update({ where: { id }, data: { lastSeenAt: at } });
  }
}
