import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AuthResult } from '../services/sessions.service.js';

export const sessionResolvers = {
  Mutation: {
    refreshSession: async (_parent, { input }, context) => signedIn(context, await context.sessions.refresh(input.refreshToken)),
    logout: async (_parent, { input }, { sessions }) => ({ revokedSessions: await sessions.logout(input.refreshToken) }),
    logoutEverywhere: async (_parent, _args, { viewer, sessions }) => ({ revokedSessions: await sessions.logoutEverywhere(viewer) }),
  },
} satisfies Resolvers;

/** The rest of the operation (the payload's fields) sees the player who just signed in. */
export function signedIn(context: Context, result: AuthResult): AuthResult {
  context.viewer = { userId: result.user.id, role: result.user.role };
  return result;
}
