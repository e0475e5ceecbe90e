import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterChallenge, assertCanChallenge, challengeRefusal, ladderAfter } from './ladder.js';

const ladder = ['ana', 'bo', 'cy', 'di', 'ed'];

describe('ladder challenges', () => {
  it.each<[string, string, string, number, ReturnType<typeof challengeRefusal>]>([
    ['one place up', 'cy', 'bo', 2, null],
    ['K places up', 'ed', 'cy', 2, null],
    ['K + 1 places up', 'ed', 'bo', 2, 'OUT_OF_RANGE'],
    ['someone below', 'bo', 'cy', 2, 'NOT_ABOVE'],
    ['oneself', 'bo', 'bo', 2, 'NOT_ABOVE'],
    ['someone off the ladder', 'zed', 'ana', 2, 'NOT_ON_LADDER'],
  ])('%s: %s → %s (K = %i) → %s', (_name, challenger, defender, range, refusal) => {
    expect(challengeRefusal(ladder, challenger, defender, range)).toBe(refusal);
    if (refusal === null) expect(() => assertCanChallenge(ladder, challenger, defender, range)).not.toThrow();
    else if (refusal === 'NOT_ON_LADDER') expect(() => assertCanChallenge(ladder, challenger, defender, range)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'defenderId' } }));
    else expect(() => assertCanChallenge(ladder, challenger, defender, range)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ field: 'defenderId', reason: refusal }) }));
  });

  it.each([
    ['the challenger wins: takes the place, the ones between move down', 'di', 'bo', 'di', ['ana', 'di', 'bo', 'cy', 'ed']],
    ['the defender wins: nothing moves', 'di', 'bo', 'bo', ladder],
  ])('%s', (_name, challenger, defender, winner, after) => {
    expect(afterChallenge(ladder, challenger, defender, winner)).toEqual(after);
  });

  it('any allowed challenge keeps everyone on the ladder once, and the winning challenger lands on the defender’s place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), fc.integer({ min: 1, max: 10 }), fc.nat(), fc.nat(), fc.boolean(), (n, range, a, b, challengerWins) => {
        const players = Array.from({ length: n }, (_, i) => `p${i}`);
        const from = 1 + (a % (n - 1));
        const to = Math.max(0, from - 1 - (b % range));
        const [challenger, defender] = [players[from]!, players[to]!];
        expect(challengeRefusal(players, challenger, defender, range)).toBeNull();
        const next = afterChallenge(players, challenger, defender, challengerWins ? challenger : defender);
        expect([...next].sort()).toEqual([...players].sort());
        if (!challengerWins) {
          expect(next).toEqual(players);
          return;
        }
        expect(next.indexOf(challenger)).toBe(to);
        expect(next.indexOf(defender)).toBe(to + 1);
        const others = (list: string[]) => list.filter((p) => p !== challenger);
        expect(others(next)).toEqual(others(players));
      }),
    );
  });
});

describe('ladderAfter', () => {
  it.each([
    ['no challenge: the seeds', [], ['a', 'b', 'c', 'd']],
    // d takes b's place, then c (now 4th) takes a's.
    ['two challengers win, one after the other', [{ challenger: 'd', defender: 'b', winner: 'd' }, { challenger: 'c', defender: 'a', winner: 'c' }], ['c', 'a', 'd', 'b']],
    ['a defender holds', [{ challenger: 'c', defender: 'b', winner: 'b' }], ['a', 'b', 'c', 'd']],
  ])('%s', (_name, decided, after) => {
    expect(ladderAfter(['a', 'b', 'c', 'd'], decided)).toEqual(after);
  });
});
