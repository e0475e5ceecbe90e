import { BadUserInputError } from './errors.js';
import { isUuid } from './ids.js';

/** Relay connection arguments, as every paginated field accepts them. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/** Opaque cursor over any JSON-able sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, field: string): T {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new BadUserInputError(`${field} is not a valid cursor.`, field);
  }
}

/**
 * What a store must fetch for a forward or backward page: direction, the cursor key to start
 * after, and how many rows (one extra tells whether another page exists).
 */
export interface PageRequest<K> {
  direction: 'forward' | 'backward';
  cursor: K | null;
  take: number;
  size: number;
}

export function pageRequest<K>(args: ConnectionArgs): PageRequest<K> {
  if (args.first != null && args.last != null) throw new BadUserInputError('Pass either first or last, not both.', 'first');
  // A page runs one way from one cursor: an argument that would be ignored is refused instead.
  if (args.after != null && args.before != null) throw new BadUserInputError('Pass either after (with first) or before (with last), not both.', 'before');
  if (args.first != null && args.before != null) throw new BadUserInputError('before pages backward: pass last with it, not first.', 'before');
  if (args.last != null && args.after != null) throw new BadUserInputError('after pages forward: pass first with it, not last.', 'after');
  for (const field of ['first', 'last'] as const) {
    const value = args[field];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new BadUserInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}.`, field);
    }
  }
  if (args.last != null || (args.before != null && args.first == null)) {
    const size = args.last ?? DEFAULT_PAGE_SIZE;
    return { direction: 'backward', cursor: args.before ? decodeCursor<K>(args.before, 'before') : null, take: size + 1, size };
  }
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  return { direction: 'forward', cursor: args.after ? decodeCursor<K>(args.after, 'after') : null, take: size + 1, size };
}

/**
 * Builds the connection from rows fetched per `pageRequest` (in the page's direction, with up
 * to one extra row).
 */
export function toConnection<T, K>(rows: T[], request: PageRequest<K>, keyOf: (row: T) => K): Connection<T> {
  const hasMore = rows.length > request.size;
  const page = rows.slice(0, request.size);
  if (request.direction === 'backward') page.reverse();
  // Cursors are encoded only when read: a page of 100 whose client selects no cursor encodes none.
  const edges = page.map((node) => ({
    node,
    get cursor() {
      return encodeCursor(keyOf(node));
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : request.cursor != null,
      hasPreviousPage: request.direction === 'backward' ? hasMore : request.cursor != null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
  };
}

/** A position in a list ordered by a timestamp, ties broken by a UUID: how most lists here sort. */
export interface TimeIdKey {
  at: Date;
  id: string;
}

/** The key a client sent back in a cursor; anything else is BAD_USER_INPUT naming the argument. */
export function parseTimeIdKey(raw: unknown, field: string): TimeIdKey {
  const { at, id } = (raw ?? {}) as Record<string, unknown>;
  const date = typeof at === 'string' ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw new BadUserInputError(`${field} is not a valid cursor.`, field);
  }
  return { at: date, id };
}

/** Turns connection arguments into a keyset page request on (timestamp, id), validating the cursor. */
export function timeIdPageRequest(args: ConnectionArgs): PageRequest<TimeIdKey> {
  const request = pageRequest<unknown>(args);
  const field = request.direction === 'forward' ? 'after' : 'before';
  return { ...request, cursor: request.cursor == null ? null : parseTimeIdKey(request.cursor, field) };
}

/**
 * The `where` and `orderBy` of one keyset page over a (timestamp, id) pair of columns, for Prisma.
 * `newestFirst` lists run from the latest timestamp; backward pages run the other way and
 * `toConnection` puts them back in list order.
 */
export function timeIdKeyset<T extends string, I extends string>(
  columns: { time: T; id: I; newestFirst?: boolean },
  request: PageRequest<TimeIdKey>,
): { where: Record<string, unknown> | null; orderBy: Record<T | I, 'asc' | 'desc'>[] } {
  const ascending = (request.direction === 'forward') !== !!columns.newestFirst;
  const beyond = <V>(value: V) => (ascending ? { gt: value } : { lt: value });
  const order = ascending ? 'asc' : 'desc';
  const cursor = request.cursor;
  return {
    where: cursor
      ? { OR: [{ [columns.time]: beyond(cursor.at) }, { [columns.time]: cursor.at, [columns.id]: beyond(cursor.id) }] }
      : null,
    orderBy: [{ [columns.time]: order } as Record<T | I, 'asc' | 'desc'>, { [columns.id]: order } as Record<T | I, 'asc' | 'desc'>],
  };
}

/** The cursor key of a row in a list ordered by a bigint sequence (chat messages, notifications). */
export const seqKey = (seq: bigint): string => seq.toString();

/** The sequence in a cursor key a client sent back; anything else is their mistake. */
export function parseSeqKey(raw: unknown, field: string): bigint {
  // 19 digits is as long as a positive PostgreSQL bigint gets.
  if (typeof raw !== 'string' || !/^\d{1,19}$/.test(raw) || BigInt(raw) > 9_223_372_036_854_775_807n) {
    throw new BadUserInputError(`${field} is not a valid cursor.`, field);
  }
  return BigInt(raw);
}
