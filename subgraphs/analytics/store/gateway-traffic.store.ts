import { readTraffic, TRAFFIC_BUCKET_MS, trafficBucketOf, type TrafficCounts } from '../../../platform/gateway-traffic.js';
import type { RedisPort } from '../../../platform/redis/index.js';

/** The gateway replicas' traffic counts, as the gateway feeds them into the shared Redis (platform/gateway-traffic.ts). */
export class GatewayTrafficStore {
  constructor(private readonly redis: RedisPort) {}

  /** The last full minute before `now`: the six 10-second buckets before the current one. */
  lastMinute(now: number): Promise<TrafficCounts> {
    const end = trafficBucketOf(now);
    return readTraffic(this.redis, end - 6 * TRAFFIC_BUCKET_MS, end, now);
  }
}
