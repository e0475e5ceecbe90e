import type { PrismaClient } from '../db/index.js';
import type { RedisPort } from '../redis/index.js';
import { DOMAIN_EVENTS_STREAM, type DomainEvent } from './types.js';

/**
 * Gives a dead-lettered event another chance once its cause is fixed: forgets that `consumer`
 * handled it and publishes it to the stream again. Other consumer groups receive it too and
 * skip it (they already handled it). Returns false when there is no such dead letter.
 */
export async function replayDeadLetter(prisma: PrismaClient, redis: RedisPort, consumer: string, eventId: string): Promise<boolean> {
  const event = await prisma.$transaction(async (tx) => {
    const letter = await tx.deadLetterEvent.findUnique({ where: { consumer_eventId: { consumer, eventId } } });
    if (!letter) return null;
    await tx.deadLetterEvent.delete({ where: { consumer_eventId: { consumer, eventId } } });
    await tx.processedEvent.deleteMany({ where: { consumer, eventId } });
    return letter.event as unknown as DomainEvent;
  });
  if (!event) return false;
  await redis.xadd(DOMAIN_EVENTS_STREAM, { event: JSON.stringify(event) });
  return true;
}
