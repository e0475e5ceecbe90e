import { VIEWER_HEADER, ViewerSigner, type Viewer } from '../../../platform/auth.js';
import { DomainError, ServiceUnavailableError } from '../../../platform/errors.js';
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
 * through `_entities`, the viewer header signed with the internal secret as the gateway signs it.
 */
export class HttpUsersClient implements UsersPort {
  private readonly signer: ViewerSigner;
  private readonly wallet: UsersWalletClient;
  private static readonly VIEWER: Viewer = { userId: null, role: null, kind: 'service', scopes: [], serviceId: 'tournaments' };

  constructor(private readonly options: { url: string; internalSecret: string; timeoutMs: number }) {
    this.signer = new ViewerSigner(options.internalSecret);
    this.wallet = new UsersWalletClient({ ...options, service: 'tournaments' });
  }

  async levels(userIds: readonly string[]): Promise<Map<string, number>> {
    const data = await this.call<{ _entities: ({ id: string; level: number } | null)[] }>(LEVELS, { reps: userIds.map((id) => ({ __typename: 'User', id })) });
    return new Map(data._entities.flatMap((u) => (u ? [[u.id, u.level] as const] : [])));
  }

  async applyCoins(op: CoinOperation): Promise<void> {
    await this.wallet.apply(op);
  }

  private async call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] };
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VIEWER_HEADER]: await this.signer.sign(HttpUsersClient.VIEWER) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch {
      throw new ServiceUnavailableError('users');
    }
    const error = body.errors?.[0];
    if (error) {
      const { code, ...details } = error.extensions ?? {};
      if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') throw new DomainError(code, error.message, details);
      throw new ServiceUnavailableError('users');
    }
    if (!body.data) throw new ServiceUnavailableError('users');
    return body.data;
  }
}
