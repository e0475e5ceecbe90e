import type { Logger } from 'pino';
import type { BackgroundWorker } from '../../../platform/subgraph/serve.js';
import type { ChatRoomsService } from '../services/chat-rooms.service.js';

/** Seeds the default rooms before the server takes requests, so `General` is never missing. */
export class DefaultRoomsWorker implements BackgroundWorker {
  constructor(
    private readonly chatRooms: ChatRoomsService,
    private readonly logger: Logger,
  ) {}

  async start() {
    await this.chatRooms.ensureDefaultRooms();
    this.logger.debug('default chat rooms ensured');
  }

  async stop() {}
}
