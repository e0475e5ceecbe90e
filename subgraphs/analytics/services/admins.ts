import { requireRole, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError } from '../../../platform/errors.js';

/** The roles users announced (`user.role_changed`), as analytics keeps them. */
export interface AnnouncedRoles {
  roleOf(userId: string): Promise<string | null>;
}

/**
 * Analytics' ADMIN check: ADMIN by the viewer's token and not demoted since (users' latest
 * `user.role_changed` for them, when there is one, says ADMIN too), so an admin demoted with
 * `setRole` reads and changes none of the studio's data with a token that still says ADMIN.
 */
export class Admins {
  /** One read per request: a request's viewer object lives as long as the request. */
  private readonly checked = new WeakMap<Viewer, Promise<boolean>>();

  constructor(private readonly roles?: AnnouncedRoles) {}

  /**
   * The admin's id; FORBIDDEN for anyone else (UNAUTHENTICATED anonymous). `again` reads the role
   * afresh, for a long-lived subscription that checks before every update.
   */
  async require(viewer: Viewer, action: string, again = false): Promise<string> {
    const adminId = requireRole(viewer, ['ADMIN'], action);
    if (again) this.checked.delete(viewer);
    if (!(await this.stillAdmin(viewer, adminId))) throw new ForbiddenError(`Only ADMIN players can ${action}: your role changed.`);
    return adminId;
  }

  /** Whether the viewer is an admin, for what admins may do beside everyone else. */
  async is(viewer: Viewer): Promise<boolean> {
    if (viewer.kind === 'service' || !viewer.userId || viewer.role !== 'ADMIN') return false;
    return this.stillAdmin(viewer, viewer.userId);
  }

  private stillAdmin(viewer: Viewer, userId: string): Promise<boolean> {
    let still = this.checked.get(viewer);
    if (!still) {
      still = Promise.resolve(this.roles?.roleOf(userId)).then((role) => role == null || role === 'ADMIN');
      this.checked.set(viewer, still);
      still.catch(() => this.checked.delete(viewer));
    }
    return still;
  }
}
