import { createHmac } from 'node:crypto';
import type { Sql, Tx } from '../../../platform/db/index.js';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';

/** The job queue of outbound pushes for rare unlocks. */
export const PUSH_QUEUE = 'achievements.push';

/** One rare unlock, as the webhook receiver gets it (plus `type: 'achievement.unlocked'`). */
export interface PushMessage {
  notificationId: string;
  userId: string;
  achievementId: string;
  rarity: string;
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
  title: string;
  body: string;
  createdAt: string;
}

/** Queues the push in the unlock's transaction: it is sent if and only if the unlock commits. */
export function enqueuePush(tx: Tx | Sql, message: PushMessage): Promise<string> {
  return enqueueJob(tx, PUSH_QUEUE, message, { maxAttempts: 3 });
}

export interface PushHandlerOptions {
  /** The receiver's webhook URL. */
  url: string;
  /** When set, each request carries `X-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  secret?: string;
  /** Per request (default 5 s); keep it below the JobRunner's lease. */
  timeoutMs?: number;
}

/** The signature header value for a request body, as receivers recompute it. */
export function signPushBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * The JobRunner handler for PUSH_QUEUE: POSTs the message as JSON. Delivery is at least once
 * (a retry after a lost response, or after a runner died, sends it again), so every request
 * carries `Idempotency-Key: <notificationId>` for the receiver to dedupe on. Any non-2xx answer,
 * a redirect included (re-sending a signed POST elsewhere is not ours to decide), a network error
 * or a timeout throws, which makes the runner retry with backoff.
 */
export function pushHandler(options: PushHandlerOptions): JobHandler {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return async (payload) => {
    const message = payload as PushMessage;
    const body = JSON.stringify({ type: 'achievement.unlocked', ...message });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'Idempotency-Key': message.notificationId,
    };
    if (options.secret) headers['X-Signature'] = signPushBody(body, options.secret);
    const response = await fetch(options.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read the body either way: an unread body holds on to the pooled connection.
    const answer = await response.text().catch(() => '');
    if (response.status < 200 || response.status > 299) {
      throw new Error(`push receiver answered ${response.status}${answer ? `: ${answer.slice(0, 200)}` : ''}`);
    }
  };
}
