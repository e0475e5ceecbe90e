import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../platform/auth.js';
import { Admins } from './admins.js';

const ID = '00000000-0000-4000-8000-000000000001';
const announced = (role: string | null) => new Admins({ roleOf: () => Promise.resolve(role) });

describe('Admins', () => {
  it.each<[string, Viewer, string | null, boolean, string | null]>([
    ['an admin users never announced (made ADMIN at start)', { userId: ID, role: 'ADMIN' }, null, true, null],
    ['an admin users announced as ADMIN', { userId: ID, role: 'ADMIN' }, 'ADMIN', true, null],
    ['an admin demoted since their token was issued', { userId: ID, role: 'ADMIN' }, 'PLAYER', false, 'FORBIDDEN'],
    ['a player promoted since: their token is not yet ADMIN', { userId: ID, role: 'PLAYER' }, 'ADMIN', false, 'FORBIDDEN'],
    ['a moderator', { userId: ID, role: 'MODERATOR' }, null, false, 'FORBIDDEN'],
    ['a game server', { userId: null, role: null, kind: 'service', scopes: ['REPORT_GAME_EVENTS'] }, null, false, 'FORBIDDEN'],
    ['anonymous', { userId: null, role: null }, null, false, 'UNAUTHENTICATED'],
  ])('%s', async (_name, viewer, role, isAdmin, refusal) => {
    const admins = announced(role);
    expect(await admins.is(viewer)).toBe(isAdmin);
    const required = admins.require(viewer, 'read metrics');
    if (refusal === null) await expect(required).resolves.toBe(ID);
    else await expect(required).rejects.toMatchObject({ code: refusal });
  });
});

describe('Admins, over a request and a subscription', () => {
  it('reads the role once per viewer object, afresh when asked again', async () => {
    let reads = 0;
    let role = 'ADMIN';
    const admins = new Admins({ roleOf: () => Promise.resolve((reads++, role)) });
    const viewer: Viewer = { userId: ID, role: 'ADMIN' };
    await Promise.all([admins.require(viewer, 'read metrics'), admins.is(viewer), admins.require(viewer, 'read retention')]);
    expect(reads).toBe(1);
    role = 'PLAYER';
    await expect(admins.require(viewer, 'read the dashboard')).resolves.toBe(ID);
    await expect(admins.require(viewer, 'read the dashboard', true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(reads).toBe(2);
    // Another request of the same admin is another viewer object.
    expect(await admins.is({ userId: ID, role: 'ADMIN' })).toBe(false);
  });
});
