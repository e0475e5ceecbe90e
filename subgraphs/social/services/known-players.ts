import { NotFoundError } from '../../../platform/errors.js';
import type { PlayersStore } from '../store/players.store.js';

/** How long a write naming another player waits for their registration to reach social over the bus. */
export const REGISTRATION_WAIT_MS = 1_000;
const POLL_MS = 50;

/**
 * NOT_FOUND unless the player exists. Social knows players from users' `user.registered` events
 * (it never reads users' tables), which arrive a moment after the account commits: a player
 * registered that recently is waited for, up to REGISTRATION_WAIT_MS, before being called unknown.
 */
export async function requireKnownPlayer(players: PlayersStore, userId: string, wait = REGISTRATION_WAIT_MS): Promise<void> {
  const deadline = Date.now() + wait;
  for (;;) {
    if (await players.isKnown(userId)) return;
    if (Date.now() >= deadline) throw new NotFoundError('User', userId);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
