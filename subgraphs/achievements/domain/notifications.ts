import type { AchievementDefinition } from './catalog.js';

export type NotificationPriority = 'LOW' | 'MEDIUM' | 'HIGH';

const RANK = { COMMON: 0, UNCOMMON: 1, RARE: 2, EPIC: 3, LEGENDARY: 4 } as const satisfies Record<AchievementDefinition['rarity'], number>;

/** The brief's mapping: LEGENDARY → HIGH, EPIC → MEDIUM, everything else LOW. */
export function priorityFor(rarity: AchievementDefinition['rarity']): NotificationPriority {
  if (rarity === 'LEGENDARY') return 'HIGH';
  if (rarity === 'EPIC') return 'MEDIUM';
  return 'LOW';
}

/** Unlocks of RARE and above also go out as a push through the webhook. */
export const pushesFor = (rarity: AchievementDefinition['rarity']): boolean => RANK[rarity] >= RANK.RARE;

/** The inbox text for an unlock. Hidden achievements are revealed to their owner, so the real name is used. */
export function unlockNotification(definition: Pick<AchievementDefinition, 'name' | 'description' | 'rarity'>): {
  priority: NotificationPriority;
  title: string;
  body: string;
} {
  return {
    priority: priorityFor(definition.rarity),
    title: `Achievement unlocked: ${definition.name}`,
    body: definition.description,
  };
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** The inbox text for a finished tournament (from tournaments' `tournament.completed`). */
export function tournamentNotification(result: { name?: string; placement: number; prize?: number }): { priority: NotificationPriority; title: string; body: string } {
  const prize = result.prize ?? 0;
  return {
    priority: result.placement === 1 ? 'HIGH' : prize > 0 ? 'MEDIUM' : 'LOW',
    title: `${result.name ?? 'Your tournament'} is over: you placed ${ordinal(result.placement)}`,
    body: prize > 0 ? `You won ${prize.toLocaleString('en')} coins; they are in your wallet.` : 'Thanks for playing.',
  };
}

/** Guilds as a war notice names them: `[OWL] Night Owls`. */
const guildLabel = (guild: { name: string; tag: string }) => `[${guild.tag}] ${guild.name}`;

/**
 * The inbox notices of a war declaration (from social's `guild.war_declared`): every member of
 * both guilds but the member who declared it. The defenders' notice is MEDIUM (they did not see
 * it coming), the attackers' LOW. Each says when the fighting starts and ends.
 */
export function warDeclaredNotifications(war: {
  attacker: { name: string; tag: string; memberIds: readonly string[] };
  defender: { name: string; tag: string; memberIds: readonly string[] };
  declaredBy: string;
  startsAt: string;
  endsAt: string;
}): { userId: string; priority: NotificationPriority; title: string; body: string }[] {
  const body = `The fighting starts at ${war.startsAt} and ends at ${war.endsAt}: from then, your combat wins, quests and tournament match wins score for your guild.`;
  const told = new Set<string>([war.declaredBy]);
  const notices: { userId: string; priority: NotificationPriority; title: string; body: string }[] = [];
  for (const userId of war.defender.memberIds) {
    if (told.has(userId)) continue;
    told.add(userId);
    notices.push({ userId, priority: 'MEDIUM', title: `${guildLabel(war.attacker)} declared war on your guild`, body });
  }
  for (const userId of war.attacker.memberIds) {
    if (told.has(userId)) continue;
    told.add(userId);
    notices.push({ userId, priority: 'LOW', title: `Your guild declared war on ${guildLabel(war.defender)}`, body });
  }
  return notices;
}
