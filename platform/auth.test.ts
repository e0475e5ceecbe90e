import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS, ViewerSigner, issueAccessToken, issueServiceToken, requireRole, requireScope, requireUser, verifyAccessToken, verifyViewerToken, viewerFromAuthorization } from './auth.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const OTHER = 'another-secret-that-is-long-enough-0123456789';

describe('service access tokens', () => {
  it('verify as a service with its scopes, never as a player', async () => {
    const { token } = await issueServiceToken({ keyId: 'key-1', scopes: ['MANAGE_WALLET'] }, SECRET, 60);
    expect(await verifyAccessToken(token, SECRET)).toEqual({ userId: null, role: null, kind: 'service', scopes: ['MANAGE_WALLET'], serviceId: 'key-1' });
  });

  it('are what requireScope asks for', async () => {
    const service = { userId: null, role: null, kind: 'service' as const, scopes: ['MANAGE_WALLET'], serviceId: 'key-1' };
    expect(requireScope(service, 'MANAGE_WALLET')).toBe('key-1');
    expect(() => requireScope(service, 'REPORT_GAME_EVENTS')).toThrow(ForbiddenError);
    expect(() => requireScope({ userId: 'u1', role: 'ADMIN' }, 'MANAGE_WALLET')).toThrow(ForbiddenError);
    expect(() => requireScope(ANONYMOUS, 'MANAGE_WALLET')).toThrow(UnauthenticatedError);
  });

  it.each([
    ['a player-only action', (viewer: Parameters<typeof requireUser>[0]) => requireUser(viewer)],
    ['an admin-only action', (viewer: Parameters<typeof requireUser>[0]) => requireRole(viewer, ['ADMIN'])],
  ])('are authenticated but forbidden %s (FORBIDDEN, not UNAUTHENTICATED)', (_what, check) => {
    const service = { userId: null, role: null, kind: 'service' as const, scopes: ['MANAGE_WALLET'], serviceId: 'key-1' };
    expect(() => check(service)).toThrow(ForbiddenError);
    expect(() => check(ANONYMOUS)).toThrow(UnauthenticatedError);
  });

  it('are told which roles may do the action', () => {
    const service = { userId: null, role: null, kind: 'service' as const, scopes: ['MANAGE_WALLET'], serviceId: 'key-1' };
    expect(() => requireRole(service, ['ADMIN'], 'change roles')).toThrow(new ForbiddenError('Services cannot change roles; only ADMIN players can.'));
    expect(() => requireRole({ userId: 'u1', role: 'PLAYER' }, ['ADMIN', 'MODERATOR'], 'mute players')).toThrow(new ForbiddenError('Only ADMIN or MODERATOR players can mute players.'));
  });
});

describe('player access tokens', () => {
  it('round-trips the user and role', async () => {
    const { token } = await issueAccessToken({ id: 'u1', role: 'ADMIN' }, SECRET, 60);
    expect(await verifyAccessToken(token, SECRET)).toEqual({ userId: 'u1', role: 'ADMIN' });
  });

  it.each([
    ['signed with another secret', async () => (await issueAccessToken({ id: 'u1', role: 'PLAYER' }, OTHER, 60)).token, 'invalid'],
    ['expired', async () => (await issueAccessToken({ id: 'u1', role: 'PLAYER' }, SECRET, -10)).token, 'expired'],
    ['garbage', async () => 'not.a.jwt', 'invalid'],
  ])('rejects a token %s', async (_what, make, reason) => {
    await expect(verifyAccessToken(await make(), SECRET)).rejects.toThrow(new RegExp(reason));
  });

  it('remembers a verified token only until it expires, and hands out copies', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T00:00:00Z'), toFake: ['Date'] });
    try {
      const { token } = await issueAccessToken({ id: 'u-remembered', role: 'PLAYER' }, SECRET, 2);
      const first = await verifyAccessToken(token, SECRET);
      first.role = 'ADMIN';
      expect(await verifyAccessToken(token, SECRET)).toEqual({ userId: 'u-remembered', role: 'PLAYER' });
      // Remembered for another secret? No: each secret verifies for itself.
      await expect(verifyAccessToken(token, OTHER)).rejects.toThrow(/invalid/);
      vi.setSystemTime(new Date('2026-12-04T00:00:03Z'));
      await expect(verifyAccessToken(token, SECRET)).rejects.toThrow(/expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats a missing Authorization header as anonymous and a malformed one as an error', async () => {
    expect(await viewerFromAuthorization(undefined, SECRET)).toEqual(ANONYMOUS);
    await expect(viewerFromAuthorization('Token abc', SECRET)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('gateway → subgraph viewer signature', () => {
  it('carries the viewer, including anonymous ones', async () => {
    const signer = new ViewerSigner(SECRET);
    expect(await verifyViewerToken(await signer.sign({ userId: 'u1', role: 'PLAYER', clientAddress: '203.0.113.9' }), SECRET)).toEqual({
      userId: 'u1',
      role: 'PLAYER',
      clientAddress: '203.0.113.9',
    });
    expect(await verifyViewerToken(await signer.sign(ANONYMOUS), SECRET)).toEqual({ ...ANONYMOUS, clientAddress: null });
    const service = { userId: null, role: null, kind: 'service' as const, scopes: ['REPORT_GAME_EVENTS'], serviceId: 'key-1', clientAddress: null };
    expect(await verifyViewerToken(await signer.sign(service), SECRET)).toEqual(service);
  });

  it('refuses a missing signature, a wrong secret, and a player token passed off as a viewer token', async () => {
    await expect(verifyViewerToken(undefined, SECRET)).rejects.toThrow(/Missing gateway signature/);
    const forged = await new ViewerSigner(OTHER).sign({ userId: 'u1', role: 'ADMIN' });
    await expect(verifyViewerToken(forged, SECRET)).rejects.toThrow(/Invalid gateway signature/);
    const { token } = await issueAccessToken({ id: 'u1', role: 'ADMIN' }, SECRET, 60);
    await expect(verifyViewerToken(token, SECRET)).rejects.toThrow(/Invalid gateway signature/);
  });

  describe('verified tokens are remembered', () => {
    afterEach(() => vi.useRealTimers());

    it('only for the secret that verified them, and only until they expire', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const token = await new ViewerSigner(SECRET, 2).sign({ userId: 'u7', role: 'PLAYER' });
      expect(await verifyViewerToken(token, SECRET)).toEqual({ userId: 'u7', role: 'PLAYER', clientAddress: null });
      // Remembered under SECRET: still refused by a subgraph holding another secret.
      await expect(verifyViewerToken(token, OTHER)).rejects.toThrow(/Invalid gateway signature/);
      const again = await verifyViewerToken(token, SECRET);
      expect(again).toEqual({ userId: 'u7', role: 'PLAYER', clientAddress: null });
      again.userId = 'someone-else'; // a caller changing its copy changes nothing remembered
      expect((await verifyViewerToken(token, SECRET)).userId).toBe('u7');
      const service = { userId: null, role: null, kind: 'service' as const, scopes: ['REPORT_GAME_EVENTS'], serviceId: 'key-9', clientAddress: null };
      const serviceToken = await new ViewerSigner(SECRET, 2).sign(service);
      const first = await verifyViewerToken(serviceToken, SECRET);
      (first.scopes as string[]).push('MANAGE_WALLET');
      expect((await verifyViewerToken(serviceToken, SECRET)).scopes).toEqual(['REPORT_GAME_EVENTS']);
      vi.setSystemTime(Date.now() + 3_000);
      await expect(verifyViewerToken(token, SECRET)).rejects.toThrow(/Invalid gateway signature/);
    });
  });
});
