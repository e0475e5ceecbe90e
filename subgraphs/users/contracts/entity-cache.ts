// The users subgraph's entity fields the gateway may cache for every viewer (gateway/entity-cache.ts).
// Each is the same whoever asks, and every write that changes one announces the player after its
// commit (platform/entity-changes.ts): `updateProfile` (displayName, avatarUrl) and any wallet
// operation that moves a player's level. Usernames never change. Add a field here only together
// with the announcement of every write that changes it.
export const usersCacheableEntityFields = {
  User: ['id', 'username', 'displayName', 'avatarUrl', 'level'],
} as const;
