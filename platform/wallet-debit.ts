// A synchronous, exactly-once coin movement in the users subgraph's ledger, for a subgraph whose
// action must be paid before it exists (a guild's creation fee, a tournament's entry fee). The
// ledger stays the only place value moves: this calls users' own `applyWalletOperation`, as a
// service holding MANAGE_WALLET, with an idempotency key derived from the business action.
// The protocol around it (docs/decisions.md, "Fees paid before an action exists"):
//   1. record the intent (a row of the caller's, status PENDING) and a settle job, in one transaction;
//   2. debit under `feeKey(action)`;
//   3. commit the action and mark the intent DONE, in one transaction, only while it is PENDING;
//   4. the settle job (or the player's retry) finds a PENDING intent: it debits again under the same
//      key (a replay if step 2 applied, the first debit otherwise: never a second one), then
//      completes the action, or, when the action can no longer happen, refunds under
//      `refundKey(action)`. A refund is only ever sent after a debit under the same action's key
//      answered, so a late debit arriving after it is a replay and cannot make the refund create coins.
import type { Viewer } from './auth.js';
import { InsufficientFundsError } from './errors.js';
import { InternalCaller } from './internal-call.js';

/** One coin movement in a player's wallet, applied at most once per key. */
export interface CoinOperation {
  userId: string;
  idempotencyKey: string;
  /** Positive credits, negative debits. */
  amount: number;
  /** Why, e.g. `guild_creation_fee`. */
  reason: string;
  /** What it relates to (the intent's id). */
  reference: string;
}

/** What a paying subgraph asks of the users subgraph's ledger. */
export interface WalletPort {
  /**
   * Applies the operation once per key; a repeat returns the first outcome (`replayed`). Throws
   * InsufficientFundsError when a debit would go below zero (nothing applied), ServiceUnavailableError
   * when the outcome is unknown (it may or may not have applied: repeat it with the same key).
   */
  apply(operation: CoinOperation): Promise<{ replayed: boolean }>;
}

/** The debit's key for one business action (e.g. `guild-founding:<intent id>`). */
export const feeKey = (action: string): string => `${action}:fee`;
/** The refund's key for the same action: at most one refund per debit. */
export const refundKey = (action: string): string => `${action}:refund`;

const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId replayed } }`;

/**
 * The users subgraph over HTTP, as a service viewer holding MANAGE_WALLET whose header is signed
 * with the internal secret exactly as the gateway signs it (platform/internal-call.ts), so users
 * checks the call like any other (applyWalletOperation's scope check, validation and idempotency keys).
 */
export class UsersWalletClient implements WalletPort {
  private readonly users: InternalCaller;

  constructor(options: { url: string; internalSecret: string; timeoutMs: number; service: string }) {
    const viewer: Viewer = { userId: null, role: null, kind: 'service', scopes: ['MANAGE_WALLET'], serviceId: options.service };
    this.users = new InternalCaller({ url: options.url, internalSecret: options.internalSecret, timeoutMs: options.timeoutMs, service: 'users', viewer });
  }

  async apply(op: CoinOperation): Promise<{ replayed: boolean }> {
    const input = { userId: op.userId, idempotencyKey: op.idempotencyKey, reason: op.reason, reference: op.reference, changes: [{ currency: 'COINS', amount: op.amount }] };
    try {
      const data = await this.users.call<{ applyWalletOperation: { replayed: boolean } }>(APPLY, { input }, ['INSUFFICIENT_FUNDS', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']);
      return { replayed: data.applyWalletOperation.replayed };
    } catch (error) {
      if (error instanceof InsufficientFundsError) throw new InsufficientFundsError('You do not have enough coins.', error.details);
      throw error;
    }
  }
}
