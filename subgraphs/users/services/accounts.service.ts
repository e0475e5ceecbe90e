import { hash, verify } from '@node-rs/argon2';
import { issueAccessToken, type Role } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { ConflictError, UnauthenticatedError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { normalizeEmail, usernameKey, validateRegistration } from '../domain/accounts.js';
import type { UserRow, UsersStore } from '../store/users.store.js';

export interface AuthResult {
  accessToken: string;
  expiresAt: Date;
  user: UserRow;
}

export interface AccountsServiceDeps {
  prisma: PrismaClient;
  store: UsersStore;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  /** Called after a commit that wrote domain events (pokes the outbox relay). */
  onEventsCommitted: () => void;
  now?: () => Date;
}

// Verifying against a real hash when the account does not exist keeps both paths equally slow,
// so response time does not reveal which usernames exist.
const DUMMY_HASH = await hash('not-a-real-password-just-for-timing');

export class AccountsService {
  constructor(private readonly deps: AccountsServiceDeps) {}

  async register(input: { username: string; email: string; password: string; displayName?: string | null }): Promise<AuthResult> {
    const registration = validateRegistration(input);
    const { store, prisma } = this.deps;
    // Checked first for a clear answer; the unique indexes settle races.
    if (await store.findByUsernameKey(registration.usernameKey)) throw usernameTaken();
    if (await store.findByEmail(registration.email)) throw emailTaken();
    const passwordHash = await hash(registration.password);
    const user = await prisma
      .$transaction(async (tx) => {
        const created = await store.create(tx, {
          username: registration.username,
          usernameKey: registration.usernameKey,
          email: registration.email,
          displayName: registration.displayName,
          passwordHash,
        });
        await recordEvent(tx, 'users', 'user.registered', {
          userId: created.id,
          username: created.username,
          registeredAt: created.createdAt.toISOString(),
        });
        return created;
      })
      .catch((error: unknown) => {
        const violation = isUniqueViolation(error);
        if (violation) throw violation.includes('email') ? emailTaken() : usernameTaken();
        throw error;
      });
    this.deps.onEventsCommitted();
    return this.signIn(user);
  }

  async login(input: { usernameOrEmail: string; password: string }): Promise<AuthResult> {
    const { store } = this.deps;
    const identifier = input.usernameOrEmail.trim();
    const user = identifier.includes('@')
      ? await store.findByEmail(normalizeEmail(identifier))
      : await store.findByUsernameKey(usernameKey(identifier));
    const matches = await verify(user?.passwordHash ?? DUMMY_HASH, input.password);
    if (!user || !matches) throw new UnauthenticatedError('Wrong username, email or password.');
    await store.touchLastSeen(user.id, this.now());
    return this.signIn(user);
  }

  findByUsernameKey(key: string): Promise<UserRow | null> {
    return this.deps.store.findByUsernameKey(key);
  }

  private async signIn(user: UserRow): Promise<AuthResult> {
    const { token, expiresAt } = await issueAccessToken(
      { id: user.id, role: user.role as Role },
      this.deps.jwtSecret,
      this.deps.accessTokenTtlSeconds,
    );
    return { accessToken: token, expiresAt, user };
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

const usernameTaken = () => new ConflictError('That username is taken.', 'username');
const emailTaken = () => new ConflictError('An account with that email already exists.', 'email');
