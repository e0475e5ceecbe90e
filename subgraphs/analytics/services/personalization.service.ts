import type DataLoader from 'dataloader';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError, ForbiddenError } from '../../../platform/errors.js';
import type { ContentCatalog } from '../catalog/content.js';
import { personalize, type Experience } from '../domain/personalization.js';
import type { PlayerFactsRow } from '../store/personalization.store.js';
import type { Admins } from './admins.js';
import type { RecommenderService } from './recommender.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_RECOMMENDED_QUESTS = 20;
export const MAX_RECOMMENDED_CHARACTERS = 10;

export interface ExperienceRequest {
  userId?: string | null;
  quests?: number | null;
  characters?: number | null;
}

/** `PersonalizedExperience` as resolvers return it. */
export interface PersonalizedExperienceModel {
  userId: string;
  recommendedQuests: { quest: Experience['quests'][number]['item']; score: number; basis: Experience['quests'][number]['basis'] }[];
  recommendedCharacters: { character: Experience['characters'][number]['item']; score: number; basis: Experience['characters'][number]['basis'] }[];
  difficultyAdjustment: number;
  personalizedRewards: Experience['rewards'];
  uiHints: Experience['uiHints'];
  favoriteQuestTheme: Experience['favoriteQuestTheme'];
  newPlayer: boolean;
  returningPlayer: boolean;
  model: { trainedAt: Date; players: number; interactions: number } | null;
}

function limit(value: number | null | undefined, fallback: number, max: number, field: string): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadUserInputError(`${field} must be a whole number from 1 to ${max}.`, field);
  return value;
}

/** A player's personalized experience: the signed-in player's own, or any player's for an ADMIN. */
export class PersonalizationService {
  constructor(
    private readonly deps: { recommender: RecommenderService; catalog: ContentCatalog; admins: Admins; now?: () => number },
  ) {}

  async experience(viewer: Viewer, request: ExperienceRequest, facts: DataLoader<string, PlayerFactsRow>): Promise<PersonalizedExperienceModel> {
    const viewerId = requireUser(viewer);
    const userId = (request.userId ?? viewerId).toLowerCase();
    // The id's shape first: a malformed id is BAD_USER_INPUT for everyone, as the SDL says.
    if (!UUID.test(userId)) throw new BadUserInputError('userId must be a player id.', 'userId');
    if (userId !== viewerId.toLowerCase() && !(await this.deps.admins.is(viewer))) {
      throw new ForbiddenError("Only the player themselves or an ADMIN can read a player's personalized experience.");
    }
    const limits = {
      quests: limit(request.quests, 5, MAX_RECOMMENDED_QUESTS, 'quests'),
      characters: limit(request.characters, 3, MAX_RECOMMENDED_CHARACTERS, 'characters'),
    };
    const [stored, player] = await Promise.all([this.deps.recommender.current(), facts.load(userId)]);
    const x = personalize({ catalog: this.deps.catalog, model: stored?.model ?? null, player, now: this.deps.now?.() ?? Date.now(), limits });
    return {
      userId,
      recommendedQuests: x.quests.map((r) => ({ quest: r.item, score: r.score, basis: r.basis })),
      recommendedCharacters: x.characters.map((r) => ({ character: r.item, score: r.score, basis: r.basis })),
      difficultyAdjustment: x.difficulty,
      personalizedRewards: x.rewards,
      uiHints: x.uiHints,
      favoriteQuestTheme: x.favoriteQuestTheme,
      newPlayer: x.newPlayer,
      returningPlayer: x.returningPlayer,
      model: stored ? { trainedAt: stored.trainedAt, players: stored.model.players, interactions: stored.model.interactions } : null,
    };
  }
}
