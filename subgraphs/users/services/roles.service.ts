import { requireRole, type Role, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import type { UserRow, UsersStore } from '../store/users.store.js';

export class RolesService {
  constructor(
    private readonly store: UsersStore,
    private readonly work: UnitOfWork,
  ) {}

  /** An admin changes another player's role; it reaches their tokens at their next sign-in or refresh. */
  async setRole(viewer: Viewer, input: { userId: string; role: Role }): Promise<UserRow> {
    const adminId = requireRole(viewer, ['ADMIN'], 'change roles');
    // Keeps the last admin from demoting themselves and locking everyone out of administration.
    if (input.userId === adminId) throw new ForbiddenError('Admins cannot change their own role.');
    const [exists] = await this.store.findByIds([input.userId]);
    if (!exists) throw new NotFoundError('User', input.userId);
    // `user.role_changed` lets services that hold long-lived sessions (the dashboard's subscription) act before tokens expire.
    return this.work.run(async ({ tx, record }) => {
      const user = await this.store.update(input.userId, { role: input.role }, tx);
      if (!user) throw new NotFoundError('User', input.userId);
      await record('user.role_changed', { userId: user.id, role: input.role, changedAt: new Date().toISOString() });
      return user;
    });
  }

  /**
   * Makes the accounts with these (lower-cased) usernames ADMIN, if they exist and are not yet:
   * ADMIN_USERNAMES at start, and `npm run users:promote`. Returns the usernames promoted.
   */
  async promoteToAdmin(usernameKeys: readonly string[]): Promise<string[]> {
    if (usernameKeys.length === 0) return [];
    return this.work.run(async ({ tx, recordAll }) => {
      const promoted = await this.store.promoteToAdmin(usernameKeys, tx);
      const changedAt = new Date().toISOString();
      await recordAll('user.role_changed', promoted.map((u) => ({ userId: u.id, role: 'ADMIN' as const, changedAt })));
      return promoted.map((u) => u.username);
    });
  }
}
