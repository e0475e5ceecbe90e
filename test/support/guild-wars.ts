import type { RunningPlatform } from '../../launcher/all-in-one.js';

/**
 * A war's schedule brought forward to `phase` in the database (START: it began a minute ago and
 * ends in an hour; END: it ended a millisecond ago); its due job runs on the social runner's next
 * poll, as the durable timer would have at that time.
 */
export async function bringWarForward(platform: RunningPlatform, warId: string, phase: 'START' | 'END'): Promise<void> {
  const db = platform.runtime.db.prisma;
  const now = Date.now();
  await db.guildWar.update({
    where: { id: warId },
    data: phase === 'START' ? { startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000) } : { endsAt: new Date(now - 1) },
  });
  await db.job.updateMany({ where: { queue: 'social.guild-war', status: 'PENDING', payload: { equals: { warId, step: phase } } }, data: { runAt: new Date(now - 1_000) } });
}
