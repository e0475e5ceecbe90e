import { BadUserInputError } from '../../../platform/errors.js';
import { textLength } from '../../../platform/text.js';

export const CURRENCIES = ['XP', 'COINS', 'PREMIUM'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** One asset's change in an operation: a currency, or an inventory item by id. */
export interface AssetChange {
  currency?: Currency | null;
  itemId?: string | null;
  amount: number;
}

const ITEM_PREFIX = 'item:';
const ITEM_ID = /^[a-z0-9_]{1,64}$/;
export const MAX_AMOUNT = 1_000_000_000;

/** How an asset is stored in the ledger: `COINS`, or `item:legendary_sword`. */
export function assetKey(change: Pick<AssetChange, 'currency' | 'itemId'>): string {
  return change.currency ?? `${ITEM_PREFIX}${change.itemId}`;
}

export function parseAsset(asset: string): { currency: Currency | null; itemId: string | null } {
  return asset.startsWith(ITEM_PREFIX)
    ? { currency: null, itemId: asset.slice(ITEM_PREFIX.length) }
    : { currency: asset as Currency, itemId: null };
}

/**
 * Checks an operation's changes and returns them as (asset, amount) pairs. Each names exactly one
 * currency or item, moves a non-zero whole amount, and each asset appears once. XP only ever grows.
 */
export function validateChanges(changes: readonly AssetChange[], options: { allowXpDebit?: boolean } = {}): { asset: string; amount: number }[] {
  if (changes.length === 0 || changes.length > 20) throw new BadUserInputError('An operation changes 1 to 20 assets.', 'changes');
  const seen = new Set<string>();
  return changes.map((change, i) => {
    const field = `changes.${i}`;
    if ((change.currency == null) === (change.itemId == null)) {
      throw new BadUserInputError('Each change names either a currency or an itemId.', field);
    }
    if (change.itemId != null && !ITEM_ID.test(change.itemId)) {
      throw new BadUserInputError('itemId is 1–64 lower-case letters, digits or underscores.', `${field}.itemId`);
    }
    if (!Number.isInteger(change.amount) || change.amount === 0 || Math.abs(change.amount) > MAX_AMOUNT) {
      throw new BadUserInputError(`amount is a non-zero whole number up to ${MAX_AMOUNT} either way.`, `${field}.amount`);
    }
    if (change.currency === 'XP' && change.amount < 0 && !options.allowXpDebit) {
      throw new BadUserInputError('XP is only ever credited.', `${field}.amount`);
    }
    const asset = assetKey(change);
    if (seen.has(asset)) throw new BadUserInputError(`${asset} appears twice; combine the amounts.`, field);
    seen.add(asset);
    return { asset, amount: change.amount };
  });
}

/** An operation's idempotency key: 8–200 characters (code points, as the platform counts text). */
export function validateIdempotencyKey(key: string): string {
  const length = textLength(key);
  if (length < 8 || length > 200) throw new BadUserInputError('idempotencyKey is 8–200 characters.', 'idempotencyKey');
  return key;
}

/** Why an operation happened, as the ledger shows it: 1–100 characters once trimmed. */
export function validateReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 1 || textLength(trimmed) > 100) throw new BadUserInputError('reason is 1–100 characters.', 'reason');
  return trimmed;
}

/** What an operation relates to: at most 200 characters. */
export function validateReference(reference: string | null | undefined): string | null {
  if (reference == null) return null;
  if (textLength(reference) > 200) throw new BadUserInputError('reference is at most 200 characters.', 'reference');
  return reference;
}

/** The largest balance any asset may reach: 2^53 − 1, the largest whole number a JSON client reads exactly. */
export const MAX_BALANCE = Number.MAX_SAFE_INTEGER;

/** What an operation asked for, as its idempotency key remembers it. */
export interface OperationParameters {
  reason: string;
  reference: string | null;
  changes: readonly { asset: string; amount: number | bigint }[];
}

/**
 * True when a retry asks for what the key's first operation did: same reason, reference and
 * (asset, amount) changes in any order. A replay answers only such a retry; anything else reusing
 * the key is a different operation.
 */
export function sameOperation(first: OperationParameters, retry: OperationParameters): boolean {
  const changes = (op: OperationParameters) =>
    op.changes
      .map((c) => `${c.asset}\u0000${BigInt(c.amount)}`)
      .sort()
      .join('\u0001');
  return first.reason === retry.reason && (first.reference ?? null) === (retry.reference ?? null) && changes(first) === changes(retry);
}
