// searchGuilds' store query against the one before the tiered plan (ts_rank over every match), the
// same texts interleaved so both see the same load: node --import tsx bench/guilds/search-ab.ts
// (DATABASE_URL: a PostgreSQL database already holding the bench's guilds).
import { openDatabase, prismaSql } from '../../platform/db/index.js';
import { prefixQuery, searchTerms } from '../../platform/search-text.js';
import { GuildsStore } from '../../subgraphs/social/store/guilds.store.js';
import { f1, percentile, sorted } from '../lib/common.js';

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: 'memory://' });
const store = new GuildsStore(db.prisma);
const sql = prismaSql(db.prisma);
const texts = ['night', 'owls', 'wolves', 'iron', 'storm', 'red', 'blue', 'dragons', 'silent', 'golden', 'shadow', 'knights', 'night ow', 'storm dra', 'gold', 'sil kni', 'a1b', 'ff'];
const before = (query: string, tag: string | null, hasSpace: boolean | null) =>
  sql.query(
    `SELECT id FROM guilds g
     WHERE g.search_vector @@ to_tsquery('simple', $1)
       AND ($3::boolean IS NULL OR ((SELECT count(*) FROM guild_members m WHERE m.guild_id = g.id) < g.max_members) = $3)
     ORDER BY (g.tag_key IS NOT DISTINCT FROM $2::text)::int DESC, ts_rank(g.search_vector, to_tsquery('simple', $1)) DESC, g.xp DESC, g.id
     LIMIT 21`,
    [query, tag, hasSpace],
  );
const times = { before: [] as number[], after: [] as number[] };
for (let round = 0; round < 12; round++) {
  for (const [i, text] of texts.entries()) {
    const terms = searchTerms(text)!;
    const query = prefixQuery(terms);
    const tag = terms.length === 1 ? terms[0]!.toUpperCase() : null;
    const hasSpace = i % 3 === 0 ? true : null;
    const runs: [keyof typeof times, () => Promise<unknown>][] = [
      ['before', () => before(query, tag, hasSpace)],
      ['after', () => store.search({ query, tag, isPublic: null, hasSpace, level: null, skip: 0, take: 21 })],
    ];
    if (round % 2) runs.reverse();
    for (const [name, run] of runs) {
      const t0 = performance.now();
      await run();
      if (round >= 2) times[name].push(performance.now() - t0);
    }
  }
}
for (const [name, ms] of Object.entries(times)) {
  const s = sorted(ms);
  console.log(`${name.padEnd(7)} n=${ms.length} p50 ${f1(percentile(s, 0.5))} ms  p95 ${f1(percentile(s, 0.95))} ms  p99 ${f1(percentile(s, 0.99))} ms`);
}
await db.close();
