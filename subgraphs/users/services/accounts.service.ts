import { hash, verify } from '@node-rs/argon2';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { ConflictError, UnauthenticatedError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { normalizeEmail, usernameKey, validateRegistration } from '../domain/accounts.js';
import type { UserRow, UsersStore } from '../store/users.store.js';
import type { LoginLimiter, RegistrationLimiter } from './rate-limits.service.js';
import type { AuthResult, SessionsService } from './sessions.service.js';

export type { AuthResult };

export interface AccountsServiceDeps {
  work: UnitOfWork;
  store: UsersStore;
  sessions: SessionsService;
  loginLimiter: LoginLimiter;
  registrationLimiter: RegistrationLimiter;
  /** Lower-cased usernames that are ADMIN from registration (config ADMIN_USERNAMES). */
  adminUsernameKeys: ReadonlySet<string>;
  now?: () => Date;
}

// Argon2id with @node-rs/argon2's defaults: 19 MiB memory, 2 passes, 1 lane (OWASP's minimum
// recommendation); one verify takes ~60 ms on the 2-core dev machine. bench/users records login latency under load.
// Verifying against a real hash when the account does not exist keeps both paths equally slow,
// so response time does not reveal which usernames exist.
const DUMMY_HASH = await hash('not-a-real-password-just-for-timing');

export class AccountsService {
  constructor(private readonly deps: AccountsServiceDeps) {}

  /**
   * Creates an account and signs it in. Each call counts against its client address's
   * registrations (RATE_LIMITED past them); a username in ADMIN_USERNAMES is created ADMIN.
   */
  async register(
    input: { username: string; email: string; password: string; displayName?: string | null },
    from: { clientAddress: string | null } = { clientAddress: null },
  ): Promise<AuthResult> {
    await this.deps.registrationLimiter.attempt(from.clientAddress);
    const registration = validateRegistration(input);
    const { store, work } = this.deps;
    // Checked first for a clear answer; the unique indexes settle races.
    if (await store.findByUsernameKey(registration.usernameKey)) throw usernameTaken();
    if (await store.findByEmail(registration.email)) throw emailTaken();
    const passwordHash = await hash(registration.password);
    const user = await work
      .run(async ({ tx, record }) => {
        const created = await store.create(tx, {
          username: registration.username,
          usernameKey: registration.usernameKey,
          email: registration.email,
          displayName: registration.displayName,
          passwordHash,
          ...(this.deps.adminUsernameKeys.has(registration.usernameKey) ? { role: 'ADMIN' as const } : {}),
        });
        await record('user.registered', {
          userId: created.id,
          username: created.username,
          displayName: created.displayName,
          registeredAt: created.createdAt.toISOString(),
          timezone: created.timezone,
        });
        return created;
      })
      .catch((error: unknown) => {
        const violation = isUniqueViolation(error);
        if (violation) throw violation.includes('email') ? emailTaken() : usernameTaken();
        throw error;
      });
    return this.signIn(user);
  }

  /**
   * Signs a player in. Attempts count per account and per client address (`clientAddress`, when
   * known) before the password is checked (see LoginLimiter); past either limit, sign-in fails
   * with RATE_LIMITED even with the right password.
   */
  async login(input: { usernameOrEmail: string; password: string }, from: { clientAddress: string | null } = { clientAddress: null }): Promise<AuthResult> {
    const { store, loginLimiter } = this.deps;
    const identifier = input.usernameOrEmail.trim();
    const user = identifier.includes('@')
      ? await store.findByEmail(normalizeEmail(identifier))
      : await store.findByUsernameKey(usernameKey(identifier));
    // Unknown names are counted too, so a lockout does not reveal whether an account exists.
    const accountKey = user ? `user:${user.id}` : `name:${identifier.toLowerCase()}`;
    const attempt = await loginLimiter.attempt(accountKey, from.clientAddress);
    const matches = await verify(user?.passwordHash ?? DUMMY_HASH, input.password);
    if (!user || !matches) throw new UnauthenticatedError('Wrong username, email or password.');
    await attempt.succeeded();
    // The payload's player shows this sign-in as their last.
    return this.signIn(await store.touchLastSeen(user.id, this.now()));
  }

  findByUsernameKey(key: string): Promise<UserRow | null> {
    return this.deps.store.findByUsernameKey(key);
  }

  private signIn(user: UserRow): Promise<AuthResult> {
    return this.deps.sessions.signIn(user);
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

const usernameTaken = () => new ConflictError('That username is taken.', 'username');
const emailTaken = () => new ConflictError('An account with that email already exists.', 'email');
