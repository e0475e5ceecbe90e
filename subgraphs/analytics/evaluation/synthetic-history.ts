import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import type { CatalogCharacter, CatalogQuest, CharacterRole, QuestTheme } from '../catalog/content.js';

/** A seeded source of randomness: the same seed gives the same history on every machine. */
export class SeededRandom {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.rng);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.int(0, 2 ** 30 - 1) / 2 ** 30;
  }

  /** An index drawn with the given (non-negative) weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A Poisson draw (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }
}

/** What a group of players likes: a quest theme and character roles. */
export interface Segment {
  name: string;
  /** Share of the players. */
  share: number;
  theme: QuestTheme;
  roles: readonly CharacterRole[];
}

export const SEGMENTS: readonly Segment[] = [
  { name: 'brawlers', share: 0.3, theme: 'COMBAT', roles: ['FIGHTER', 'TANK'] },
  { name: 'explorers', share: 0.25, theme: 'EXPLORATION', roles: ['SCOUT'] },
  { name: 'thinkers', share: 0.2, theme: 'PUZZLE', roles: ['MAGE'] },
  { name: 'socialites', share: 0.15, theme: 'SOCIAL', roles: ['SUPPORT'] },
  { name: 'completionists', share: 0.1, theme: 'COMBAT', roles: ['FIGHTER', 'MAGE', 'SUPPORT', 'SCOUT', 'TANK'] },
];

/** One synthetic event, shaped like an ingested one (what domain/interactions.ts reads). */
export interface SyntheticEvent {
  userId: string;
  sessionId: string;
  eventType: string;
  occurredAt: number;
  properties: Record<string, unknown>;
}

export interface HistoryOptions {
  seed: number;
  players: number;
  weeks: number;
  /** When the history ends (ms). */
  end: number;
  quests: readonly CatalogQuest[];
  characters: readonly CatalogCharacter[];
}

const DAY = 86_400_000;

/**
 * A realistic-looking history: players join over the first half of the period, belong to a
 * segment (a favourite theme and roles, plus a second theme of their own), have a skill that grows
 * as they complete quests, and play 0.5–8 sessions a week (most play little: a skewed draw). Each
 * session starts one to three quests chosen by taste × global popularity (a Zipf-like skew over a
 * shuffled catalog) × how well the difficulty fits their skill, completes each with a chance that
 * falls with difficulty over skill, and plays them with one of the player's one or two main
 * characters (sometimes another). Events are in time order per player.
 */
export function syntheticHistory(options: HistoryOptions): SyntheticEvent[] {
  const random = new SeededRandom(options.seed);
  const { quests, characters } = options;
  const start = options.end - options.weeks * 7 * DAY;
  // Global popularity: the catalog shuffled, then weight 1 / rank^0.8.
  const order = quests.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const popularity = new Array<number>(quests.length);
  order.forEach((questIndex, rank) => (popularity[questIndex] = 1 / (rank + 1) ** 0.8));
  const themes: QuestTheme[] = ['COMBAT', 'EXPLORATION', 'PUZZLE', 'SOCIAL'];
  const events: SyntheticEvent[] = [];
  for (let p = 0; p < options.players; p++) {
    const userId = `00000000-0000-4000-8000-${p.toString(16).padStart(12, '0')}`;
    const segment = SEGMENTS[random.weighted(SEGMENTS.map((s) => s.share))]!;
    const secondTheme = themes[random.int(0, themes.length - 1)]!;
    const mains = characters.filter((c) => segment.roles.includes(c.role));
    const main = [mains[random.int(0, mains.length - 1)]!];
    if (random.float() < 0.5) main.push(mains[random.int(0, mains.length - 1)]!);
    let skill = 0.1 + 0.5 * random.float();
    // Skewed activity: most players play a session or two a week, a few play daily.
    const perWeek = 0.5 + 7.5 * random.float() ** 2.5;
    const joined = start + random.float() * (options.end - start) * 0.5;
    const completed = new Set<number>();
    let t = joined;
    let session = 0;
    for (;;) {
      t += (7 * DAY / perWeek) * (0.3 + 1.4 * random.float());
      if (t >= options.end) break;
      const sessionId = `s${session++}`;
      let at = t;
      const push = (eventType: string, properties: Record<string, unknown>) => {
        at += 60_000 + random.int(0, 600_000);
        events.push({ userId, sessionId, eventType, occurredAt: Math.min(at, options.end - 1), properties });
      };
      push('SESSION_STARTED', {});
      const played = 1 + random.weighted([0.5, 0.35, 0.15]);
      for (let n = 0; n < played; n++) {
        const weights = quests.map((q, i) => {
          const taste = q.theme === segment.theme ? 6 : q.theme === secondTheme ? 2 : segment.name === 'completionists' ? 1.5 : 0.4;
          const fit = Math.exp(-((q.difficulty - skill - 0.05) ** 2) / (2 * 0.15 ** 2));
          const replay = completed.has(i) ? 0.08 : 1;
          return popularity[i]! * taste * fit * replay;
        });
        const index = random.weighted(weights);
        const quest = quests[index]!;
        const character = random.float() < 0.85 ? main[random.int(0, main.length - 1)]! : characters[random.int(0, characters.length - 1)]!;
        push('QUEST_STARTED', { questId: quest.id, characterId: character.id });
        const chance = 1 / (1 + Math.exp(-(skill + 0.15 - quest.difficulty) * 10));
        if (random.float() < chance) {
          push('QUEST_COMPLETED', { questId: quest.id, characterId: character.id });
          completed.add(index);
          skill = Math.min(1, skill + 0.015);
        }
      }
      push('SESSION_COMPLETED', { durationSeconds: Math.round((at - t) / 1000) });
    }
  }
  return events;
}
