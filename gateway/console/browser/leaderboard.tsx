import { useEffect, useState } from 'react';
import type { Session } from './api.js';
import { useQuery, useSubscription } from './use-live.js';

const BOARDS = `query ConsoleLeaderboards { leaderboards(first: 100) { id title sortOrder } }`;
const RECORD = `rank score player { id username displayName }`;
const TOP = `query ConsoleTop($id: ID!) { leaderboard(id: $id) { id title top(first: 10) { edges { node { ${RECORD} } } } } }`;
const UPDATED = `subscription ConsoleBoard($id: ID!) { leaderboardUpdated(id: $id, first: 10) { reset top { ${RECORD} } } }`;
const RANK = `subscription ConsoleRank($id: ID!) { rankChanged(leaderboardId: $id) { rank } }`;

interface RecordRow {
  rank: number;
  score: number;
  player: { id: string; username: string; displayName: string };
}

/** A leaderboard's top 10, live: every submission that changes it moves the rows; the player hears when someone passes them. */
export function Leaderboard({ session }: { session: Session }) {
  const boards = useQuery<{ leaderboards: { id: string; title: string }[] }>(BOARDS, {}, [session.token]);
  const [id, setId] = useState('');
  useEffect(() => {
    const first = boards.data?.leaderboards[0];
    if (!id && first) setId(first.id);
  }, [boards.data, id]);
  const top = useQuery<{ leaderboard: { top: { edges: { node: RecordRow }[] } } | null }>(TOP, { id }, [id]);
  const [rows, setRows] = useState<RecordRow[]>([]);
  useEffect(() => setRows(top.data?.leaderboard?.top.edges.map((e) => e.node) ?? []), [top.data]);
  const liveError = useSubscription<{ leaderboardUpdated: { top: RecordRow[] } }>(UPDATED, { id }, [id], ({ leaderboardUpdated }) => setRows(leaderboardUpdated.top), id !== '');
  const [passed, setPassed] = useState<string | null>(null);
  useSubscription<{ rankChanged: { rank: number } }>(RANK, { id }, [id, session.token], ({ rankChanged }) => setPassed(`Someone passed you: you are #${rankChanged.rank} now.`), id !== '');
  if (boards.data && boards.data.leaderboards.length === 0) return <section className="panel"><h2>Leaderboard</h2><p>No leaderboard is defined yet.</p></section>;
  return (
    <section className="panel" data-testid="leaderboard">
      <h2>
        Leaderboard{' '}
        <select aria-label="Leaderboard" value={id} onChange={(e) => setId(e.target.value)}>
          {boards.data?.leaderboards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </h2>
      {(boards.error ?? top.error) && <p className="error">{(boards.error ?? top.error)!.message}</p>}
      {liveError && <p className="error">Live: {liveError.message}</p>}
      {passed && <p className="notice">{passed}</p>}
      <ol className="records" data-testid="records">
        {rows.map((r) => (
          <li key={r.player.id} className={r.player.id === session.userId ? 'me' : ''}>
            <span className="rank">#{r.rank}</span> <span className="who">{r.player.displayName}</span> <span className="score">{r.score}</span>
          </li>
        ))}
        {rows.length === 0 && <li className="empty">No score yet this period.</li>}
      </ol>
    </section>
  );
}
