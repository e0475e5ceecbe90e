import { describe, expect, it } from 'vitest';
import { assertNotSelf, isBlocked, seesFriendUpdates, transition, type EdgePair, type FriendAction, type FriendState } from './friends.js';

const OTHER = '00000000-0000-4000-8000-0000000000b0';
const pair = (mine: FriendState | null, theirs: FriendState | null): EdgePair => ({ mine, theirs });
const none = pair(null, null);

describe('friend transitions', () => {
  it.each<[FriendAction, EdgePair, EdgePair]>([
    ['request', none, pair('INVITE_SENT', 'INVITE_RECEIVED')],
    // they asked first: asking back makes both friends
    ['request', pair('INVITE_RECEIVED', 'INVITE_SENT'), pair('FRIEND', 'FRIEND')],
    ['accept', pair('INVITE_RECEIVED', 'INVITE_SENT'), pair('FRIEND', 'FRIEND')],
    ['decline', pair('INVITE_RECEIVED', 'INVITE_SENT'), none],
    ['remove', pair('FRIEND', 'FRIEND'), none],
    // withdrawing a request you sent
    ['remove', pair('INVITE_SENT', 'INVITE_RECEIVED'), none],
    ['block', none, pair('BLOCKED', null)],
    ['block', pair('FRIEND', 'FRIEND'), pair('BLOCKED', null)],
    ['block', pair('INVITE_SENT', 'INVITE_RECEIVED'), pair('BLOCKED', null)],
    ['block', pair('INVITE_RECEIVED', 'INVITE_SENT'), pair('BLOCKED', null)],
    // their block of you stands
    ['block', pair(null, 'BLOCKED'), pair('BLOCKED', 'BLOCKED')],
    ['unblock', pair('BLOCKED', null), none],
    ['unblock', pair('BLOCKED', 'BLOCKED'), pair(null, 'BLOCKED')],
  ])('%s from %o gives %o', (action, before, after) => {
    expect(transition(action, before, OTHER)).toEqual(after);
  });

  it.each<[FriendAction, EdgePair, string, string]>([
    ['request', pair('INVITE_SENT', 'INVITE_RECEIVED'), 'CONFLICT', 'You already sent this player a friend request.'],
    ['request', pair('FRIEND', 'FRIEND'), 'CONFLICT', 'You are already friends with this player.'],
    ['request', pair('BLOCKED', null), 'CONFLICT', 'You blocked this player; unblock them first.'],
    // answered like an unknown player, so the block stays secret
    ['request', pair(null, 'BLOCKED'), 'NOT_FOUND', `User "${OTHER}" was not found.`],
    ['request', pair('BLOCKED', 'BLOCKED'), 'NOT_FOUND', `User "${OTHER}" was not found.`],
    ['accept', none, 'CONFLICT', 'There is no friend request from this player to accept.'],
    ['accept', pair('INVITE_SENT', 'INVITE_RECEIVED'), 'CONFLICT', 'There is no friend request from this player to accept.'],
    ['accept', pair(null, 'BLOCKED'), 'CONFLICT', 'There is no friend request from this player to accept.'],
    ['decline', pair('FRIEND', 'FRIEND'), 'CONFLICT', 'There is no friend request from this player to decline.'],
    ['remove', none, 'CONFLICT', 'This player is not your friend and has no pending request from you.'],
    ['remove', pair('INVITE_RECEIVED', 'INVITE_SENT'), 'CONFLICT', 'This player is not your friend and has no pending request from you.'],
    ['remove', pair('BLOCKED', null), 'CONFLICT', 'This player is not your friend and has no pending request from you.'],
    ['block', pair('BLOCKED', null), 'CONFLICT', 'You already blocked this player.'],
    ['unblock', none, 'CONFLICT', 'You have not blocked this player.'],
    ['unblock', pair(null, 'BLOCKED'), 'CONFLICT', 'You have not blocked this player.'],
  ])('%s from %o fails with %s', (action, before, code, message) => {
    expect(() => transition(action, before, OTHER)).toThrow(expect.objectContaining({ code, message }));
  });

  it('refuses acting on yourself with BAD_USER_INPUT', () => {
    expect(() => assertNotSelf(OTHER, OTHER)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'userId' } }));
    expect(() => assertNotSelf(OTHER, '00000000-0000-4000-8000-0000000000a0')).not.toThrow();
  });

  it.each<[EdgePair, boolean]>([
    [none, false],
    [pair('FRIEND', 'FRIEND'), false],
    [pair('INVITE_SENT', 'INVITE_RECEIVED'), false],
    [pair('BLOCKED', null), true],
    [pair(null, 'BLOCKED'), true],
    [pair('BLOCKED', 'BLOCKED'), true],
  ])('isBlocked(%o) is %s', (edges, blocked) => {
    expect(isBlocked(edges)).toBe(blocked);
  });

  // (viewer's edge, the player's edge): every reachable pair, seen from each side.
  it.each<[EdgePair, boolean]>([
    [pair('FRIEND', 'FRIEND'), true],
    [none, false],
    [pair('INVITE_SENT', 'INVITE_RECEIVED'), false],
    [pair('INVITE_RECEIVED', 'INVITE_SENT'), false],
    [pair('BLOCKED', null), false],
    [pair(null, 'BLOCKED'), false],
    [pair('BLOCKED', 'BLOCKED'), false],
    // one side only (never written by transition): not a friendship
    [pair('FRIEND', null), false],
    [pair(null, 'FRIEND'), false],
  ])('seesFriendUpdates(%o) is %s', (edges, sees) => {
    expect(seesFriendUpdates(edges)).toBe(sees);
  });
});
