import { randomBytes } from 'node:crypto';
import { issueServiceToken, requireRole, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../../../platform/errors.js';
import { validateApiKeyName } from '../domain/api-keys.js';
import type { ApiKeyRow, ApiKeysStore } from '../store/api-keys.store.js';
import { hashToken } from './sessions.service.js';

export const API_KEY_SCOPES = ['REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS', 'MANAGE_WALLET'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const isApiKeyScope = (s: string): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s);

// Recognizable in leaked-secret scanners and logs; the random part carries the 256 bits.
const SECRET_PREFIX = 'gpk_';

export interface ApiKeysServiceDeps {
  store: ApiKeysStore;
  jwtSecret: string;
  serviceTokenTtlSeconds: number;
  now?: () => Date;
}

/**
 * Service credentials: admins create API keys with scopes for trusted services (the game server);
 * a service exchanges its key for a short-lived service token. Scopes, not roles, say what a
 * service may report: no player token carries a scope, so players can never report results.
 */
export class ApiKeysService {
  constructor(private readonly deps: ApiKeysServiceDeps) {}

  async create(viewer: Viewer, input: { name: string; scopes: readonly ApiKeyScope[] }): Promise<{ apiKey: ApiKeyRow; secret: string }> {
    requireRole(viewer, ['ADMIN'], 'create API keys');
    const name = validateApiKeyName(input.name);
    const scopes = [...new Set(input.scopes)].sort();
    if (!scopes.length) throw new BadUserInputError('An API key needs at least one scope.', 'scopes');
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const apiKey = await this.deps.store.create({ name, scopes, secretHash: hashToken(secret) });
    return { apiKey, secret };
  }

  async revoke(viewer: Viewer, id: string): Promise<ApiKeyRow> {
    requireRole(viewer, ['ADMIN'], 'revoke API keys');
    const apiKey = await this.deps.store.revoke(id, this.now());
    if (!apiKey) throw new NotFoundError('ApiKey', id);
    return apiKey;
  }

  list(viewer: Viewer): Promise<ApiKeyRow[]> {
    requireRole(viewer, ['ADMIN'], 'list API keys');
    return this.deps.store.list();
  }

  /** A service access token for a live key's secret; one generic UNAUTHENTICATED otherwise. */
  async issueServiceToken(secret: string): Promise<{ accessToken: string; expiresAt: Date; scopes: ApiKeyScope[] }> {
    const apiKey = secret.startsWith(SECRET_PREFIX) ? await this.deps.store.findBySecretHash(hashToken(secret)) : null;
    if (!apiKey || apiKey.revokedAt) throw new UnauthenticatedError('The API key is invalid or revoked.');
    const scopes = apiKey.scopes.filter(isApiKeyScope);
    const { token, expiresAt } = await issueServiceToken({ keyId: apiKey.id, scopes }, this.deps.jwtSecret, this.deps.serviceTokenTtlSeconds, this.now());
    return { accessToken: token, expiresAt, scopes };
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}
