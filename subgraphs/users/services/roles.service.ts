import { requireRole, type Role, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import type { UserRow, UsersStore } from '../store/users.store.js';

export class RolesService {
  constructor(private readonly store: UsersStore) {}

  /** An admin changes another player's role; it reaches their tokens at their next sign-in or refresh. */
  async setRole(viewer: Viewer, input: { userId: string; role: Role }): Promise<UserRow> {
    const adminId = requireRole(viewer, ['ADMIN'], 'change roles');
    // Keeps the last admin from demoting themselves and locking everyone out of administration.
    if (input.userId === adminId) throw new ForbiddenError('Admins cannot change their own role.');
    const [exists] = await this.store.findByIds([input.userId]);
    if (!exists) throw new NotFoundError('User', input.userId);
    const user = await this.store.update(input.userId, { role: input.role });
    if (!user) throw new NotFoundError('User', input.userId);
    return user;
  }

  /**
   * Makes the accounts with these (lower-cased) usernames ADMIN, if they exist and are not yet:
   * ADMIN_USERNAMES at start, and `npm run users:promote`. Returns the usernames promoted.
   */
  async promoteToAdmin(usernameKeys: readonly string[]): Promise<string[]> {
    if (usernameKeys.length === 0) return [];
    return this.store.promoteToAdmin(usernameKeys);
  }
}
