import { BadUserInputError, ConflictError, NotFoundError } from '../../../platform/errors.js';

/**
 * Friends and blocks, Nakama-style: each player has their own edge to the other. A friendship
 * or a pending request is two edges (one per side); a block is one edge, on the blocker's side.
 *
 * Reachable pairs (mine, theirs): none, INVITE_SENT/INVITE_RECEIVED (and the mirror), FRIEND/FRIEND,
 * BLOCKED/none (and the mirror), BLOCKED/BLOCKED (each blocked the other).
 */
export type FriendState = 'FRIEND' | 'INVITE_SENT' | 'INVITE_RECEIVED' | 'BLOCKED';

export type FriendAction = 'request' | 'accept' | 'decline' | 'remove' | 'block' | 'unblock';

/** The two edges between the acting player and the other one; null where there is no edge. */
export interface EdgePair {
  /** The actor's edge to the other player. */
  mine: FriendState | null;
  /** The other player's edge to the actor. */
  theirs: FriendState | null;
}

export const NO_EDGES: EdgePair = Object.freeze({ mine: null, theirs: null });

/** True when either player blocked the other: they may not invite, message or see each other's presence. */
export function isBlocked(pair: EdgePair): boolean {
  return pair.mine === 'BLOCKED' || pair.theirs === 'BLOCKED';
}

/** Refuses acting on oneself; checked before anything is read. */
export function assertNotSelf(actorId: string, otherId: string): void {
  if (actorId === otherId) throw new BadUserInputError('You cannot do this to yourself.', 'userId');
}

/**
 * The edges after `action`, or a DomainError when the action does not apply to the current pair.
 * `otherId` only names the player in NOT_FOUND errors.
 */
export function transition(action: FriendAction, pair: EdgePair, otherId: string): EdgePair {
  const { mine, theirs } = pair;
  switch (action) {
    case 'request':
      // Someone who blocked you is indistinguishable from someone who does not exist, so a block
      // cannot be discovered (or harassed around) by probing with requests.
      if (theirs === 'BLOCKED') throw new NotFoundError('User', otherId);
      if (mine === 'BLOCKED') throw new ConflictError('You blocked this player; unblock them first.', 'userId');
      if (mine === 'FRIEND') throw new ConflictError('You are already friends with this player.', 'userId');
      if (mine === 'INVITE_SENT') throw new ConflictError('You already sent this player a friend request.', 'userId');
      // They invited you first: asking back is accepting.
      if (mine === 'INVITE_RECEIVED') return { mine: 'FRIEND', theirs: 'FRIEND' };
      return { mine: 'INVITE_SENT', theirs: 'INVITE_RECEIVED' };
    case 'accept':
      if (mine !== 'INVITE_RECEIVED') throw new ConflictError('There is no friend request from this player to accept.', 'userId');
      return { mine: 'FRIEND', theirs: 'FRIEND' };
    case 'decline':
      if (mine !== 'INVITE_RECEIVED') throw new ConflictError('There is no friend request from this player to decline.', 'userId');
      return NO_EDGES;
    case 'remove':
      if (mine !== 'FRIEND' && mine !== 'INVITE_SENT') {
        throw new ConflictError('This player is not your friend and has no pending request from you.', 'userId');
      }
      return NO_EDGES;
    case 'block':
      if (mine === 'BLOCKED') throw new ConflictError('You already blocked this player.', 'userId');
      // Their own block of you stands: each player's block is theirs to lift.
      return { mine: 'BLOCKED', theirs: theirs === 'BLOCKED' ? 'BLOCKED' : null };
    case 'unblock':
      if (mine !== 'BLOCKED') throw new ConflictError('You have not blocked this player.', 'userId');
      return { mine: null, theirs };
  }
}

/**
 * Whether the viewer may receive the other player's updates now (`friendUpdated`): only while they
 * are friends. Both edges must say so, so a half-written or one-sided relation never leaks updates;
 * a request either way, a block either way or no relation says no.
 */
export function seesFriendUpdates(pair: EdgePair): boolean {
  return pair.mine === 'FRIEND' && pair.theirs === 'FRIEND';
}
