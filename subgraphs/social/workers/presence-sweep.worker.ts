import type { Logger } from 'pino';
import type { BackgroundWorker } from '../../../platform/subgraph/serve.js';
import type { PresenceService } from '../services/presence.service.js';

/**
 * Tells rooms of players whose heartbeats expired, every `intervalMs`. Runs on every replica: each
 * expired entry is removed and told by exactly one sweep, so no leader is needed, and any replica
 * that is up keeps offline events flowing.
 */
export class PresenceSweepWorker implements BackgroundWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly presence: Pick<PresenceService, 'sweep'>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  async start() {
    this.timer = setInterval(() => {
      // A sweep still running (a slow Redis) is not stacked on.
      this.running ??= this.presence
        .sweep()
        .then(
          () => undefined,
          (error: unknown) => this.logger.warn({ err: error }, 'presence sweep failed; the next one retries'),
        )
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.running;
  }
}
