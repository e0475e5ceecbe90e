import type { Guild, GuildContribution, GuildFounding, GuildInvitation, GuildFoundingStatus, GuildJoinRequest, GuildMember, GuildNotification, GuildNotificationKind, GuildRole } from '../../../generated/prisma/client.js';
import { pgArray, prismaSql, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';
import type { GuildSettings } from '../domain/guilds.js';

/** A guild row as resolvers receive it (the GraphQL `Guild` mapper). */
export type GuildRow = Guild;
export type GuildMemberRow = GuildMember;
export type GuildJoinRequestRow = GuildJoinRequest;
export type GuildNotificationRow = GuildNotification;
export type GuildFoundingRow = GuildFounding;
export type GuildInvitationRow = GuildInvitation;
export type GuildContributionRow = GuildContribution;

/** A player as the users subgraph refers to them: social only adds fields keyed by the id. */
export type UserRef = { id: string };

/** A player's place in a guild, with the guild itself so `User.guild` needs no second query. */
export type MembershipRow = GuildMember & { guild: GuildRow };

/** One guild's page of members: those after the cursor in joining order, of one rank or all. */
export interface MemberPageKey {
  guildId: string;
  rank: GuildRole | null;
  request: PageRequest<TimeIdKey>;
  /** The guild's version as the request read it: the page may come from the cache of that version. */
  version?: number;
}

/** A members page's shape within its guild (what the cache files it under). */
export const memberPageShape = (k: MemberPageKey): string => `${k.rank ?? ''}|${k.request.cursor?.at.toISOString() ?? ''}|${k.request.cursor?.id ?? ''}|${k.request.take}`;

/** Where a member sits in Guild.members: joining order, ties broken by the player's id. */
export const guildMemberKey = (row: GuildMemberRow): TimeIdKey => ({ at: row.joinedAt, id: row.userId });
/** Where a request or a notice sits in its list: oldest (requests) or newest (notices) first, by id after time. */
export const createdKey = (row: { createdAt: Date; id: string }): TimeIdKey => ({ at: row.createdAt, id: row.id });

const GUILD_COLUMNS = `id::text AS id, name, name_key AS "nameKey", tag, tag_key AS "tagKey", description, is_public AS "isPublic",
  requires_approval AS "requiresApproval", min_level AS "minLevel", max_members AS "maxMembers", level, xp,
  created_by::text AS "createdBy", created_at AS "createdAt", version, member_count AS "memberCount"`;

/** How many guilds, by XP, a search looks at before it ranks every match (see `search`). */
const SEARCH_WINDOW = 2_000;

/** The same words, matched in the name and tag only (the A weight): `night:* & ow:*` → `night:*A & ow:*A`. */
const nameQuery = (query: string): string => query.replace(/:\*/g, ':*A');

const withoutTier = <T extends { inName: boolean }>({ inName: _inName, ...row }: T): Omit<T, 'inName'> => row;

export class GuildsStore {
  private readonly sql: Sql;

  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot read (findByIds); Prisma's port without it. */
  constructor(
    private readonly prisma: PrismaClient,
    sql?: Sql,
  ) {
    this.sql = sql ?? prismaSql(prisma);
  }

  /**
   * Rows for the ids, in the same order, undefined where missing: one query for any number. Raw
   * SQL on the port (docs/database.md, hot path): every guild read resolves its guild here, and
   * Prisma's runtime and query compiler took about twice the CPU of the same lookup on the port
   * (bench/RESULTS.md, "Guilds — 2026-12-04 afternoon"). Every column of `Guild`, aliased to its field.
   */
  findByIds(ids: readonly string[]): Promise<(GuildRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.sql.query<GuildRow>(`SELECT ${GUILD_COLUMNS} FROM guilds WHERE id = ANY($1::uuid[])`, [pgArray(uuids)]));
  }

  /** One guild inside a transaction. */
  findOne(tx: Tx, id: string): Promise<GuildRow | null> {
    return isUuid(id) ? tx.guild.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  /** Guilds by tag (case aside), in the same order, undefined where missing. */
  async findByTags(tags: readonly string[]): Promise<(GuildRow | undefined)[]> {
    const keys = tags.map((t) => t.toUpperCase());
    const rows = await this.prisma.guild.findMany({ where: { tagKey: { in: keys } } });
    const byKey = new Map(rows.map((r) => [r.tagKey, r]));
    return keys.map((k) => byKey.get(k));
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

  /**
   * One page of members per key, in one statement whatever the number of guilds (raw SQL, docs/
   * database.md: one page per parent with `CROSS JOIN LATERAL (… LIMIT n)`). Keys share a page
   * size and cursor-less-ness only by chance, so each carries its own; forward pages only.
   */
  async memberPages(keys: readonly MemberPageKey[]): Promise<GuildMemberRow[][]> {
    const valid = keys.map((k) => isUuid(k.guildId));
    const rows = await this.sql.query<GuildMemberRow & { i: bigint | number }>(
      `SELECT k.i AS i, m.user_id::text AS "userId", m.guild_id::text AS "guildId", m.role::text AS role, m.joined_at AS "joinedAt", m.contributed
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::int[]) WITH ORDINALITY AS k(guild_id, rank, after_at, after_id, take, i)
       CROSS JOIN LATERAL (
         SELECT * FROM guild_members m
         WHERE m.guild_id = k.guild_id
           AND (k.rank IS NULL OR m.role::text = k.rank)
           AND (k.after_at IS NULL OR (m.joined_at, m.user_id) > (k.after_at, k.after_id))
         ORDER BY m.joined_at, m.user_id
         LIMIT k.take
       ) m
       ORDER BY k.i, m.joined_at, m.user_id`,
      [
        pgArray(keys.map((k, i) => (valid[i] ? k.guildId : null))),
        pgArray(keys.map((k) => k.rank)),
        pgArray(keys.map((k) => k.request.cursor?.at.toISOString() ?? null)),
        pgArray(keys.map((k) => k.request.cursor?.id ?? null)),
        pgArray(keys.map((k) => k.request.take)),
      ],
    );
    const pages = keys.map((): GuildMemberRow[] => []);
    for (const { i, ...row } of rows) pages[Number(i) - 1]!.push(row);
    return pages;
  }

  /**
   * The guild, locked until the transaction ends (raw SQL: `FOR UPDATE`, docs/database.md): every
   * change to a guild's members takes it first, so seats are counted one writer at a time.
   */
  async lock(tx: Tx, guildId: string): Promise<GuildRow | undefined> {
    if (!isUuid(guildId)) return undefined;
    const [row] = await prismaSql(tx).query<GuildRow>(`SELECT ${GUILD_COLUMNS} FROM guilds WHERE id = $1::uuid FOR UPDATE`, [guildId]);
    return row;
  }

  /**
   * Transaction-scoped locks on names that have no row yet (a guild name, a tag, a player about to
   * join): raw SQL, `pg_advisory_xact_lock` (docs/database.md), taken in sorted order so two
   * writers cannot deadlock.
   */
  async lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }

  membership(tx: Tx, userId: string): Promise<GuildMemberRow | null> {
    return isUuid(userId) ? tx.guildMember.findUnique({ where: { userId } }) : Promise.resolve(null);
  }

  countMembers(tx: Tx, guildId: string): Promise<number> {
    return tx.guildMember.count({ where: { guildId } });
  }

  /** Which of the name and the tag another guild holds. */
  async taken(tx: Tx, nameKey: string, tagKey: string): Promise<{ name: boolean; tag: boolean }> {
    const rows = await tx.guild.findMany({ where: { OR: [{ nameKey }, { tagKey }] }, select: { nameKey: true, tagKey: true } });
    return { name: rows.some((r) => r.nameKey === nameKey), tag: rows.some((r) => r.tagKey === tagKey) };
  }

  create(tx: Tx, data: GuildSettings & { maxMembers: number; createdBy: string; createdAt: Date }): Promise<GuildRow> {
    return tx.guild.create({ data });
  }

  async delete(tx: Tx, guildId: string): Promise<void> {
    await tx.guild.delete({ where: { id: guildId } });
  }

  addMember(tx: Tx, data: { guildId: string; userId: string; role: GuildRole; joinedAt: Date }): Promise<GuildMemberRow> {
    return tx.guildMember.create({ data });
  }

  async removeMember(tx: Tx, userId: string): Promise<void> {
    await tx.guildMember.delete({ where: { userId } });
  }

  setRole(tx: Tx, userId: string, role: GuildRole): Promise<GuildMemberRow> {
    return tx.guildMember.update({ where: { userId }, data: { role } });
  }

  /** Members holding one of the ranks (the officers a request goes to). */
  async membersWithRoles(tx: Tx, guildId: string, roles: readonly GuildRole[]): Promise<string[]> {
    const rows = await tx.guildMember.findMany({ where: { guildId, role: { in: [...roles] } }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  findRequest(client: PrismaClient | Tx, requestId: string): Promise<GuildJoinRequestRow | null> {
    return isUuid(requestId) ? client.guildJoinRequest.findUnique({ where: { id: requestId } }) : Promise.resolve(null);
  }

  findRequestOf(tx: Tx, guildId: string, userId: string): Promise<GuildJoinRequestRow | null> {
    return tx.guildJoinRequest.findUnique({ where: { guildId_userId: { guildId, userId } } });
  }

  createRequest(tx: Tx, data: { guildId: string; userId: string; createdAt: Date }): Promise<GuildJoinRequestRow> {
    return tx.guildJoinRequest.create({ data });
  }

  async deleteRequest(tx: Tx, requestId: string): Promise<void> {
    await tx.guildJoinRequest.delete({ where: { id: requestId } });
  }

  /** Drops every pending request of the player (they joined or founded a guild). */
  async deleteRequestsOf(tx: Tx, userId: string): Promise<void> {
    await tx.guildJoinRequest.deleteMany({ where: { userId } });
  }

  /** A guild's pending requests, oldest first. */
  joinRequestPage(guildId: string, request: PageRequest<TimeIdKey>): Promise<GuildJoinRequestRow[]> {
    const { where, orderBy } = timeIdKeyset({ time: 'createdAt', id: 'id' }, request);
    return this.prisma.guildJoinRequest.findMany({ where: { guildId, ...(where ?? {}) }, orderBy, take: request.take });
  }

  /** The player's pending requests, oldest first (a player has few: one per guild asked). */
  requestsOf(userIds: readonly string[]): Promise<GuildJoinRequestRow[][]> {
    const valid = userIds.filter(isUuid);
    return (valid.length ? this.prisma.guildJoinRequest.findMany({ where: { userId: { in: valid } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }) : Promise.resolve([])).then(
      (rows) => userIds.map((id) => rows.filter((r) => r.userId === id)),
    );
  }

  /** Notices for several players in one statement, in the order given. */
  insertNotifications(
    tx: Tx,
    rows: readonly { userId: string; kind: GuildNotificationKind; guildId: string; guildName: string; subjectId: string; requestId: string | null; createdAt: Date }[],
  ): Promise<GuildNotificationRow[]> {
    return rows.length ? tx.guildNotification.createManyAndReturn({ data: [...rows] }) : Promise.resolve([]);
  }

  /** The player's notice of this kind about a request or invitation, if they got one. */
  noticeAbout(tx: Tx, userId: string, kind: GuildNotificationKind, requestId: string): Promise<GuildNotificationRow | null> {
    if (!isUuid(userId) || !isUuid(requestId)) return Promise.resolve(null);
    return tx.guildNotification.findFirst({ where: { userId, kind, requestId } });
  }

  /** A player's notices, newest first. */
  notificationPage(userId: string, request: PageRequest<TimeIdKey>): Promise<GuildNotificationRow[]> {
    const { where, orderBy } = timeIdKeyset({ time: 'createdAt', id: 'id', newestFirst: true }, request);
    return this.prisma.guildNotification.findMany({ where: { userId, ...(where ?? {}) }, orderBy, take: request.take });
  }

  /** The player's level as social has heard it (1, where every player starts, before any level-up reached it). */
  async levelOf(tx: Tx, userId: string): Promise<number> {
    return (await tx.guildPlayerLevel.findUnique({ where: { userId } }))?.level ?? 1;
  }

  /** Records a level-up; an older one arriving late never lowers the level. */
  async saveLevel(tx: Tx, userId: string, level: number, at: Date): Promise<void> {
    const current = await tx.guildPlayerLevel.findUnique({ where: { userId } });
    if (current && current.level >= level) return;
    await tx.guildPlayerLevel.upsert({ where: { userId }, create: { userId, level, updatedAt: at }, update: { level, updatedAt: at } });
  }

  /** A founding in progress by another player that holds the name or the tag. */
  async pendingFoundingsHolding(tx: Tx, nameKey: string, tagKey: string, exceptUserId: string): Promise<{ name: boolean; tag: boolean }> {
    const rows = await tx.guildFounding.findMany({
      where: { status: { in: ['PENDING'] }, userId: { not: exceptUserId }, OR: [{ nameKey }, { tagKey }] },
      select: { nameKey: true, tagKey: true },
    });
    return { name: rows.some((r) => r.nameKey === nameKey), tag: rows.some((r) => r.tagKey === tagKey) };
  }

  /** The player's founding still settling, if any (at most one). */
  pendingFoundingOf(tx: Tx, userId: string): Promise<GuildFoundingRow | null> {
    return tx.guildFounding.findFirst({ where: { userId, status: 'PENDING' } });
  }

  createFounding(tx: Tx, data: { userId: string; nameKey: string; tagKey: string; settings: object; fee: number }): Promise<GuildFoundingRow> {
    return tx.guildFounding.create({ data });
  }

  findFounding(client: PrismaClient | Tx, id: string): Promise<GuildFoundingRow | null> {
    return isUuid(id) ? client.guildFounding.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  /** Moves a founding on from `from` only (a conditional update): false when someone else moved it first. */
  async moveFounding(tx: Tx, id: string, from: GuildFoundingStatus, to: GuildFoundingStatus, guildId?: string): Promise<boolean> {
    const { count } = await tx.guildFounding.updateMany({ where: { id, status: from }, data: { status: to, ...(guildId ? { guildId } : {}) } });
    return count === 1;
  }

  findContributionByKey(tx: Tx, userId: string, requestKey: string): Promise<GuildContributionRow | null> {
    return tx.guildContribution.findUnique({ where: { userId_requestKey: { userId, requestKey } } });
  }

  findContribution(tx: Tx, id: string): Promise<GuildContributionRow | null> {
    return isUuid(id) ? tx.guildContribution.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  createContribution(tx: Tx, data: { userId: string; guildId: string; coins: number; requestKey: string }): Promise<GuildContributionRow> {
    return tx.guildContribution.create({ data });
  }

  /** Moves a contribution on from `from` only: false when someone else moved it first. */
  async moveContribution(tx: Tx, id: string, from: GuildFoundingStatus, to: GuildFoundingStatus): Promise<boolean> {
    const { count } = await tx.guildContribution.updateMany({ where: { id, status: from }, data: { status: to } });
    return count === 1;
  }

  /** Adds a contribution to the member's total and sets the guild's XP, level and seats. */
  async addContribution(tx: Tx, input: { guildId: string; userId: string; coins: number; xp: bigint; level: number; maxMembers: number }): Promise<GuildRow> {
    await tx.guildMember.update({ where: { userId: input.userId }, data: { contributed: { increment: input.coins } } });
    return tx.guild.update({ where: { id: input.guildId }, data: { xp: input.xp, level: input.level, maxMembers: input.maxMembers } });
  }

  /** Sets the guild's XP, level and seats (a war won). */
  setProgress(tx: Tx, guildId: string, progress: { xp: bigint; level: number; maxMembers: number }): Promise<GuildRow> {
    return tx.guild.update({ where: { id: guildId }, data: progress });
  }

  /**
   * One page of guilds: by relevance to `query` (a tsquery of prefixes) — the guild whose tag is
   * `tag` first, then guilds where every word is in the name or tag (the vector's A weight), then
   * the rest (description matches), each tier by XP — or by XP without one; filtered by openness,
   * a free seat (the member_count column) and the level a player needs. Raw SQL (docs/database.md):
   * full-text search Prisma cannot express. `skip`/`take` (a ranked list has no stable keyset).
   *
   * A common word matches a large part of the table, and ranking every match costs a heap visit
   * each; so the page is first looked for among the SEARCH_WINDOW guilds with the most XP (an
   * index walk): when name matches there fill it, they are the page — any name match outside has
   * less XP than all of them. Otherwise (rarer words, a page further on) every match is ranked
   * from the GIN index (docs/decisions.md, "Guild search on PostgreSQL's full-text index").
   */
  async search(params: { query: string | null; tag: string | null; isPublic: boolean | null; hasSpace: boolean | null; level: number | null; skip: number; take: number }): Promise<GuildRow[]> {
    const sql = this.sql;
    const filters = `($2::boolean IS NULL OR g.is_public = $2)
         AND ($3::int IS NULL OR g.min_level <= $3)
         AND ($4::boolean IS NULL OR (g.member_count < g.max_members) = $4)`;
    const filterValues = [params.isPublic, params.level, params.hasSpace];
    if (params.query === null) {
      // $1 is the tag in the searches below; unused here.
      return sql.query<GuildRow>(`SELECT ${GUILD_COLUMNS} FROM guilds g WHERE $1::text IS NULL AND ${filters} ORDER BY g.xp DESC, g.id OFFSET $5 LIMIT $6`, [
        null,
        ...filterValues,
        params.skip,
        params.take,
      ]);
    }
    const named = nameQuery(params.query);
    const [exact] = params.tag
      ? await sql.query<GuildRow>(`SELECT ${GUILD_COLUMNS} FROM guilds g WHERE g.tag_key = $1 AND g.search_vector @@ to_tsquery('simple', $5) AND ${filters}`, [
          params.tag,
          ...filterValues,
          params.query,
        ])
      : [];
    // Positions after the exact tag's: the rest of the list starts one further on when it is there.
    const skip = exact ? Math.max(0, params.skip - 1) : params.skip;
    const take = exact && params.skip === 0 ? params.take - 1 : params.take;
    const head = exact && params.skip === 0 ? [exact] : [];
    const matches = `g.search_vector @@ to_tsquery('simple', $5) AND g.tag_key IS DISTINCT FROM $1 AND ${filters}`;
    const values = [params.tag, ...filterValues, params.query, named, skip + take];
    const windowed = await sql.query<GuildRow & { inName: boolean }>(
      `SELECT ${GUILD_COLUMNS}, g.search_vector @@ to_tsquery('simple', $6) AS "inName"
       FROM (SELECT * FROM guilds ORDER BY xp DESC, id LIMIT ${SEARCH_WINDOW}) g
       WHERE ${matches}
       ORDER BY "inName" DESC, g.xp DESC, g.id
       LIMIT $7`,
      values,
    );
    if (windowed.length === skip + take && windowed.every((row) => row.inName)) return [...head, ...windowed.slice(skip).map(withoutTier)];
    const ranked = await sql.query<GuildRow & { inName: boolean }>(
      `SELECT ${GUILD_COLUMNS}, g.search_vector @@ to_tsquery('simple', $6) AS "inName"
       FROM guilds g
       WHERE ${matches}
       ORDER BY "inName" DESC, g.xp DESC, g.id
       OFFSET $7 LIMIT $8`,
      [...values.slice(0, 6), skip, take],
    );
    return [...head, ...ranked.map(withoutTier)];
  }

  updateSettings(tx: Tx, guildId: string, change: { description?: string; isPublic?: boolean; requiresApproval?: boolean; minLevel?: number }): Promise<GuildRow> {
    return tx.guild.update({ where: { id: guildId }, data: change });
  }

  /** Every member's id (a disbanding guild's, to empty its room). */
  async memberIds(tx: Tx, guildId: string): Promise<string[]> {
    return (await tx.guildMember.findMany({ where: { guildId }, select: { userId: true }, orderBy: { userId: 'asc' } })).map((m) => m.userId);
  }

  findInvitation(tx: Tx, id: string): Promise<GuildInvitationRow | null> {
    return isUuid(id) ? tx.guildInvitation.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  findInvitationOf(tx: Tx, guildId: string, userId: string): Promise<GuildInvitationRow | null> {
    return tx.guildInvitation.findUnique({ where: { guildId_userId: { guildId, userId } } });
  }

  createInvitation(tx: Tx, data: { guildId: string; userId: string; invitedBy: string; createdAt: Date }): Promise<GuildInvitationRow> {
    return tx.guildInvitation.create({ data });
  }

  async deleteInvitation(tx: Tx, id: string): Promise<void> {
    await tx.guildInvitation.delete({ where: { id } });
  }

  /** Drops every invitation of the player (they are in a guild now). */
  async deleteInvitationsOf(tx: Tx, userId: string): Promise<void> {
    await tx.guildInvitation.deleteMany({ where: { userId } });
  }
}

