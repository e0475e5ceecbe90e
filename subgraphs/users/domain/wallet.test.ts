import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../platform/errors.js';
import { assetKey, parseAsset, sameOperation, validateChanges, validateIdempotencyKey, validateReason, validateReference } from './wallet.js';

describe('wallet changes', () => {
  it('turns currencies and items into ledger assets and back', () => {
    expect(validateChanges([{ currency: 'COINS', amount: -5 }, { itemId: 'legendary_sword', amount: 1 }])).toEqual([
      { asset: 'COINS', amount: -5 },
      { asset: 'item:legendary_sword', amount: 1 },
    ]);
    expect(parseAsset(assetKey({ itemId: 'legendary_sword' }))).toEqual({ currency: null, itemId: 'legendary_sword' });
    expect(parseAsset('PREMIUM')).toEqual({ currency: 'PREMIUM', itemId: null });
  });

  it.each([
    ['no changes', [], 'changes'],
    ['both a currency and an item', [{ currency: 'COINS', itemId: 'x', amount: 1 }], 'changes.0'],
    ['neither', [{ amount: 1 }], 'changes.0'],
    ['a zero amount', [{ currency: 'COINS', amount: 0 }], 'changes.0.amount'],
    ['a fractional amount', [{ currency: 'COINS', amount: 1.5 }], 'changes.0.amount'],
    ['a huge amount', [{ currency: 'COINS', amount: 2_000_000_000 }], 'changes.0.amount'],
    ['an XP debit', [{ currency: 'XP', amount: -1 }], 'changes.0.amount'],
    ['a bad item id', [{ itemId: 'Legendary Sword', amount: 1 }], 'changes.0.itemId'],
    ['an asset twice', [{ currency: 'COINS', amount: 1 }, { currency: 'COINS', amount: 2 }], 'changes.1'],
  ] as const)('refuses %s', (_what, changes, field) => {
    try {
      validateChanges(changes);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).details.field).toBe(field);
    }
  });

  it.each([
    ['achievement:u1:first_blood', true],
    ['k'.repeat(8), true],
    ['k'.repeat(200), true],
    ['\u{1F3AE}'.repeat(200), true], // 200 characters (code points), 400 UTF-16 units
    ['short', false],
    ['k'.repeat(7), false],
    ['\u{1F3AE}'.repeat(4), false], // 4 characters, though 8 UTF-16 units
    ['k'.repeat(201), false],
  ])('idempotency key %j is accepted: %s (else BAD_USER_INPUT on idempotencyKey)', (key, accepted) => {
    if (accepted) expect(validateIdempotencyKey(key)).toBe(key);
    else expect(() => validateIdempotencyKey(key)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'idempotencyKey' }) }));
  });

  it.each([
    ['tournament_prize', 'tournament_prize'],
    ['  refund ', 'refund'],
    ['r'.repeat(100), 'r'.repeat(100)],
    ['\u{1F600}'.repeat(100), '\u{1F600}'.repeat(100)], // code points, not UTF-16 units
    ['', null],
    ['   ', null],
    ['r'.repeat(101), null],
  ])('reason %j is %j (null: BAD_USER_INPUT on reason)', (reason, expected) => {
    if (expected === null) expect(() => validateReason(reason)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'reason' }) }));
    else expect(validateReason(reason)).toBe(expected);
  });

  it.each([
    [undefined, null],
    [null, null],
    ['', ''],
    ['t'.repeat(200), 't'.repeat(200)],
    ['t'.repeat(201), 'refused'],
  ])('reference %j is %j', (reference, expected) => {
    if (expected === 'refused') expect(() => validateReference(reference)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'reference' }) }));
    else expect(validateReference(reference)).toBe(expected);
  });
});

describe('sameOperation', () => {
  const first = { reason: 'tournament_prize', reference: 't-1', changes: [{ asset: 'COINS', amount: 500n }, { asset: 'item:sword', amount: 1n }] };
  it.each([
    ['the same changes in another order', { ...first, changes: [{ asset: 'item:sword', amount: 1 }, { asset: 'COINS', amount: 500 }] }, true],
    ['another amount', { ...first, changes: [{ asset: 'COINS', amount: 501 }, { asset: 'item:sword', amount: 1 }] }, false],
    ['another asset', { ...first, changes: [{ asset: 'PREMIUM', amount: 500 }, { asset: 'item:sword', amount: 1 }] }, false],
    ['one change fewer', { ...first, changes: [{ asset: 'COINS', amount: 500 }] }, false],
    ['another reason', { ...first, reason: 'refund' }, false],
    ['no reference', { ...first, reference: null }, false],
  ])('%s → %s', (_name, retry, same) => {
    expect(sameOperation(first, retry)).toBe(same);
  });
});
