import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export const ROLES = ['PLAYER', 'MODERATOR', 'ORGANIZER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking, as the gateway established it. Anonymous viewers have no userId. A service (the
 * game server, with an API key's token) has no userId and no role, only scopes.
 */
export interface Viewer {
  userId: string | null;
  role: Role | null;
  /** Absent means a player (or anonymous). */
  kind?: 'player' | 'service';
  /** What a service viewer may do (API key scopes, e.g. REPORT_GAME_EVENTS). */
  scopes?: readonly string[];
  /** The API key id of a service viewer. */
  serviceId?: string | null;
  /** The client's network address as the gateway saw it (sign-in limits). */
  clientAddress?: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ userId: null, role: null });

/** Header carrying the gateway-signed viewer to subgraphs. */
export const VIEWER_HEADER = 'x-viewer-token';

const ISSUER = 'game-platform';
const PLAYER_AUDIENCE = 'game-client';
const SERVICE_AUDIENCE = 'game-service';
const INTERNAL_AUDIENCE = 'subgraph';

const keys = new Map<string, Promise<CryptoKey>>();
/**
 * The HMAC key for a secret, imported once: jose imports raw bytes into a CryptoKey on every sign
 * and verify otherwise (≈ 0.1 ms each, and every gateway request signs and verifies several).
 */
const key = (secret: string): Promise<CryptoKey> => {
  let imported = keys.get(secret);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, imported);
  }
  return imported;
};

/** A player's access token (HS256), issued by the users subgraph at register/login. */
export async function issueAccessToken(
  user: { id: string; role: Role },
  secret: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ role: user.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(PLAYER_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await key(secret));
  return { token, expiresAt };
}

/**
 * A service's access token (HS256, same secret as players'), issued for an API key: `sub` is the
 * key id, `kind: "service"` and the key's scopes, no role. Its audience tells it from player tokens.
 */
export async function issueServiceToken(
  apiKey: { keyId: string; scopes: readonly string[] },
  secret: string,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  const token = await new SignJWT({ kind: 'service', scopes: [...apiKey.scopes] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(apiKey.keyId)
    .setIssuer(ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await key(secret));
  return { token, expiresAt };
}

/** A verified token's viewer, and until when it counts as verified. */
interface VerifiedToken {
  viewer: Viewer;
  expiresAt: number;
}

/** Tokens this process has verified, per secret: token → its viewer and expiry (see verifyAccessToken, verifyViewerToken). */
const accessVerified = new Map<string, Map<string, VerifiedToken>>();
const VERIFIED_MAX = 10_000;

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : []);

/**
 * Verifies a player's or a service's bearer token; throws UnauthenticatedError saying why not. A
 * client sends the same token with every request for its whole life, so what a verification of
 * that exact string returned is remembered until the token expires (the gateway spent ≈ 6% of its
 * busy CPU verifying HMACs on the read-path bench); an expired one is verified again, and refused.
 */
export async function verifyAccessToken(token: string, secret: string): Promise<Viewer> {
  let cache = accessVerified.get(secret);
  if (!cache) accessVerified.set(secret, (cache = new Map<string, VerifiedToken>()));
  const hit = cache.get(token);
  if (hit && hit.expiresAt > Date.now()) return copyOf(hit.viewer);
  if (hit) cache.delete(token);
  const { viewer, expiresAt } = await verifyAccessTokenOnce(token, secret);
  if (cache.size >= VERIFIED_MAX) cache.clear();
  cache.set(token, { viewer, expiresAt });
  return copyOf(viewer);
}

async function verifyAccessTokenOnce(token: string, secret: string): Promise<{ viewer: Viewer; expiresAt: number }> {
  try {
    const { payload } = await jwtVerify(token, await key(secret), {
      issuer: ISSUER,
      audience: [PLAYER_AUDIENCE, SERVICE_AUDIENCE],
      algorithms: ['HS256'],
    });
    if (!payload.sub) throw new UnauthenticatedError('The access token has no subject.');
    const expiresAt = (payload.exp ?? 0) * 1000;
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (audiences.includes(SERVICE_AUDIENCE)) {
      if (payload.kind !== 'service') throw new UnauthenticatedError('The access token is invalid.');
      return { viewer: { userId: null, role: null, kind: 'service', scopes: stringsOf(payload.scopes), serviceId: payload.sub }, expiresAt };
    }
    const role = ROLES.includes(payload.role as Role) ? (payload.role as Role) : 'PLAYER';
    return { viewer: { userId: payload.sub, role }, expiresAt };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('The access token has expired.');
    throw new UnauthenticatedError('The access token is invalid.');
  }
}

/** Reads `Bearer <token>` from an Authorization value; anonymous when absent. */
export async function viewerFromAuthorization(value: string | undefined | null, secret: string): Promise<Viewer> {
  if (!value) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return verifyAccessToken(match[1]!, secret);
}

/**
 * Signs viewers for the gateway → subgraph hop. Tokens are short-lived and cached per viewer,
 * so the hot path does not sign on every subgraph fetch.
 */
export class ViewerSigner {
  private readonly cache = new Map<string, { token: string; refreshAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = 120,
  ) {}

  async sign(viewer: Viewer): Promise<string> {
    const cacheKey = [viewer.userId, viewer.role, viewer.kind, viewer.serviceId, viewer.scopes?.join(','), viewer.clientAddress].join('|');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.refreshAt > Date.now()) return cached.token;
    const token = await new SignJWT({
      uid: viewer.userId,
      role: viewer.role,
      kind: viewer.kind ?? 'player',
      scopes: viewer.scopes ?? [],
      sid: viewer.serviceId ?? null,
      ip: viewer.clientAddress ?? null,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('gateway')
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(await key(this.secret));
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(cacheKey, { token, refreshAt: Date.now() + (this.ttlSeconds * 1000) / 2 });
    return token;
  }
}

/**
 * Tokens this process has verified, per secret: token → its viewer and expiry. The gateway reuses a
 * viewer's token for half its life (ViewerSigner), so a subgraph sees the same few strings over and
 * over; verifying one costs a WebCrypto HMAC on libuv's thread pool (≈ 0.1 ms busy, ≈ 0.6 ms when the
 * process was idle, on the bench machine) for every request and every subscription. An entry holds
 * only what a successful verification of that exact string returned, and is dropped at its expiry.
 */
const verified = new Map<string, Map<string, VerifiedToken>>();

/** Subgraph side: the viewer from the gateway's signed header, or UnauthenticatedError. */
export async function verifyViewerToken(token: string | undefined | null, secret: string): Promise<Viewer> {
  if (!token) throw new UnauthenticatedError('Missing gateway signature: subgraphs only accept requests from the gateway.');
  let cache = verified.get(secret);
  if (!cache) verified.set(secret, (cache = new Map<string, VerifiedToken>()));
  const hit = cache.get(token);
  if (hit && hit.expiresAt > Date.now()) return copyOf(hit.viewer);
  if (hit) cache.delete(token);
  let viewer: Viewer;
  let expiresAt: number;
  try {
    const { payload } = await jwtVerify(token, await key(secret), {
      issuer: 'gateway',
      audience: INTERNAL_AUDIENCE,
      algorithms: ['HS256'],
    });
    expiresAt = (payload.exp ?? 0) * 1000;
    const userId = typeof payload.uid === 'string' ? payload.uid : null;
    const role = ROLES.includes(payload.role as Role) ? (payload.role as Role) : null;
    const clientAddress = typeof payload.ip === 'string' ? payload.ip : null;
    if (payload.kind === 'service' && typeof payload.sid === 'string') {
      viewer = { userId: null, role: null, kind: 'service', scopes: stringsOf(payload.scopes), serviceId: payload.sid, clientAddress };
    } else {
      viewer = userId ? { userId, role: role ?? 'PLAYER', clientAddress } : { ...ANONYMOUS, clientAddress };
    }
  } catch {
    throw new UnauthenticatedError('Invalid gateway signature: subgraphs only accept requests from the gateway.');
  }
  if (cache.size >= VERIFIED_MAX) cache.clear();
  cache.set(token, { viewer, expiresAt });
  return copyOf(viewer);
}

/** A caller's own copy of a remembered viewer: changing it (scopes included) changes nothing remembered. */
const copyOf = (viewer: Viewer): Viewer => (viewer.scopes ? { ...viewer, scopes: [...viewer.scopes] } : { ...viewer });

/**
 * The signed-in player's id. UnauthenticatedError for nobody; ForbiddenError for a game server's
 * service token (it is authenticated, but acts for no player).
 */
export function requireUser(viewer: Viewer): string {
  if (viewer.kind === 'service') throw new ForbiddenError("This needs a player's sign-in: a service token acts for the game server, not a player.");
  if (!viewer.userId) throw new UnauthenticatedError();
  return viewer.userId;
}

/**
 * The signed-in viewer's id if they hold one of the roles; UnauthenticatedError (nobody) or
 * ForbiddenError otherwise. A service token is FORBIDDEN, not UNAUTHENTICATED: it did authenticate,
 * and no API key scope grants a player's role.
 */
export function requireRole(viewer: Viewer, roles: readonly Role[], action = 'do this'): string {
  if (viewer.kind === 'service') throw new ForbiddenError(`Services cannot ${action}; only ${roles.join(' or ')} players can.`);
  const userId = requireUser(viewer);
  if (!viewer.role || !roles.includes(viewer.role)) throw new ForbiddenError(`Only ${roles.join(' or ')} players can ${action}.`);
  return userId;
}

/**
 * The service's API key id when the viewer is a service holding `scope`; otherwise
 * UnauthenticatedError (nobody) or ForbiddenError (a player: players never report for themselves).
 */
export function requireScope(viewer: Viewer, scope: string): string {
  if (viewer.kind !== 'service') {
    if (!viewer.userId) throw new UnauthenticatedError();
    throw new ForbiddenError('Only the game server can do this.');
  }
  if (!viewer.scopes?.includes(scope)) throw new ForbiddenError(`This needs the ${scope} scope.`);
  return viewer.serviceId!;
}
