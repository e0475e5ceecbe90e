import { describe, expect, it } from 'vitest';
import { placeMatch, retentionCurve, type Match, type Round } from './live-state.js';

const match = (id: string, side: string, round: number, position: number, status = 'READY'): Match => ({
  id,
  key: `${side}-${round}-${position}`,
  side,
  round,
  position,
  status,
  score: null,
  playerA: { id: 'a', displayName: 'Ana' },
  playerB: { id: 'b', displayName: 'Bo' },
  winner: null,
});

describe('placeMatch', () => {
  const rounds: Round[] = [{ side: 'WINNERS', round: 1, matches: [match('m1', 'WINNERS', 1, 0), match('m2', 'WINNERS', 1, 1)] }];

  it('replaces a known match in place, leaving the others', () => {
    const done = { ...match('m2', 'WINNERS', 1, 1, 'COMPLETED'), winner: { id: 'b' }, score: '2-1' };
    const next = placeMatch(rounds, done);
    expect(next[0]!.matches.map((m) => [m.id, m.status])).toEqual([
      ['m1', 'READY'],
      ['m2', 'COMPLETED'],
    ]);
    expect(rounds[0]!.matches[1]!.status).toBe('READY'); // not mutated: React sees a new value
  });

  it('adds a match to its round in position order', () => {
    const next = placeMatch([{ side: 'WINNERS', round: 1, matches: [match('m2', 'WINNERS', 1, 1)] }], match('m1', 'WINNERS', 1, 0));
    expect(next[0]!.matches.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('opens a round it has not seen (a Swiss round just paired, the losers side)', () => {
    const next = placeMatch(rounds, match('s1', 'LOSERS', 1, 0));
    expect(next.map((r) => `${r.side}:${r.round}`)).toEqual(['WINNERS:1', 'LOSERS:1']);
  });
});

describe('retentionCurve', () => {
  it('weights each day offset by the cohorts that reached it', () => {
    const curve = retentionCurve([
      // a cohort old enough for D1, D7 and D30
      { day: '2026-11-01T00:00:00Z', players: 100, retained: [{ day: 1, players: 40, rate: 0.4 }, { day: 7, players: 20, rate: 0.2 }, { day: 30, players: 5, rate: 0.05 }] },
      // a recent cohort: D1 only (its D7 and D30 have not ended)
      { day: '2026-12-02T00:00:00Z', players: 300, retained: [{ day: 1, players: 60, rate: 0.2 }] },
    ]);
    expect(curve).toEqual([
      { day: 1, rate: 100 / 400 },
      { day: 7, rate: 0.2 },
      { day: 30, rate: 0.05 },
    ]);
  });

  it('is empty without cohorts', () => {
    expect(retentionCurve([])).toEqual([]);
  });
});
