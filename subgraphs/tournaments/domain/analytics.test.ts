import { describe, expect, it } from 'vitest';
import { matchSeconds, tournamentFigures, type AnalyticsMatch } from './analytics.js';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 2, 1, 12, minute, second)); // Sunday 1 March 2026, 12:mm
const match = (name: string, a: string | null, b: string | null, winner: string | null, opened: Date | null, closed: Date | null): AnalyticsMatch & { name: string } => ({
  name,
  status: closed ? 'COMPLETED' : opened ? 'READY' : 'PENDING',
  playerA: a,
  playerB: b,
  winnerId: winner,
  readyAt: opened,
  completedAt: closed,
});
const seeds = new Map([['s1', 1], ['s2', 2], ['s3', 3], ['s4', 4]]);
const seedOf = (id: string) => seeds.get(id);

describe('tournamentFigures', () => {
  it('a four-player bracket with one upset, one match left', () => {
    const matches = [
      match('W1-1', 's1', 's4', 's1', at(0), at(10)), // 12:00 → 12:10, 600 s
      match('W1-2', 's2', 's3', 's3', at(0), at(4)), // 240 s, an upset (seed 3 beats seed 2)
      match('W2-1', 's1', 's3', null, at(10), null), // still being played
    ];
    const figures = tournamentFigures(matches, 4, 8, seedOf);
    expect(figures).toMatchObject({ totalMatches: 3, completedMatches: 2, completionRate: 66.67, participationRate: 50, averageMatchDurationSeconds: 420, upsets: 1 });
    expect(figures.longestMatch?.name).toBe('W1-1');
    expect(figures.shortestMatch?.name).toBe('W1-2');
  });

  it('byes and skipped matches are not matches', () => {
    const bye = match('S1-3', 's3', null, 's3', null, at(0));
    const skipped = { ...match('GF2', null, null, null, null, null), status: 'SKIPPED' as const };
    const played = match('S1-1', 's1', 's2', 's2', at(0), at(0, 30));
    const figures = tournamentFigures([bye, skipped, played], 3, 3, seedOf);
    expect(figures).toMatchObject({ totalMatches: 1, completedMatches: 1, completionRate: 100, participationRate: 100, averageMatchDurationSeconds: 30, upsets: 1 });
  });

  it('nothing played yet', () => {
    const figures = tournamentFigures([match('W1-1', 's1', 's2', null, at(0), null)], 2, 16, seedOf);
    expect(figures).toEqual({ totalMatches: 1, completedMatches: 0, completionRate: 0, participationRate: 12.5, averageMatchDurationSeconds: null, upsets: 0, longestMatch: null, shortestMatch: null });
    expect(tournamentFigures([], 0, 16, seedOf)).toMatchObject({ totalMatches: 0, completionRate: 0, participationRate: 0 });
  });

  it('a tie for longest and shortest goes to the match that completed first', () => {
    const first = match('A', 's1', 's2', 's1', at(0), at(5));
    const second = match('B', 's3', 's4', 's3', at(1), at(6));
    const figures = tournamentFigures([second, first], 4, 4, seedOf);
    expect([figures.longestMatch?.name, figures.shortestMatch?.name]).toEqual(['A', 'A']);
  });

  it.each([
    ['whole seconds', at(0), at(1, 30), 's2', 90],
    ['unfinished', at(0), null, 's2', null],
    ['a bye', null, at(0), null, null],
  ])('matchSeconds: %s', (_name, readyAt, completedAt, playerB, seconds) => {
    expect(matchSeconds({ readyAt, completedAt, playerB })).toBe(seconds);
  });
});
