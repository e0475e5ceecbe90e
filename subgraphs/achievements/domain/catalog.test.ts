import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_CATEGORIES, asSeenBy, CatalogError, HIDDEN_DESCRIPTION, HIDDEN_NAME, parseCatalog, RARITIES } from './catalog.js';

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
const EVENT_TYPES = ['COMBAT_WON', 'COMBAT_LOST', 'QUEST_COMPLETED'];
const catalogOf = (...achievements: unknown[]) => ({ version: 3, eventTypes: EVENT_TYPES, achievements });

describe('parseCatalog', () => {
  it('accepts a good catalog, keeping order, typed rewards and typed rules', () => {
    const parsed = parseCatalog(
      catalogOf(
        entry('first_blood'),
        entry('combat_master', {
          prerequisites: ['first_blood'],
          rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 50 }, { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' }],
          rule: { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 1000 },
        }),
      ),
    );
    expect(parsed.version).toBe(3);
    expect(parsed.achievements.map((a) => a.id)).toEqual(['first_blood', 'combat_master']);
    expect(parsed.achievements[1]).toMatchObject({
      rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 50 }, { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' }],
      rule: { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 1000 },
    });
  });

  it('accepts the shipped catalog file: 50+ achievements over every category, rarity and rule kind', () => {
    const file = JSON.parse(readFileSync(new URL('../catalog/achievements.json', import.meta.url), 'utf8'));
    const parsed = parseCatalog(file);
    expect(parsed.version).toBe(2);
    expect(parsed.eventTypes).toEqual([
      'SESSION_COMPLETED', 'CHARACTER_CREATED', 'COMBAT_WON', 'COMBAT_LOST', 'QUEST_COMPLETED', 'SOCIAL_INTERACTION', 'STREAK_MAINTAINED',
      'GUILD_CREATED', 'GUILD_JOINED', 'GUILD_CONTRIBUTION', 'GUILD_WAR_WON', 'TOURNAMENT_MATCH_WON', 'TOURNAMENT_COMPLETED', 'LEVEL_UP',
    ]);
    const { achievements } = parsed;
    expect(achievements.length).toBeGreaterThanOrEqual(50);
    expect(new Set(achievements.map((a) => a.category))).toEqual(new Set(ACHIEVEMENT_CATEGORIES));
    expect(new Set(achievements.map((a) => a.rarity))).toEqual(new Set(RARITIES));
    expect(new Set(achievements.map((a) => a.rule.type))).toEqual(new Set(['count', 'sum', 'distinct', 'streak', 'run', 'threshold']));
    expect(new Set(achievements.map((a) => a.rule.window?.kind).filter(Boolean))).toEqual(new Set(['fixed', 'rolling']));
    expect(achievements.filter((a) => a.hidden).length).toBeGreaterThanOrEqual(3);
    // Rarer is scarcer: fewer LEGENDARY than EPIC, fewer EPIC than UNCOMMON.
    const ofRarity = (r: string) => achievements.filter((a) => a.rarity === r).length;
    expect(ofRarity('LEGENDARY')).toBeLessThan(ofRarity('EPIC'));
    expect(ofRarity('EPIC')).toBeLessThan(ofRarity('UNCOMMON'));

    const byId = new Map(achievements.map((a) => [a.id, a]));
    expect(byId.get('first_blood')).toMatchObject({ rarity: 'COMMON', rewards: [{ kind: 'XP', amount: 100 }], rule: { type: 'count', event: 'COMBAT_WON', target: 1 } });
    expect(byId.get('combat_master')).toMatchObject({ rarity: 'RARE', rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 50 }], rule: { type: 'count', event: 'COMBAT_WON', target: 100 } });
    expect(byId.get('legendary_warrior')).toMatchObject({
      category: 'COMBAT',
      rarity: 'LEGENDARY',
      rewards: [{ kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' }],
      rule: { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST'], target: 1000 },
    });
    expect(byId.get('week_warrior')).toMatchObject({ rarity: 'UNCOMMON', rewards: [{ kind: 'XP', amount: 500 }], rule: { type: 'streak', target: 7 } });
    expect(byId.get('month_master')).toMatchObject({ rarity: 'EPIC', rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 200 }], rule: { type: 'streak', target: 30 } });
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
    ['an unknown rule type', catalogOf(entry('a', { rule: { type: 'consecutive', event: 'COMBAT_WON', target: 1 } })), 'achievements.0.rule.type'],
    ['a rule field of another type', catalogOf(entry('a', { rule: { type: 'streak', event: 'COMBAT_WON', days: 7, target: 7 } })), 'achievements.0.rule: Unrecognized key: "days"'],
    ['a rule on an unlisted event type', catalogOf(entry('a', { rule: { type: 'count', event: 'COMBAT_DRAWN', target: 1 } })), 'achievements.0.rule.event: unknown event type "COMBAT_DRAWN"'],
    [
      'a run broken by an unlisted event type',
      catalogOf(entry('a', { rule: { type: 'run', event: 'COMBAT_WON', breaksOn: ['COMBAT_LOST', 'COMBAT_FLED'], target: 5 } })),
      'achievements.0.rule.breaksOn.1: unknown event type "COMBAT_FLED"',
    ],
    ['a duplicate event type', { version: 1, eventTypes: ['COMBAT_WON', 'COMBAT_WON'], achievements: [entry('a')] }, 'eventTypes.1: duplicate event type "COMBAT_WON"'],
    ['no event types', { version: 1, achievements: [entry('a')] }, 'eventTypes'],
    [
      'a prerequisite cycle',
      catalogOf(entry('a', { prerequisites: ['c'] }), entry('b', { prerequisites: ['a'] }), entry('c', { prerequisites: ['b'] })),
      'achievements.0.prerequisites: prerequisites form a cycle: a → c → b → a',
    ],
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

describe('parseCatalog against the wallet', () => {
  // The wallet's largest credit (users' WALLET_MAX_AMOUNT, 1e9): one unlock's rewards are one credit.
  const limits = { maxRewardAmount: 1_000_000_000 };
  const rewarding = (...rewards: unknown[]) => catalogOf(entry('a', { rewards }));
  const xp = (amount: unknown) => ({ kind: 'XP', amount });
  const premium = (amount: unknown) => ({ kind: 'PREMIUM_CURRENCY', amount });
  const sword = { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' };

  it.each([
    ['the largest credit', rewarding(xp(1_000_000_000))],
    ['a single point', rewarding(premium(1))],
    ['the largest credit of each asset', rewarding(xp(1_000_000_000), premium(1_000_000_000), sword)],
    ['two rewards of one asset that add up to the largest credit', rewarding(xp(600_000_000), xp(400_000_000))],
    ['no reward', rewarding()],
  ])('accepts %s', (_case, input) => {
    expect(parseCatalog(input, limits).achievements[0]!.id).toBe('a');
  });

  it.each([
    ['one more than the largest credit', rewarding(xp(1_000_000_001)), ['achievements.0.rewards.0.amount: must be at most 1000000000 (the wallet\'s largest credit)']],
    ['a currency reward over it', rewarding(sword, premium(2_000_000_000)), ['achievements.0.rewards.1.amount: must be at most 1000000000 (the wallet\'s largest credit)']],
    [
      'rewards of one asset that add up to more',
      rewarding(xp(600_000_000), premium(5), xp(400_000_001)),
      ['achievements.0.rewards: XP rewards add up to 1000000001, more than the wallet\'s largest credit (1000000000)'],
    ],
    ['a zero amount', rewarding(xp(0)), ['achievements.0.rewards.0.amount: Too small: expected number to be >0']],
    ['a fractional amount', rewarding(premium(2.5)), ['achievements.0.rewards.0.amount: Invalid input: expected int, received number']],
  ])('refuses %s', (_case, input, problems) => {
    try {
      parseCatalog(input, limits);
      expect.unreachable('an invalid catalog was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      for (const problem of problems) expect((error as CatalogError).problems.join('\n')).toContain(problem);
      expect((error as CatalogError).problems).toHaveLength(problems.length);
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
