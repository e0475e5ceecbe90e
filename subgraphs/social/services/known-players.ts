import { NotFoundError } from '../../../platform/errors.js';
import type { PlayersStore } from '../store/players.store.js';

/** How long a write naming a player waits for their registration to reach social over the bus. */
export const REGISTRATION_WAIT_MS = 1_000;
const POLL_MS = 50;

/**
 * Whether social knows the player, waiting up to `wait` for them. Social knows players from users'
 * `user.registered` events (it never reads users' tables), which arrive a moment after the account
 * commits; a player registered that recently is worth waiting for. Call it outside transactions.
 */
export async function waitForPlayer(players: PlayersStore, userId: string, wait = REGISTRATION_WAIT_MS): Promise<boolean> {
  const deadline = Date.now() + wait;
  for (;;) {
    if (await players.isKnown(userId)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** NOT_FOUND unless the player exists (waitForPlayer). */
export async function requireKnownPlayer(players: PlayersStore, userId: string, wait = REGISTRATION_WAIT_MS): Promise<void> {
  if (!(await waitForPlayer(players, userId, wait))) throw new NotFoundError('User', userId);
}
