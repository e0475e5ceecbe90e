import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextSwissRound, openingBracket, type PlayedSwissMatch } from './index.js';
import { automaticSwissRounds, pairSwissRound, swissStandings, type SwissGame, type SwissPlayer } from './swiss.js';

const fresh = (n: number): SwissPlayer[] => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, seed: i + 1, score: 0, opponents: [], hadBye: false }));

/** Plays `rounds` Swiss rounds, `pick` choosing each winner; returns the players after them and every game. */
function simulate(n: number, rounds: number, pick: (a: string, b: string) => string) {
  let players = fresh(n);
  const games: SwissGame[] = [];
  const pairings = [];
  for (let r = 0; r < rounds; r++) {
    const pairing = pairSwissRound(players);
    pairings.push(pairing);
    const byId = new Map(players.map((p) => [p.id, { ...p, opponents: [...p.opponents] }]));
    for (const [a, b] of pairing.pairs) {
      const winner = pick(a, b);
      games.push({ white: a, black: b, winner });
      byId.get(winner)!.score += 1;
      byId.get(a)!.opponents.push(b);
      byId.get(b)!.opponents.push(a);
    }
    if (pairing.bye) {
      games.push({ white: pairing.bye, black: null, winner: pairing.bye });
      byId.get(pairing.bye)!.score += 1;
      byId.get(pairing.bye)!.hadBye = true;
    }
    players = [...byId.values()];
  }
  return { players, games, pairings };
}

describe('Swiss pairing', () => {
  it('round one: top half against bottom half (1–5, 2–6, 3–7, 4–8)', () => {
    expect(pairSwissRound(fresh(8))).toEqual({ pairs: [['p1', 'p5'], ['p2', 'p6'], ['p3', 'p7'], ['p4', 'p8']], bye: null, rematches: 0 });
  });

  it('round two pairs within score groups; an odd group floats its lowest player down', () => {
    const player = (id: string, seed: number, score: number, opponents: string[]): SwissPlayer => ({ id, seed, score, opponents, hadBye: false });
    // After round one of six: p1, p2, p3 won; p4, p5, p6 lost.
    const players = [
      player('p1', 1, 1, ['p4']), player('p2', 2, 1, ['p5']), player('p3', 3, 1, ['p6']),
      player('p4', 4, 0, ['p1']), player('p5', 5, 0, ['p2']), player('p6', 6, 0, ['p3']),
    ];
    // Winners: p1–p2 within the group, p3 floats down to the top of the losers (p4); p5–p6.
    expect(pairSwissRound(players)).toEqual({ pairs: [['p1', 'p2'], ['p3', 'p4'], ['p5', 'p6']], bye: null, rematches: 0 });
  });

  it('the bye goes to the lowest-ranked player who has not had one', () => {
    const players = fresh(5).map((p) => ({ ...p, score: p.seed === 1 ? 1 : 0, hadBye: p.id === 'p5' }));
    expect(pairSwissRound(players).bye).toBe('p4');
    const everyone = players.map((p) => ({ ...p, hadBye: true }));
    expect(pairSwissRound(everyone).bye).toBe('p5');
  });

  it('falls back to the fewest rematches when none-free pairing is impossible', () => {
    // Two players who have met: the only pairing is the rematch.
    const players = fresh(2).map((p) => ({ ...p, opponents: [p.id === 'p1' ? 'p2' : 'p1'] }));
    expect(pairSwissRound(players)).toEqual({ pairs: [['p1', 'p2']], bye: null, rematches: 1 });
  });

  it.each([[2, 1], [3, 2], [8, 3], [9, 4], [256, 8], [1024, 10]])('%i players play %i rounds when the count is automatic', (n, rounds) => {
    expect(automaticSwissRounds(n)).toBe(rounds);
  });

  it('for 2–1,024 players: everyone paired once or given the bye; byes to the lowest-ranked without one; no rematch while fewer than n/2 − 1 rounds are played', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), fc.infiniteStream(fc.boolean()), (n, coin) => {
        const rounds = Math.min(automaticSwissRounds(n), Math.max(1, Math.floor((n - (n % 2)) / 2) - 1));
        let players = fresh(n);
        for (let r = 0; r < rounds; r++) {
          const { pairs, bye } = pairSwissRound(players);
          const seen = [...pairs.flat(), ...(bye ? [bye] : [])];
          expect(new Set(seen).size).toBe(n);
          expect(bye !== null).toBe(n % 2 === 1);
          if (bye) {
            const ranked = [...players].sort((a, b) => b.score - a.score || a.seed - b.seed);
            expect(bye).toBe([...ranked].reverse().find((p) => !p.hadBye)!.id);
          }
          const byId = new Map(players.map((p) => [p.id, p]));
          for (const [a, b] of pairs) expect(byId.get(a)!.opponents).not.toContain(b);
          const next = new Map(players.map((p) => [p.id, { ...p, opponents: [...p.opponents] }]));
          for (const [a, b] of pairs) {
            next.get(coin.next().value ? a : b)!.score += 1;
            next.get(a)!.opponents.push(b);
            next.get(b)!.opponents.push(a);
          }
          if (bye) Object.assign(next.get(bye)!, { score: next.get(bye)!.score + 1, hadBye: true });
          players = [...next.values()];
        }
      }),
      { numRuns: 10 },
    );
  }, 180_000); // up to 100 pairings of up to 1,024 players: ~15 s here, several times that on a loaded machine

  it('with up to 8 players and any history, the fewest rematches possible (checked by brute force)', () => {
    const minRematches = (ids: string[], met: (a: string, b: string) => boolean): number => {
      if (ids.length === 0) return 0;
      const [first, ...rest] = ids;
      return Math.min(...rest.map((other) => (met(first!, other) ? 1 : 0) + minRematches(rest.filter((x) => x !== other), met)));
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).map((h) => h * 2), fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 20 }), (n, history) => {
        const players = fresh(n).map((p) => ({ ...p, opponents: [] as string[] }));
        for (const [a, b] of history) {
          if (a >= n || b >= n || a === b) continue;
          players[a]!.opponents.push(players[b]!.id);
          players[b]!.opponents.push(players[a]!.id);
        }
        const byId = new Map(players.map((p) => [p.id, p]));
        const { rematches } = pairSwissRound(players);
        expect(rematches).toBe(minRematches(players.map((p) => p.id), (a, b) => byId.get(a)!.opponents.includes(b)));
      }),
    );
  });

  it('pairs 256 players in a late round quickly', () => {
    const { players } = simulate(256, 5, (a, b) => (Number(a.slice(1)) < Number(b.slice(1)) ? a : b));
    const started = performance.now();
    const { rematches, pairs } = pairSwissRound(players);
    expect(performance.now() - started).toBeLessThan(1000); // bench/tournaments holds the 50 ms target
    expect([rematches, pairs.length]).toEqual([0, 128]);
  });
});

describe('Swiss standings', () => {
  it('breaks ties by Buchholz, then Sonneborn-Berger, then seed', () => {
    const seeds = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, seed: i + 1 }));
    const games: SwissGame[] = [
      { white: 'a', black: 'b', winner: 'a' },
      { white: 'c', black: 'd', winner: 'c' },
      { white: 'a', black: 'c', winner: 'c' },
      { white: 'b', black: 'd', winner: 'b' },
      { white: 'a', black: 'd', winner: 'a' },
      { white: 'b', black: 'c', winner: null },
    ];
    // Scores: a 2, b 1.5, c 2.5, d 0.
    expect(swissStandings(seeds, games)).toEqual([
      { id: 'c', score: 2.5, buchholz: 3.5, sonnebornBerger: 2.75, place: 1 },
      { id: 'a', score: 2, buchholz: 4, sonnebornBerger: 1.5, place: 2 },
      { id: 'b', score: 1.5, buchholz: 4.5, sonnebornBerger: 1.25, place: 3 },
      { id: 'd', score: 0, buchholz: 6, sonnebornBerger: 0, place: 4 },
    ]);
  });

  it('equal scores: the higher Buchholz first; equal Buchholz: the higher Sonneborn-Berger, even over a better seed', () => {
    const seeds = ['e', 'b', 'c', 'd', 'a'].map((id, i) => ({ id, seed: i + 1 }));
    const games: SwissGame[] = [
      { white: 'a', black: 'c', winner: 'a' },
      { white: 'b', black: 'd', winner: 'b' },
      { white: 'c', black: 'e', winner: 'c' },
      { white: 'e', black: null, winner: 'e' }, // a bye: a point, nothing to Buchholz
    ];
    // Every one but d scores 1. Buchholz: c 2 (a, e), a 1, e 1, b 0. a beat c (1 point), e beat nobody.
    expect(swissStandings(seeds, games).map((s) => [s.id, s.score, s.buchholz, s.sonnebornBerger])).toEqual([
      ['c', 1, 2, 1],
      ['a', 1, 1, 1],
      ['e', 1, 1, 0],
      ['b', 1, 0, 0],
      ['d', 0, 1, 0],
    ]);
  });
});

describe('Swiss rounds as bracket matches', () => {
  const seeded = ['a', 'b', 'c', 'd', 'e'];
  const played = (round: number, pairs: [string, string | null, string][]): PlayedSwissMatch[] =>
    pairs.map(([playerA, playerB, winnerId]) => ({ round, playerA, playerB, winnerId, status: 'COMPLETED' }));

  it('round one of five: top half against bottom half, the bye to the lowest seed', () => {
    expect(openingBracket('SWISS', 5, { thirdPlaceMatch: false, grandFinalReset: false }).map((m) => [m.key, m.players])).toEqual([
      ['S1-1', [{ seed: 1 }, { seed: 3 }]],
      ['S1-2', [{ seed: 2 }, { seed: 4 }]],
      ['S1-3', [{ seed: 5 }, { bye: true }]],
    ]);
  });

  it('waits for the round to finish, pairs the next by score without rematches, and stops after the last round', () => {
    const round1 = played(1, [['a', 'c', 'c'], ['b', 'd', 'b'], ['e', null, 'e']]);
    expect(nextSwissRound(seeded, [...round1.slice(0, 2), { ...round1[2]!, status: 'READY', winnerId: null }], 3)).toBeNull();
    const round2 = nextSwissRound(seeded, round1, 3)!;
    // Scores: b, c, e 1; a, d 0. The 1-point group (b, c, e) floats e down to a; d, the lowest without a bye, sits out.
    expect(round2.map((m) => [m.key, m.players])).toEqual([
      ['S2-1', [{ seed: 2 }, { seed: 3 }]],
      ['S2-2', [{ seed: 5 }, { seed: 1 }]],
      ['S2-3', [{ seed: 4 }, { bye: true }]],
    ]);
    const round2Played = played(2, [['b', 'c', 'b'], ['e', 'a', 'a'], ['d', null, 'd']]);
    const round3 = nextSwissRound(seeded, [...round1, ...round2Played], 3)!;
    expect(round3.every((m) => m.round === 3)).toBe(true);
    expect(nextSwissRound(seeded, [...round1, ...round2Played, ...played(3, [['b', 'e', 'b'], ['c', 'd', 'c'], ['a', null, 'a']])], 3)).toBeNull();
  });

  it('plays the automatic number of rounds when none is set', () => {
    const two = ['a', 'b'];
    expect(nextSwissRound(two, played(1, [['a', 'b', 'a']]), null)).toBeNull(); // ⌈log2 2⌉ = 1
  });
});
