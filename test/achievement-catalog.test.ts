import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../launcher/all-in-one.js';
import { ConfigError } from '../platform/config.js';
import { CATALOG_PATH } from '../subgraphs/achievements/config.js';
import { readCatalogFile } from '../subgraphs/achievements/services/catalog.service.js';
import { testEnv } from './support/platform.js';

// A catalog is configuration: one that is missing, malformed, or whose rewards the wallet would
// refuse (more than its largest credit, 1e9) stops start-up with one message listing every problem.
let dir: string;
let shipped: { achievements: { rewards: { kind: string; amount?: number }[] }[] } & Record<string, unknown>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gp-catalog-'));
  shipped = JSON.parse(await readFile(CATALOG_PATH, 'utf8'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The shipped catalog with the first two achievements' rewards replaced. */
async function catalogFile(name: string, first: unknown[], second: unknown[]): Promise<string> {
  const [a, b, ...rest] = shipped.achievements;
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({ ...shipped, achievements: [{ ...a, rewards: first }, { ...b, rewards: second }, ...rest] }));
  return file;
}

const problemsOf = (file: string, ...problems: string[]) => `achievements: invalid catalog ${file} (ACHIEVEMENTS_CATALOG_PATH):\n${problems.map((p) => `  ${p}`).join('\n')}`;

describe('the achievement catalog file', () => {
  it('accepts the shipped catalog, whose every reward fits one wallet credit', () => {
    const catalog = readCatalogFile();
    expect(catalog.achievements.length).toBeGreaterThan(50);
  });

  it('accepts rewards up to the wallet’s largest credit', async () => {
    const file = await catalogFile('largest.json', [{ kind: 'XP', amount: 1_000_000_000 }], [{ kind: 'PREMIUM_CURRENCY', amount: 600_000_000 }, { kind: 'PREMIUM_CURRENCY', amount: 400_000_000 }]);
    expect(readCatalogFile(file).achievements[0]!.rewards).toEqual([{ kind: 'XP', amount: 1_000_000_000 }]);
  });

  it.each([
    [
      'rewards the wallet would refuse',
      () => catalogFile('too-big.json', [{ kind: 'XP', amount: 1_000_000_001 }], [{ kind: 'PREMIUM_CURRENCY', amount: 999_999_999 }, { kind: 'PREMIUM_CURRENCY', amount: 2 }]),
      [
        "achievements.0.rewards.0.amount: must be at most 1000000000 (the wallet's largest credit)",
        "achievements.1.rewards: PREMIUM_CURRENCY rewards add up to 1000000001, more than the wallet's largest credit (1000000000)",
      ],
    ],
    ['a file that is not JSON', () => writeFile(path.join(dir, 'broken.json'), '{ "version": 3,').then(() => path.join(dir, 'broken.json')), ['Expected']],
    ['a missing file', async () => path.join(dir, 'missing.json'), ['ENOENT']],
  ])('refuses %s with a configuration error listing every problem', async (_case, make, problems) => {
    const file = await make();
    let refusal: unknown;
    try {
      readCatalogFile(file);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    const lines = (refusal as Error).message.split('\n');
    expect(lines[0]).toBe(`achievements: invalid catalog ${file} (ACHIEVEMENTS_CATALOG_PATH):`);
    expect(lines).toHaveLength(problems.length + 1);
    problems.forEach((problem, i) => expect(lines[i + 1]).toContain(problem));
  });

  it('stops the platform’s start with that one message', async () => {
    const file = await catalogFile('start.json', [{ kind: 'XP', amount: 5_000_000_000 }], [{ kind: 'XP', amount: 10 }]);
    const started = startPlatform(testEnv({ ACHIEVEMENTS_CATALOG_PATH: file }));
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(problemsOf(file, "achievements.0.rewards.0.amount: must be at most 1000000000 (the wallet's largest credit)"));
  });
});
