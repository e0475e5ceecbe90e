import type { CatalogCharacter, CatalogQuest, ContentCatalog, QuestTheme } from '../catalog/content.js';
import { characterKey, idOfKey, questKey } from './interactions.js';
import { applyBusinessRules, isNewPlayer, isReturningPlayer, type PlayerStanding } from './personalization-rules.js';
import { rankItems, type ItemModel, type RecommendationBasis } from './recommender.js';

/** What analytics knows of one player, read for personalization. */
export interface PlayerFacts extends PlayerStanding {
  /** Per item key (`quest:…`, `character:…`): summed interaction weights and completions. */
  items: ReadonlyMap<string, { strength: number; completions: number }>;
}

export type UiHint = 'ONBOARDING_TIPS' | 'WELCOME_BACK' | 'TRY_NEW_CHARACTER';

export interface Recommended<T> {
  item: T;
  score: number;
  basis: RecommendationBasis;
}

export interface Experience {
  quests: Recommended<CatalogQuest>[];
  characters: Recommended<CatalogCharacter>[];
  difficulty: number;
  rewards: { quest: CatalogQuest; coins: number; xp: number; multiplier: number }[];
  uiHints: UiHint[];
  favoriteQuestTheme: QuestTheme | null;
  newPlayer: boolean;
  returningPlayer: boolean;
}

/** Difficulty for a player who has completed no quest yet. */
export const STARTING_DIFFICULTY = 0.2;
/** How far above the mean difficulty of their completed quests a player is pushed. */
export const DIFFICULTY_STEP = 0.05;

/**
 * The difficulty the model proposes: a step above the mean difficulty of the catalog quests the
 * player completed (STARTING_DIFFICULTY with none), within 0–1, to two decimals.
 */
export function proposedDifficulty(completed: readonly CatalogQuest[]): number {
  if (completed.length === 0) return STARTING_DIFFICULTY;
  const mean = completed.reduce((sum, q) => sum + q.difficulty, 0) / completed.length;
  return Math.round(Math.min(1, Math.max(0, mean + DIFFICULTY_STEP)) * 100) / 100;
}

/** The theme of most of the player's completed quests (a tie: the theme met first in catalog order). */
function favoriteTheme(completed: readonly CatalogQuest[]): QuestTheme | null {
  const counts = new Map<QuestTheme, number>();
  for (const q of completed) counts.set(q.theme, (counts.get(q.theme) ?? 0) + 1);
  let best: QuestTheme | null = null;
  for (const [theme, n] of counts) if (best === null || n > counts.get(best)!) best = theme;
  return best;
}

/**
 * A player's experience: quests and characters ranked by the model (popularity for a cold start),
 * the difficulty and rewards, then the business rules, then the lists cut to their limits.
 */
export function personalize(input: {
  catalog: ContentCatalog;
  model: ItemModel | null;
  player: PlayerFacts;
  now: number;
  limits: { quests: number; characters: number };
}): Experience {
  const { catalog, model, player, now, limits } = input;
  const strengths = new Map([...player.items].map(([key, v]) => [key, v.strength]));
  const completed = [...catalog.quests.values()].filter((q) => (player.items.get(questKey(q.id))?.completions ?? 0) > 0);
  const quests = rankItems(model, strengths, [...catalog.quests.keys()].map(questKey)).map((s) => ({
    item: catalog.quests.get(idOfKey(s.itemKey))!,
    score: s.score,
    basis: s.basis,
    difficulty: catalog.quests.get(idOfKey(s.itemKey))!.difficulty,
  }));
  const characters = rankItems(model, strengths, [...catalog.characters.keys()].map(characterKey))
    .slice(0, limits.characters)
    .map((s) => ({ item: catalog.characters.get(idOfKey(s.itemKey))!, score: s.score, basis: s.basis }));
  const rewardsOf = quests.map((q) => ({ quest: q.item, ...q.item.reward }));
  const ruled = applyBusinessRules({ difficulty: proposedDifficulty(completed), quests, rewards: rewardsOf }, player, now);
  const shown = ruled.quests.slice(0, limits.quests);
  const rewardOf = new Map(ruled.rewards.map((r) => [r.quest.id, r]));
  const rewards = shown.map((q) => rewardOf.get(q.item.id)!);
  const newPlayer = isNewPlayer(player);
  const returningPlayer = isReturningPlayer(player, now);
  const charactersPlayed = [...player.items.keys()].filter((key) => key.startsWith('character:') && catalog.characters.has(idOfKey(key))).length;
  const uiHints: UiHint[] = [];
  if (newPlayer) uiHints.push('ONBOARDING_TIPS');
  if (returningPlayer) uiHints.push('WELCOME_BACK');
  if (charactersPlayed <= 1 && characters.length > 0) uiHints.push('TRY_NEW_CHARACTER');
  return {
    quests: shown.map(({ item, score, basis }) => ({ item, score, basis })),
    characters,
    difficulty: ruled.difficulty,
    rewards,
    uiHints,
    favoriteQuestTheme: favoriteTheme(completed),
    newPlayer,
    returningPlayer,
  };
}
