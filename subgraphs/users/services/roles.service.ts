import { requireRole, type Role, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import type { UserRow, UsersStore } from '../store/users.store.js';

/**
 * The signed-in ADMIN player's id. A service token is refused with FORBIDDEN, not UNAUTHENTICATED:
 * it did authenticate, and no API key scope grants administration.
 */
export function requireAdmin(viewer: Viewer, action: string): string {
  if (viewer.kind === 'service') throw new ForbiddenError(`Services cannot ${action}; only ADMIN players can.`);
  return requireRole(viewer, ['ADMIN'], action);
}

export class RolesService {
  constructor(private readonly store: UsersStore) {}

  /** An admin changes another player's role; it reaches their tokens at their next sign-in or refresh. */
  async setRole(viewer: Viewer, input: { userId: string; role: Role }): Promise<UserRow> {
    const adminId = requireAdmin(viewer, 'change roles');
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
