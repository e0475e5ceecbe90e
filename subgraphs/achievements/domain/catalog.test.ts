import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asSeenBy, CatalogError, HIDDEN_DESCRIPTION, HIDDEN_NAME, parseCatalog } from './catalog.js';

const entry = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `Name of ${id}`,
  description: `Do the ${id} thing.`,
  category: 'COMBAT',
  rarity: 'COMMON',
  icon: `icons/${id}`,
  hidden: false,
  points: 10,
  rewards: [{ kind: 'XP', amount: 100 }],
  prerequisites: [],
  rule: { type: 'count', event: 'COMBAT_WON', target: 1 },
  ...overrides,
});
const catalogOf = (...achievements: unknown[]) => ({ version: 3, achievements });

describe('parseCatalog', () => {
  it('accepts a good catalog, keeping order, typed rewards and the rule as given', () => {
    const parsed = parseCatalog(
      catalogOf(
        entry('first_blood'),
        entry('combat_master', {
          prerequisites: ['first_blood'],
          rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 50 }, { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' }],
          rule: { type: 'consecutive', event: 'COMBAT_WON', resetOn: 'COMBAT_LOST', target: 1000 },
        }),
      ),
    );
    expect(parsed.version).toBe(3);
    expect(parsed.achievements.map((a) => a.id)).toEqual(['first_blood', 'combat_master']);
    expect(parsed.achievements[1]).toMatchObject({
      rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 50 }, { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' }],
      rule: { type: 'consecutive', event: 'COMBAT_WON', resetOn: 'COMBAT_LOST', target: 1000 },
    });
  });

  it('accepts the shipped catalog file', () => {
    const file = JSON.parse(readFileSync(new URL('../catalog/achievements.json', import.meta.url), 'utf8'));
    const parsed = parseCatalog(file);
    expect(parsed.achievements.length).toBeGreaterThanOrEqual(10);
    expect(parsed.achievements.some((a) => a.hidden)).toBe(true);
    expect(parsed.achievements.find((a) => a.id === 'legendary_warrior')).toMatchObject({
      category: 'COMBAT',
      rarity: 'LEGENDARY',
      rewards: [{ kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' }],
    });
  });

  it.each([
    ['a duplicate id', catalogOf(entry('first_blood'), entry('first_blood')), 'achievements.1.id: duplicate id "first_blood"'],
    ['an unknown prerequisite', catalogOf(entry('combat_master', { prerequisites: ['first_blod'] })), 'unknown achievement "first_blod"'],
    ['a prerequisite on itself', catalogOf(entry('loop', { prerequisites: ['loop'] })), 'cannot require itself'],
    ['an XP reward without an amount', catalogOf(entry('a', { rewards: [{ kind: 'XP' }] })), 'achievements.0.rewards.0.amount'],
    ['a negative currency reward', catalogOf(entry('a', { rewards: [{ kind: 'PREMIUM_CURRENCY', amount: -5 }] })), 'achievements.0.rewards.0.amount'],
    ['an item reward without an item', catalogOf(entry('a', { rewards: [{ kind: 'EXCLUSIVE_ITEM', amount: 1 }] })), 'achievements.0.rewards.0'],
    ['an unknown reward kind', catalogOf(entry('a', { rewards: [{ kind: 'GOLD', amount: 1 }] })), 'achievements.0.rewards.0.kind'],
    ['an unknown category', catalogOf(entry('a', { category: 'COOKING' })), 'achievements.0.category'],
    ['a rule without an event', catalogOf(entry('a', { rule: { type: 'count', target: 1 } })), 'achievements.0.rule.event'],
    ['no version', { achievements: [entry('a')] }, 'version'],
    ['no achievements', catalogOf(), 'achievements'],
  ])('rejects %s', (_case, input, problem) => {
    expect(() => parseCatalog(input)).toThrow(CatalogError);
    try {
      parseCatalog(input);
    } catch (error) {
      expect((error as CatalogError).problems.join('\n')).toContain(problem);
    }
  });
});

describe('asSeenBy', () => {
  const secret = { id: 'forgotten_shrine', hidden: true, name: 'Whispers of the Forgotten Shrine', description: 'Find the shrine.', points: 100 };

  it('hides a hidden achievement from a player who has not unlocked it', () => {
    expect(asSeenBy(secret, false)).toEqual({ ...secret, name: HIDDEN_NAME, description: HIDDEN_DESCRIPTION });
    expect(HIDDEN_NAME).toBe('Hidden achievement');
    expect(HIDDEN_DESCRIPTION).toBe('Keep playing to discover this one.');
  });

  it('shows it to a player who unlocked it, and never hides a visible one', () => {
    expect(asSeenBy(secret, true)).toBe(secret);
    const visible = { ...secret, hidden: false };
    expect(asSeenBy(visible, false)).toBe(visible);
  });
});
