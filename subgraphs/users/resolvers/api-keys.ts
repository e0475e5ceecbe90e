import type { Resolvers } from '../generated/resolvers-types.js';
import { isApiKeyScope } from '../services/api-keys.service.js';

/** Roles and service credentials: admin-only management, and the key-for-token exchange services use. */
export const apiKeyResolvers = {
  Query: {
    apiKeys: (_parent, _args, { viewer, apiKeys }) => apiKeys.list(viewer),
  },
  Mutation: {
    setRole: async (_parent, { input }, { viewer, roles }) => ({ user: await roles.setRole(viewer, input) }),
    createApiKey: (_parent, { input }, { viewer, apiKeys }) => apiKeys.create(viewer, input),
    revokeApiKey: async (_parent, { input }, { viewer, apiKeys }) => ({ apiKey: await apiKeys.revoke(viewer, input.id) }),
    issueServiceToken: (_parent, { input }, { apiKeys }) => apiKeys.issueServiceToken(input.apiKey),
  },
  ApiKey: {
    // Stored as text; only ApiKeyScope values are ever written, and unknown ones are hidden.
    scopes: (key) => key.scopes.filter(isApiKeyScope),
  },
} satisfies Resolvers;
