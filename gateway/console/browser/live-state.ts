// The console's pure view logic (no DOM, no network): how a live event changes what a panel shows.

export interface Player {
  id: string;
  displayName: string;
}
export interface Match {
  id: string;
  key: string;
  side: string;
  round: number;
  position: number;
  status: string;
  score: string | null;
  playerA: Player | null;
  playerB: Player | null;
  winner: { id: string } | null;
}
export interface Round {
  side: string;
  round: number;
  matches: Match[];
}
export interface Tournament {
  id: string;
  name: string;
  format: string;
  status: string;
  participantCount: number;
  bracket: Round[];
}

/** Puts a match (as matchUpdated delivers it) into its round, adding the round when it is new (a Swiss round just paired). */
export function placeMatch(rounds: Round[], match: Match): Round[] {
  const at = rounds.findIndex((r) => r.side === match.side && r.round === match.round);
  if (at === -1) return [...rounds, { side: match.side, round: match.round, matches: [match] }];
  const round = rounds[at]!;
  const matches = round.matches.some((m) => m.id === match.id) ? round.matches.map((m) => (m.id === match.id ? match : m)) : [...round.matches, match].sort((a, b) => a.position - b.position);
  return rounds.map((r, i) => (i === at ? { ...r, matches } : r));
}

export interface History {
  dailyActivity: { day: string; events: number; activePlayers: number; newPlayers: number }[] | null;
  retentionCohorts: { day: string; players: number; retained: { day: number; players: number; rate: number }[] }[] | null;
}

/** Retention by days since first seen, over every cohort of the range: players retained ÷ players, for each day offset the API reports. */
export function retentionCurve(cohorts: NonNullable<History['retentionCohorts']>): { day: number; rate: number }[] {
  const byDay = new Map<number, { retained: number; players: number }>();
  for (const cohort of cohorts)
    for (const point of cohort.retained) {
      const sum = byDay.get(point.day) ?? { retained: 0, players: 0 };
      sum.retained += point.players;
      sum.players += cohort.players;
      byDay.set(point.day, sum);
    }
  return [...byDay].sort((a, b) => a[0] - b[0]).map(([day, s]) => ({ day, rate: s.players ? s.retained / s.players : 0 }));
}

