import { BadUserInputError } from '../../../platform/errors.js';

/**
 * Presence: a player is online in a room from a heartbeat until `expiryMs` after their latest one
 * (or until they go offline). Clients heartbeat every third of the expiry, so one lost heartbeat
 * never shows them offline. Times are epoch milliseconds.
 */
export interface PresenceTimings {
  /** How long a heartbeat keeps the player online (90 s by default). */
  expiryMs: number;
}

/** How often clients should heartbeat: a third of the expiry, in whole seconds (at least 1). */
export const heartbeatIntervalSeconds = ({ expiryMs }: PresenceTimings) => Math.max(1, Math.floor(expiryMs / 3_000));

/** When a heartbeat at `now` stops counting. */
export const onlineUntil = (now: number, { expiryMs }: PresenceTimings) => now + expiryMs;

/** Online means a heartbeat whose expiry is still ahead; an expired one counts as gone even before it is swept. */
export const isOnline = (expiresAt: number | null, now: number): expiresAt is number => expiresAt !== null && expiresAt > now;

/** At most this many rooms per heartbeat or goOffline: a client has a handful of rooms open. */
export const MAX_PRESENCE_ROOMS = 20;

/** The distinct rooms of a heartbeat or goOffline, in the order given: 1–20 of them. */
export function validatePresenceRooms(roomIds: readonly string[]): string[] {
  const distinct = [...new Set(roomIds)];
  if (distinct.length === 0) throw new BadUserInputError('Name at least one room.', 'roomIds');
  if (distinct.length > MAX_PRESENCE_ROOMS) throw new BadUserInputError(`At most ${MAX_PRESENCE_ROOMS} rooms at once.`, 'roomIds');
  return distinct;
}

/** One change a room's subscribers hear of: a player came online or went offline, at `at`. */
export interface PresenceTransition {
  online: boolean;
  at: number;
}

/**
 * What a heartbeat at `now` tells the room, given the player's current expiry there (null when
 * absent). Online already: nothing. Absent: online. Expired but not swept yet (the sweeper runs
 * every second or so): offline at the old expiry, then online, so every subscriber sees each
 * player's events alternate and never two "online" in a row.
 */
export function heartbeatTransitions(previous: number | null, now: number): PresenceTransition[] {
  if (isOnline(previous, now)) return [];
  const online = { online: true, at: now };
  return previous === null ? [online] : [{ online: false, at: previous }, online];
}

/**
 * What removing a player's entry tells the room (goOffline, or the sweeper finding it expired):
 * offline when they were online, at `now`, or at their expiry when it had passed already.
 */
export function removalTransition(previous: number | null, now: number): PresenceTransition | null {
  if (previous === null) return null;
  return { online: false, at: Math.min(previous, now) };
}

/** Online members per page: 50 unless asked, at most 100. */
export const DEFAULT_ONLINE_MEMBERS = 50;
export const MAX_ONLINE_MEMBERS = 100;

export function validateOnlineMembersFirst(first: number | null | undefined): number {
  const n = first ?? DEFAULT_ONLINE_MEMBERS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_ONLINE_MEMBERS) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_ONLINE_MEMBERS}.`, 'first');
  }
  return n;
}

/**
 * Who sees a player's presence and typing: anyone who may read the room, except across a block.
 * A block either way hides each from the other (users' `isBlocked`: a blocked player may not see
 * the blocker's presence, and the blocker chose not to deal with them).
 */
export function seesPresenceOf(viewer: { mayReadRoom: boolean; blockedEitherWay: boolean }): boolean {
  return viewer.mayReadRoom && !viewer.blockedEitherWay;
}
