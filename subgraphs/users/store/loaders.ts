import DataLoader from 'dataloader';
import type { FriendState } from '../domain/friends.js';
import type { FriendsStore } from './friends.store.js';
import type { UserRow, UsersStore } from './users.store.js';
import type { WalletStore } from './wallet.store.js';

export interface UsersLoaders {
  userById: DataLoader<string, UserRow | undefined>;
  /** Every asset balance of each player (XP, currencies, items): one query for any number. */
  balancesOf: DataLoader<string, Map<string, bigint>>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: UsersStore, wallet: WalletStore): UsersLoaders {
  return {
    userById: new DataLoader((ids) => store.findByIds(ids)),
    balancesOf: new DataLoader(async (ids) => {
      const byUser = await wallet.balancesOf(ids);
      return ids.map((id) => byUser.get(id) ?? new Map<string, bigint>());
    }),
  };
}

export interface FriendLoaders {
  /** The viewer's relation to each player (null where none): one query for any number of players. */
  friendStateOf: DataLoader<string, FriendState | null>;
}

/** Fresh per request and bound to its viewer (a signed-in one). */
export function createFriendLoaders(store: FriendsStore, viewerId: string): FriendLoaders {
  return {
    friendStateOf: new DataLoader((otherIds) => store.statesOf(viewerId, otherIds)),
  };
}
