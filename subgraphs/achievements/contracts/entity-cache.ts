// The achievements subgraph's entity fields the gateway may cache for every viewer
// (gateway/entity-cache.ts). Each is the same whoever asks, and every write that changes one
// announces it after its commit (platform/entity-changes.ts): an unlock (UnlockEffects, the live
// path and the rebuild alike) announces its players; a catalog sync that changed definitions
// announces everything. Add a field here only together with the announcement of every write that
// changes it.
export const achievementsCacheableEntityFields = {
  User: ['id', 'achievementPoints'],
} as const;
