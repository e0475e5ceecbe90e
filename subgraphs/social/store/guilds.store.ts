import type { Guild, GuildMember } from '../../../generated/prisma/client.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';

/** A guild row as resolvers receive it (the GraphQL `Guild` mapper). */
export type GuildRow = Guild;

/** A player as the users subgraph refers to them: social only adds fields keyed by the id. */
export type UserRef = { id: string };

/** A player's place in a guild, with the guild itself so `User.guild` needs no second query. */
export type MembershipRow = GuildMember & { guild: GuildRow };

export class GuildsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(GuildRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.guild.findMany({ where: { id: { in: uuids } } }));
  }

  /** Members per guild, in the same order as the ids: one grouped count for any number. */
  async memberCounts(guildIds: readonly string[]): Promise<number[]> {
    const valid = guildIds.filter(isUuid);
    const groups = valid.length
      ? await this.prisma.guildMember.groupBy({ by: ['guildId'], where: { guildId: { in: valid } }, _count: { _all: true } })
      : [];
    const byGuild = new Map(groups.map((g) => [g.guildId, g._count._all]));
    return guildIds.map((id) => byGuild.get(id) ?? 0);
  }

  /** Each player's membership (undefined when in no guild), in the same order as the ids. */
  async membershipsOf(userIds: readonly string[]): Promise<(MembershipRow | undefined)[]> {
    const valid = userIds.filter(isUuid);
    const rows = valid.length
      ? await this.prisma.guildMember.findMany({ where: { userId: { in: valid } }, include: { guild: true } })
      : [];
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return userIds.map((id) => byUser.get(id));
  }
}
