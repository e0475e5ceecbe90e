// The migration that created analytics_player_items also filled it from the events already
// ingested, in SQL; this checks that SQL against the processors' fold (domain/interactions.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, MIGRATIONS_DIR } from '../../../platform/db/index.js';
import { playerItemDeltas } from '../domain/interactions.js';

const MIGRATION = `${MIGRATIONS_DIR}/20261206110000_analytics_personalization/migration.sql`;
const backfill = readFileSync(MIGRATION, 'utf8').split('-- Backfill')[1]!.replace(/^[^\n]*\n(--[^\n]*\n)*/, '');

let db: Database;
beforeAll(async () => {
  // Always a private, empty PGlite: the statement fills the whole table.
  db = await openDatabase({ dataDir: 'memory://' });
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe('the migration backfill of analytics_player_items', () => {
  it('sums the same weights, completions and latest times as the processors', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const at = Date.UTC(2026, 10, 20, 18); // Friday 20 November 2026, 18:00
    const events = [
      { userId: a, eventType: 'QUEST_STARTED', occurredAt: at, properties: { questId: 'wolf-den', characterId: 'ranger' } },
      { userId: a, eventType: 'QUEST_COMPLETED', occurredAt: at + 60_000, properties: { questId: 'wolf-den', characterId: 'ranger' } },
      { userId: a, eventType: 'MATCH_COMPLETED', occurredAt: at + 120_000, properties: { characterId: 'ranger', questId: 'ignored' } },
      { userId: a, eventType: 'LEVEL_STARTED', occurredAt: at - 60_000, properties: { characterId: 'knight' } },
      { userId: b, eventType: 'QUEST_STARTED', occurredAt: at, properties: { questId: 'sky-islands' } },
      { userId: b, eventType: 'QUEST_STARTED', occurredAt: at + 1, properties: { questId: 'Not-An-Id' } },
      { userId: b, eventType: 'QUEST_COMPLETED', occurredAt: at + 2, properties: { questId: 7 } },
      { userId: b, eventType: 'SCREEN_VIEWED', occurredAt: at + 3, properties: { questId: 'sky-islands' } },
    ];
    for (const e of events) {
      await db.sql.query(
        `INSERT INTO analytics_events (id, name, user_id, occurred_at, properties) VALUES ($1::uuid, $2, $3::uuid, $4::timestamptz, $5::jsonb)`,
        [randomUUID(), e.eventType, e.userId, new Date(e.occurredAt).toISOString(), JSON.stringify(e.properties)],
      );
    }
    await db.sql.query(backfill);
    const rows = await db.prisma.analyticsPlayerItem.findMany({ orderBy: [{ userId: 'asc' }, { itemKey: 'asc' }] });
    const expected = playerItemDeltas(events).sort((x, y) => (x.userId + x.itemKey < y.userId + y.itemKey ? -1 : 1));
    expect(rows.map((r) => ({ userId: r.userId, itemKey: r.itemKey, strength: r.strength, completions: r.completions, lastAt: r.lastAt.getTime() }))).toEqual(expected);
    expect(rows.length).toBe(4);
  });
});
