import type { Viewer } from '../../../platform/auth.js';
import { InternalCaller } from '../../../platform/internal-call.js';
import { UsersWalletClient, type CoinOperation } from '../../../platform/wallet-debit.js';

export type { CoinOperation };

/**
 * What the tournaments subgraph asks of the users subgraph, which owns levels and the wallet
 * ledger. Never its tables: a call over the same GraphQL API the gateway uses.
 */
export interface UsersPort {
  /** Each player's level; players the users subgraph does not know are missing. */
  levels(userIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Applies the operation once per key (a repeat returns the first outcome). Throws
   * InsufficientFundsError when a debit would go below zero (nothing applied), ServiceUnavailableError
   * when the outcome is unknown (the call may or may not have applied: repeat it with the same key).
   */
  applyCoins(operation: CoinOperation): Promise<void>;
}

const LEVELS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id level } } }`;

/**
 * The users subgraph over HTTP, as a service: coin operations through the platform's wallet client
 * (platform/wallet-debit.ts: users' own applyWalletOperation, holding MANAGE_WALLET), levels
 * through `_entities`; both are signed service calls (platform/internal-call.ts).
 */
export class HttpUsersClient implements UsersPort {
  private readonly users: InternalCaller;
  private readonly wallet: UsersWalletClient;

  constructor(options: { url: string; internalSecret: string; timeoutMs: number }) {
    const viewer: Viewer = { userId: null, role: null, kind: 'service', scopes: [], serviceId: 'tournaments' };
    this.users = new InternalCaller({ ...options, service: 'users', viewer });
    this.wallet = new UsersWalletClient({ ...options, service: 'tournaments' });
  }

  async levels(userIds: readonly string[]): Promise<Map<string, number>> {
    const data = await this.users.call<{ _entities: ({ id: string; level: number } | null)[] }>(LEVELS, { reps: userIds.map((id) => ({ __typename: 'User', id })) }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    return new Map(data._entities.flatMap((u) => (u ? [[u.id, u.level] as const] : [])));
  }

  async applyCoins(op: CoinOperation): Promise<void> {
    await this.wallet.apply(op);
  }
}
