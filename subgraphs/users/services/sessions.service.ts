import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { issueAccessToken, requireUser, type Viewer } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { UnauthenticatedError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import type { SessionsStore } from '../store/sessions.store.js';
import type { UserRow, UsersStore } from '../store/users.store.js';

/** A signed-in session as register, login and refreshSession return it. */
export interface AuthResult {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
}

export interface SessionsServiceDeps {
  prisma: PrismaClient;
  work: UnitOfWork;
  store: SessionsStore;
  users: UsersStore;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  now?: () => Date;
}

/** Only the sha256 is stored: a leaked table holds nothing that signs anyone in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidRefreshToken = () => new UnauthenticatedError('The refresh token is invalid, expired or signed out. Sign in again.');

/**
 * Sessions: a short-lived access JWT plus an opaque refresh token (32 random bytes) that works
 * once. Every sign-in starts a token family; each refresh replaces the token with a successor in
 * the same family. A token presented after it was replaced means two parties hold it (one of them
 * stole it), so the whole family is revoked and both must sign in again.
 */
export class SessionsService {
  constructor(private readonly deps: SessionsServiceDeps) {}

  /** Signs a player in: an access token and the first refresh token of a new family. */
  async signIn(user: UserRow): Promise<AuthResult> {
    const refresh = await this.insertToken(this.deps.prisma, randomUUID(), user.id);
    return { ...(await this.accessToken(user)), ...refresh, user };
  }

  /** Exchanges a refresh token for a new access token and refresh token (see the class comment). */
  async refresh(refreshToken: string): Promise<AuthResult> {
    const { store, work } = this.deps;
    const now = this.now();
    const current = await store.findByHash(hashToken(refreshToken));
    if (!current || current.revokedAt || current.expiresAt <= now) throw invalidRefreshToken();
    if (current.usedAt) {
      await store.revokeFamily(current.familyId, now);
      throw invalidRefreshToken();
    }
    const user = (await this.deps.users.findByIds([current.userId]))[0];
    if (!user) throw invalidRefreshToken();
    const next = await work
      .run(async ({ tx }) => {
        const successor = await this.insertToken(tx, current.familyId, current.userId);
        // The conditional update decides races: of two refreshes with one token, one matches the
        // row and commits; the other matches nothing and rolls its successor back.
        if (!(await store.markUsed(tx, current.id, successor.id, now))) throw new LostRace();
        return successor;
      })
      .catch((error: unknown) => {
        // Not treated as reuse: the usual cause is one client sending the same refresh twice
        // (two tabs, a retry), and revoking would sign out the request that won.
        if (error instanceof LostRace) throw invalidRefreshToken();
        throw error;
      });
    return { ...(await this.accessToken(user)), refreshToken: next.refreshToken, refreshTokenExpiresAt: next.refreshTokenExpiresAt, user };
  }

  /** Signs out the session (token family) the token belongs to; an unknown token revokes nothing. */
  async logout(refreshToken: string): Promise<number> {
    const current = await this.deps.store.findByHash(hashToken(refreshToken));
    return current ? this.deps.store.revokeFamily(current.familyId, this.now()) : 0;
  }

  /** Signs the viewer out of every session. */
  logoutEverywhere(viewer: Viewer): Promise<number> {
    return this.deps.store.revokeAllOfUser(requireUser(viewer), this.now());
  }

  private async accessToken(user: UserRow) {
    // The role is read from the row at every sign-in and refresh, so a role change applies from the next one.
    const { token, expiresAt } = await issueAccessToken({ id: user.id, role: user.role }, this.deps.jwtSecret, this.deps.accessTokenTtlSeconds);
    return { accessToken: token, expiresAt };
  }

  private async insertToken(tx: Parameters<SessionsStore['insert']>[0], familyId: string, userId: string) {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(this.now().getTime() + this.deps.refreshTokenTtlSeconds * 1000);
    const row = await this.deps.store.insert(tx, { familyId, userId, tokenHash: hashToken(refreshToken), expiresAt: refreshTokenExpiresAt });
    return { id: row.id, refreshToken, refreshTokenExpiresAt };
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

class LostRace extends Error {}
