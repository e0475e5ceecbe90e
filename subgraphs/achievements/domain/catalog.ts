import { z } from 'zod';
import { eventTypeSchema, ruleSchema, type Rule } from './rules.js';

export const ACHIEVEMENT_CATEGORIES = ['COMBAT', 'EXPLORATION', 'SOCIAL', 'CREATIVE', 'SPECIAL'] as const;
export const RARITIES = ['COMMON', 'UNCOMMON', 'RARE', 'EPIC', 'LEGENDARY'] as const;

const id = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be 1–64 lowercase letters, digits or underscores');
const amount = z.number().int().positive();

const reward = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('XP'), amount }),
  z.strictObject({ kind: z.literal('PREMIUM_CURRENCY'), amount }),
  z.strictObject({ kind: z.literal('EXCLUSIVE_ITEM'), itemId: id }),
]);

const definition = z.strictObject({
  id,
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().min(1).max(280),
  category: z.enum(ACHIEVEMENT_CATEGORIES),
  rarity: z.enum(RARITIES),
  icon: z.string().min(1),
  hidden: z.boolean().default(false),
  points: z.number().int().min(0),
  rewards: z.array(reward),
  prerequisites: z.array(id).default([]),
  rule: ruleSchema,
});

/** What a catalog is checked against besides its own consistency. */
export interface CatalogLimits {
  /**
   * The most one reward credit may move of one asset: the wallet's per-operation maximum (the
   * users subgraph refuses a bigger credit, so an unlock would never pay out). Unset: unchecked.
   */
  maxRewardAmount?: number;
}

const catalogSchema = ({ maxRewardAmount = Number.POSITIVE_INFINITY }: CatalogLimits) => z
  .strictObject({
    version: z.number().int().positive(),
    /** Every event type the platform records; adding one is a data change. */
    eventTypes: z.array(eventTypeSchema).min(1),
    achievements: z.array(definition).min(1),
  })
  .superRefine(({ eventTypes, achievements }, ctx) => {
    const known = new Set<string>();
    eventTypes.forEach((type, i) => {
      if (known.has(type)) ctx.addIssue({ code: 'custom', path: ['eventTypes', i], message: `duplicate event type "${type}"` });
      known.add(type);
    });
    achievements.forEach((a, i) => {
      if (!known.has(a.rule.event)) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'rule', 'event'], message: `unknown event type "${a.rule.event}"` });
      if (a.rule.type === 'run') {
        a.rule.breaksOn.forEach((type, j) => {
          if (!known.has(type)) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'rule', 'breaksOn', j], message: `unknown event type "${type}"` });
        });
      }
    });
    achievements.forEach((a, i) => {
      for (const problem of rewardProblems(a.rewards, maxRewardAmount)) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'rewards', ...problem.path], message: problem.message });
    });
    const ids = new Set<string>();
    achievements.forEach((a, i) => {
      if (ids.has(a.id)) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'id'], message: `duplicate id "${a.id}"` });
      ids.add(a.id);
    });
    achievements.forEach((a, i) => {
      a.prerequisites.forEach((p, j) => {
        if (!ids.has(p)) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'prerequisites', j], message: `unknown achievement "${p}"` });
        if (p === a.id) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'prerequisites', j], message: 'cannot require itself' });
      });
    });
    // A cycle of prerequisites could never be unlocked.
    const requires = new Map(achievements.map((a) => [a.id, a.prerequisites.filter((p) => p !== a.id)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycleThrough = (id: string, trail: string[]): string[] | null => {
      if (state.get(id) === 'done') return null;
      if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id];
      state.set(id, 'visiting');
      for (const p of requires.get(id) ?? []) {
        const cycle = cycleThrough(p, [...trail, id]);
        if (cycle) return cycle;
      }
      state.set(id, 'done');
      return null;
    };
    achievements.forEach((a, i) => {
      const cycle = cycleThrough(a.id, []);
      // Report each cycle once: what it passed through is settled.
      for (const [id, mark] of state) if (mark === 'visiting') state.set(id, 'done');
      if (cycle) ctx.addIssue({ code: 'custom', path: ['achievements', i, 'prerequisites'], message: `prerequisites form a cycle: ${cycle.join(' → ')}` });
    });
  });

export type Catalog = z.infer<ReturnType<typeof catalogSchema>>;
export type AchievementDefinition = Catalog['achievements'][number];
export type Reward = z.infer<typeof reward>;
export type AchievementRule = Rule;

/** The catalog file is broken; the service must not start with it. */
export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid achievement catalog:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

/**
 * An achievement's rewards are paid as one wallet credit per unlock, rewards of one asset added
 * together (users' rewardChanges): each amount, and each asset's sum, must fit one credit.
 */
function rewardProblems(rewards: readonly Reward[], max: number): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const sums = new Map<string, number>();
  rewards.forEach((reward, j) => {
    if (reward.kind === 'EXCLUSIVE_ITEM') return;
    if (reward.amount > max) problems.push({ path: [j, 'amount'], message: `must be at most ${max} (the wallet's largest credit)` });
    else sums.set(reward.kind, (sums.get(reward.kind) ?? 0) + reward.amount);
  });
  for (const [kind, sum] of sums) {
    if (sum > max) problems.push({ path: [], message: `${kind} rewards add up to ${sum}, more than the wallet's largest credit (${max})` });
  }
  return problems;
}

/** Checks a parsed catalog file; definitions keep the file's order. Throws CatalogError listing every problem. */
export function parseCatalog(json: unknown, limits: CatalogLimits = {}): Catalog {
  const parsed = catalogSchema(limits).safeParse(json);
  if (parsed.success) return parsed.data;
  throw new CatalogError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
}

export const HIDDEN_NAME = 'Hidden achievement';
export const HIDDEN_DESCRIPTION = 'Keep playing to discover this one.';

/** A hidden achievement keeps its name and description secret from players who have not unlocked it. */
export function asSeenBy<T extends { hidden: boolean; name: string; description: string }>(achievement: T, viewerUnlockedIt: boolean): T {
  if (!achievement.hidden || viewerUnlockedIt) return achievement;
  return { ...achievement, name: HIDDEN_NAME, description: HIDDEN_DESCRIPTION };
}
