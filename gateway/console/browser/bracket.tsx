import { useEffect, useState } from 'react';
import type { Session } from './api.js';
import { placeMatch, type Match, type Player, type Tournament } from './live-state.js';
import { useQuery, useSubscription } from './use-live.js';

const TOURNAMENTS = `query ConsoleTournaments { tournaments(first: 50) { edges { node { id name format status } } } }`;
const MATCH = `id key side round position status score playerA { id displayName } playerB { id displayName } winner { id }`;
const TOURNAMENT = `query ConsoleTournament($id: ID!) { tournament(id: $id) { id name format status participantCount bracket { side round matches { ${MATCH} } } } }`;
const MATCH_UPDATED = `subscription ConsoleMatches($id: ID!) { matchUpdated(tournamentId: $id) { ${MATCH} } }`;
const TOURNAMENT_UPDATED = `subscription ConsoleTournamentUpdated($id: ID!) { tournamentUpdated(id: $id) { id status participantCount } }`;

function Slot({ player, winner }: { player: Player | null; winner: string | undefined }) {
  if (!player) return <div className="slot empty">—</div>;
  return <div className={`slot ${winner === player.id ? 'won' : winner ? 'lost' : ''}`}>{player.displayName}</div>;
}

/** A tournament's bracket, live for spectators: each result moves the winner on as it is reported. */
export function Bracket({ session }: { session: Session }) {
  const list = useQuery<{ tournaments: { edges: { node: { id: string; name: string; format: string; status: string } }[] } | null }>(TOURNAMENTS, {}, [session.token]);
  const tournaments = list.data?.tournaments?.edges.map((e) => e.node) ?? [];
  const [id, setId] = useState('');
  useEffect(() => {
    if (!id && tournaments.length) setId((tournaments.find((t) => t.status === 'IN_PROGRESS') ?? tournaments[0]!).id);
  }, [tournaments, id]);
  const loaded = useQuery<{ tournament: Tournament | null }>(TOURNAMENT, { id }, [id]);
  const [tournament, setTournament] = useState<Tournament | null>(null);
  useEffect(() => setTournament(loaded.data?.tournament ?? null), [loaded.data]);
  const liveError = useSubscription<{ matchUpdated: Match }>(MATCH_UPDATED, { id }, [id], ({ matchUpdated }) => setTournament((t) => (t ? { ...t, bracket: placeMatch(t.bracket, matchUpdated) } : t)), id !== '');
  useSubscription<{ tournamentUpdated: { status: string; participantCount: number } }>(
    TOURNAMENT_UPDATED,
    { id },
    [id],
    ({ tournamentUpdated }) => {
      setTournament((t) => (t ? { ...t, ...tournamentUpdated } : t));
      if (tournamentUpdated.status === 'IN_PROGRESS') loaded.reload();
    },
    id !== '',
  );
  return (
    <section className="panel bracket" data-testid="bracket">
      <h2>
        Tournament{' '}
        <select aria-label="Tournament" value={id} onChange={(e) => setId(e.target.value)}>
          {tournaments.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.format.toLowerCase().replace(/_/g, ' ')}, {t.status.toLowerCase().replace(/_/g, ' ')})
            </option>
          ))}
        </select>
      </h2>
      {(list.error ?? loaded.error) && <p className="error">{(list.error ?? loaded.error)!.message}</p>}
      {liveError && <p className="error">Live: {liveError.message}</p>}
      {tournaments.length === 0 && <p>No tournament yet.</p>}
      {tournament && (
        <>
          <p>
            {tournament.participantCount} players · <span data-testid="tournament-status">{tournament.status.toLowerCase().replace(/_/g, ' ')}</span>
          </p>
          {tournament.bracket.length === 0 && <p>The bracket is drawn when play starts.</p>}
          <div className="rounds">
            {tournament.bracket.map((round) => (
              <div key={`${round.side}:${round.round}`} className="round">
                <h3>
                  {round.side.toLowerCase().replace(/_/g, ' ')} {round.round}
                </h3>
                {round.matches.map((m) => (
                  <div key={m.id} className={`match status-${m.status.toLowerCase()}`} data-testid="match" data-status={m.status}>
                    <Slot player={m.playerA} winner={m.winner?.id} />
                    <Slot player={m.playerB} winner={m.winner?.id} />
                    {m.score && <small className="score">{m.score}</small>}
                  </div>
                ))}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
