const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row ids are UUIDs; anything else a client sends as an id matches nothing. */
export const isUuid = (value: string) => UUID.test(value);

/**
 * Rows for the ids, in the ids' order, undefined where missing: one fetch for any number of ids.
 * Ids that are not UUIDs match nobody and never reach the query (PostgreSQL would reject them).
 */
export async function findByUuids<T extends { id: string }>(
  ids: readonly string[],
  fetch: (uuids: string[]) => Promise<T[]>,
): Promise<(T | undefined)[]> {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await fetch(valid) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}
