/**
 * The product's rules over whatever the model proposes (brief § 3.2), applied last:
 * - a new player (fewer than 5 sessions) plays at difficulty 0.3 or more, and is offered only
 *   quests of difficulty 0.5 or less;
 * - a returning player (their last session ended more than 7 days ago) gets every reward × 1.5.
 */
export const RULES = {
  newPlayerSessions: 5,
  newPlayerMinDifficulty: 0.3,
  newPlayerMaxQuestDifficulty: 0.5,
  returningAfterMs: 7 * 24 * 3_600_000,
  returningRewardMultiplier: 1.5,
} as const;

export interface PlayerStanding {
  /** Sessions analytics reconstructed for the player (the one being played included). */
  sessions: number;
  /** When their last finished session ended (ms), or null if none has. */
  lastSessionEndedAt: number | null;
}

export const isNewPlayer = (p: PlayerStanding) => p.sessions < RULES.newPlayerSessions;
/** Strictly more than 7 days: exactly 7 days later is not a return. */
export const isReturningPlayer = (p: PlayerStanding, now: number) =>
  p.lastSessionEndedAt !== null && now - p.lastSessionEndedAt > RULES.returningAfterMs;

export interface Proposal<Q extends { difficulty: number }, R extends { coins: number; xp: number }> {
  difficulty: number;
  /** Ranked, longer than what is shown: the new-player filter runs before the list is cut. */
  quests: Q[];
  rewards: R[];
}

export function applyBusinessRules<Q extends { difficulty: number }, R extends { coins: number; xp: number }>(
  proposal: Proposal<Q, R>,
  player: PlayerStanding,
  now: number,
): Proposal<Q, R & { multiplier: number }> {
  let { difficulty, quests } = proposal;
  if (isNewPlayer(player)) {
    difficulty = Math.max(RULES.newPlayerMinDifficulty, difficulty);
    quests = quests.filter((q) => q.difficulty <= RULES.newPlayerMaxQuestDifficulty);
  }
  const multiplier = isReturningPlayer(player, now) ? RULES.returningRewardMultiplier : 1;
  // Rewards are whole coins and XP: a bonus rounds half up.
  const rewards = proposal.rewards.map((r) => ({ ...r, coins: Math.round(r.coins * multiplier), xp: Math.round(r.xp * multiplier), multiplier }));
  return { difficulty, quests, rewards };
}
