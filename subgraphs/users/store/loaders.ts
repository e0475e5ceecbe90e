import DataLoader from 'dataloader';
import type { UserRow, UsersStore } from './users.store.js';

export interface UsersLoaders {
  userById: DataLoader<string, UserRow | undefined>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: UsersStore): UsersLoaders {
  return {
    userById: new DataLoader((ids) => store.findByIds(ids)),
  };
}
