import { BadUserInputError } from './errors.js';

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
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : request.cursor != null,
      hasPreviousPage: request.direction === 'backward' ? hasMore : request.cursor != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
