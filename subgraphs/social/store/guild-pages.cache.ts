import type { Logger } from 'pino';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { GuildMemberRow } from './guilds.store.js';

/** How long a guild's cached pages live without a change (the brief's 30 minutes). */
export const GUILD_PAGE_TTL_SECONDS = 30 * 60;
/** The most page shapes one guild keeps (members of a rank, page sizes, cursors): the oldest goes. */
const MAX_PAGES_PER_GUILD = 16;

/** One guild's cached reads, all of one version of the guild. */
interface Entry {
  version: number;
  /** Member pages by shape (`MemberPageShape`), oldest first. */
  pages: [shape: string, rows: SerializedMember[]][];
}
type SerializedMember = { userId: string; guildId: string; role: GuildMemberRow['role']; joinedAt: string; contributed: string };

const keyOf = (guildId: string) => `social:guild-page:${guildId}`;

/**
 * Guild pages in Redis (docs/decisions.md, "Guild pages are cached by version"): one key per guild
 * holding its member pages, each entry naming the guild's `version` it was read at. A read is
 * served only when that equals the version of the guild row the request read from the database,
 * which every change moves on in its own transaction, so an entry that outlived its change (the
 * after-commit `forget` failed or raced) is never served: it is read as a miss and replaced.
 * Redis being down is a miss, and writes to it are best effort.
 */
export class GuildPagesCache {
  constructor(
    private readonly redis: RedisPort,
    private readonly logger: Logger,
  ) {}

  /** Each guild's cached page of that shape at that version, or undefined (a miss). */
  async memberPages(keys: readonly { guildId: string; version: number; shape: string }[]): Promise<(GuildMemberRow[] | undefined)[]> {
    if (keys.length === 0) return [];
    const guildIds = [...new Set(keys.map((k) => k.guildId))];
    let raw: (string | null)[];
    try {
      raw = await this.redis.mget(guildIds.map(keyOf));
    } catch (error) {
      this.logger.warn({ err: error }, 'guild page cache unreadable; reading the database');
      return keys.map(() => undefined);
    }
    const entries = new Map(guildIds.map((id, i) => [id, parse(raw[i] ?? null)]));
    return keys.map((k) => {
      const entry = entries.get(k.guildId);
      if (!entry || entry.version !== k.version) return undefined;
      return entry.pages.find(([shape]) => shape === k.shape)?.[1].map(deserialize);
    });
  }

  /**
   * Stores pages read at `version` beside the guild's other pages of that version (an entry of
   * another version is replaced). Read-modify-write: two writers at once may drop one's page,
   * which is only a later miss.
   */
  async saveMemberPages(guildId: string, version: number, pages: readonly { shape: string; rows: GuildMemberRow[] }[]): Promise<void> {
    try {
      const current = parse(await this.redis.get(keyOf(guildId)));
      const kept = current?.version === version ? current.pages.filter(([shape]) => !pages.some((p) => p.shape === shape)) : [];
      const entry: Entry = { version, pages: [...kept, ...pages.map((p): [string, SerializedMember[]] => [p.shape, p.rows.map(serialize)])].slice(-MAX_PAGES_PER_GUILD) };
      await this.redis.set(keyOf(guildId), JSON.stringify(entry), GUILD_PAGE_TTL_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error, guildId }, 'could not cache a guild page');
    }
  }

  /** Drops a guild's pages: run after a change commits (never inside its transaction). */
  async forget(guildIds: readonly string[]): Promise<void> {
    if (guildIds.length) await this.redis.del(guildIds.map(keyOf));
  }
}

function parse(raw: string | null): Entry | undefined {
  if (!raw) return undefined;
  try {
    const entry = JSON.parse(raw) as Entry;
    return Number.isInteger(entry.version) && Array.isArray(entry.pages) ? entry : undefined;
  } catch {
    return undefined;
  }
}
const serialize = (row: GuildMemberRow): SerializedMember => ({ ...row, joinedAt: row.joinedAt.toISOString(), contributed: String(row.contributed) });
const deserialize = (row: SerializedMember): GuildMemberRow => ({ ...row, joinedAt: new Date(row.joinedAt), contributed: BigInt(row.contributed) });
