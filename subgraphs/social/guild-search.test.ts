import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/index.js';
import { openTestDatabase } from '../../platform/testing.js';
import { prefixQuery, searchTerms } from '../../platform/search-text.js';
import { GuildsStore } from './store/guilds.store.js';

// searchGuilds' two plans give one order: the page looked for among the guilds with the most XP
// (name matches fill it), and every match ranked (a page reaching description matches, rare words):
// exact tag, then name and tag matches by XP, then description matches by XP.

let db: Database;
let store: GuildsStore;
const word = `s${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const names: { id: string; xp: number }[] = [];
const described: { id: string; xp: number }[] = [];
let tagged = '';

beforeAll(async () => {
  db = await openTestDatabase();
  store = new GuildsStore(db.prisma);
  for (let i = 0; i < 30; i++) {
    const g = await db.prisma.guild.create({ data: { name: `${word} band ${i}`, nameKey: `${word}_band_${i}`, tag: 'SB', tagKey: `SB${i}${word}`.slice(0, 20), xp: (i * 37) % 101 } });
    names.push({ id: g.id, xp: Number(g.xp) });
  }
  for (let i = 0; i < 5; i++) {
    const g = await db.prisma.guild.create({ data: { name: `quiet ${word.slice(1)} ${i}`, nameKey: `quiet_${word}_${i}`, tag: 'Q', description: `We like ${word}.`, xp: 10_000 + i } });
    described.push({ id: g.id, xp: Number(g.xp) });
  }
  // A guild whose tag is the word searched (and whose name does not hold it): first of all.
  const t = await db.prisma.guild.create({ data: { name: `tag holder ${word.slice(2)}`, nameKey: `tag_${word}`, tag: word, tagKey: word.toUpperCase(), xp: 0 } });
  tagged = t.id;
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const byXp = (rows: { id: string; xp: number }[]) => [...rows].sort((a, b) => b.xp - a.xp || (a.id < b.id ? -1 : 1)).map((r) => r.id);
const search = (skip: number, take: number, text = word) => {
  const terms = searchTerms(text)!;
  return store.search({ query: prefixQuery(terms), tag: terms.length === 1 ? terms[0]!.toUpperCase() : null, isPublic: null, hasSpace: null, level: null, skip, take });
};

describe('guild search order', () => {
  it('puts the exact tag first, then name matches by XP, then description matches by XP, page after page', async () => {
    const expected = [tagged, ...byXp(names), ...byXp(described)];
    const pages: string[] = [];
    for (let skip = 0; skip < expected.length; skip += 7) pages.push(...(await search(skip, 7)).map((g) => g.id));
    expect(pages).toEqual(expected);
    // The first page within name matches (the windowed plan) and one reaching descriptions (every match ranked).
    expect((await search(0, 10)).map((g) => g.id)).toEqual(expected.slice(0, 10));
    expect((await search(28, 5)).map((g) => g.id)).toEqual(expected.slice(28, 33));
  });
});
