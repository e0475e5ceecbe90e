import type { RedisPort } from './redis/index.js';

// The gateway's traffic as the analytics dashboard reads it, shared by every gateway replica
// through Redis: each replica writes its own count per 10-second bucket (a value with a TTL it
// alone overwrites), and lists itself in a sorted set by when it last wrote. A reader sums the
// buckets of a range over the replicas seen recently. The contract between gateway/traffic-feed.ts
// (writer) and the analytics subgraph (reader); neither imports the other.

export const TRAFFIC_BUCKET_MS = 10_000;
const REPLICAS_KEY = 'gateway:traffic:replicas';
const BUCKET_TTL_SECONDS = 300;
/** A replica that has not written for this long is not read (and is dropped from the set after an hour). */
const REPLICA_STALE_MS = 5 * 60_000;
const REPLICA_FORGET_MS = 3_600_000;

/** What the gateway counts. */
export interface TrafficCounts {
  /** GraphQL queries and mutations answered (HTTP, POST /ingest, and over WebSocket), errors included. */
  operations: number;
  /** Subscription events sent to clients over WebSocket. */
  wsMessages: number;
}

const bucketKey = (replica: string, bucketStart: number) => `gateway:traffic:${replica}:${bucketStart}`;

export const trafficBucketOf = (at: number): number => Math.floor(at / TRAFFIC_BUCKET_MS) * TRAFFIC_BUCKET_MS;

/** One replica's counts of one bucket so far (replacing what it wrote for that bucket before). */
export async function writeTraffic(redis: RedisPort, replica: string, bucketStart: number, counts: TrafficCounts, now: number): Promise<void> {
  await Promise.all([
    redis.set(bucketKey(replica, bucketStart), `${counts.operations} ${counts.wsMessages}`, BUCKET_TTL_SECONDS),
    redis.zadd(REPLICAS_KEY, [{ member: replica, score: now }]),
  ]);
}

/** Drops replicas that stopped writing an hour ago from the set (their buckets expire on their own). */
export async function forgetStaleReplicas(redis: RedisPort, now: number): Promise<void> {
  const stale = (await redis.zrange(REPLICAS_KEY, 0, -1)).filter((r) => r.score < now - REPLICA_FORGET_MS).map((r) => r.member);
  if (stale.length) await redis.zrem(REPLICAS_KEY, stale);
}

/** Every replica's counts summed over the buckets starting in [from, to) (bucket-aligned ms). */
export async function readTraffic(redis: RedisPort, from: number, to: number, now: number): Promise<TrafficCounts & { replicas: number }> {
  const replicas = (await redis.zrange(REPLICAS_KEY, 0, -1)).filter((r) => r.score >= now - REPLICA_STALE_MS).map((r) => r.member);
  const keys: string[] = [];
  for (const replica of replicas) for (let b = trafficBucketOf(from); b < to; b += TRAFFIC_BUCKET_MS) keys.push(bucketKey(replica, b));
  const total = { operations: 0, wsMessages: 0, replicas: replicas.length };
  if (keys.length === 0) return total;
  for (const value of await redis.mget(keys)) {
    if (!value) continue;
    const [operations, ws] = value.split(' ').map(Number);
    total.operations += Number.isFinite(operations) ? operations! : 0;
    total.wsMessages += Number.isFinite(ws) ? ws! : 0;
  }
  return total;
}
