import { useEffect, useMemo, useState } from 'react';
import type { Session } from './api.js';
import { LineChart } from './chart.js';
import { ExperimentResults } from './experiments.js';
import { retentionCurve, type History } from './live-state.js';
import { useQuery, useSubscription } from './use-live.js';

const METRICS_FIELDS = `computedAt activePlayers concurrentSessions eventsPerSecond apiRequestsPerMinute webSocketMessagesPerSecond achievementUnlocksPerHour engagementScore growth { newPlayers rate } retention { day1 day7 day30 }`;
const METRICS = `query ConsoleMetrics { realtimeMetrics { ${METRICS_FIELDS} } }`;
const METRICS_LIVE = `subscription ConsoleMetricsLive { realtimeMetricsUpdated { ${METRICS_FIELDS} } }`;
const HISTORY = `query ConsoleHistory($from: DateTime!, $to: DateTime!) {
  dailyActivity(from: $from, to: $to) { day events activePlayers newPlayers }
  retentionCohorts(from: $from, to: $to) { day players retained { day players rate } }
}`;

interface Metrics {
  computedAt: string;
  activePlayers: number;
  concurrentSessions: number;
  eventsPerSecond: number;
  apiRequestsPerMinute: number;
  webSocketMessagesPerSecond: number;
  achievementUnlocksPerHour: number;
  engagementScore: number | null;
  growth: { newPlayers: number; rate: number | null };
  retention: { day1: number | null; day7: number | null; day30: number | null };
}
const DAY = 86_400_000;
const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(100 * rate).toFixed(1)}%`);

/** The studio's live dashboard (ADMIN): the window's figures as they slide, 30 days of activity, the retention curve. */
export function Dashboard({ session }: { session: Session }) {
  const [points, setPoints] = useState<Metrics[]>([]);
  const add = (m: Metrics | null) => {
    if (m) setPoints((current) => (current.at(-1)?.computedAt === m.computedAt ? current : [...current, m].slice(-120)));
  };
  const initial = useQuery<{ realtimeMetrics: Metrics | null }>(METRICS, {}, [session.token]);
  useEffect(() => add(initial.data?.realtimeMetrics ?? null), [initial.data]);
  const liveError = useSubscription<{ realtimeMetricsUpdated: Metrics }>(METRICS_LIVE, {}, [session.token], ({ realtimeMetricsUpdated }) => add(realtimeMetricsUpdated));
  const range = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / DAY) * DAY);
    return { from: new Date(to.getTime() - 30 * DAY).toISOString(), to: to.toISOString() };
  }, []);
  const history = useQuery<History>(HISTORY, range, [session.token]);
  const latest = points.at(-1);
  const live = useMemo(
    () => ({
      labels: points.map((p) => new Date(p.computedAt).toLocaleTimeString()),
      series: [
        { label: 'active players (5 min)', values: points.map((p) => p.activePlayers), color: '#3b82f6' },
        { label: 'events per second', values: points.map((p) => p.eventsPerSecond), color: '#f59e0b', right: true },
      ],
    }),
    [points],
  );
  const days = history.data?.dailyActivity ?? [];
  const daily = useMemo(
    () => ({
      labels: days.map((d) => d.day.slice(5, 10)),
      series: [
        { label: 'daily active players', values: days.map((d) => d.activePlayers), color: '#10b981' },
        { label: 'new players', values: days.map((d) => d.newPlayers), color: '#8b5cf6' },
      ],
    }),
    [days],
  );
  const curve = useMemo(() => retentionCurve(history.data?.retentionCohorts ?? []), [history.data]);
  const retention = useMemo(() => ({ labels: curve.map((p) => `D${p.day}`), series: [{ label: 'retained (all cohorts)', values: curve.map((p) => Math.round(1000 * p.rate) / 10), color: '#ef4444' }] }), [curve]);
  const error = initial.error ?? history.error ?? liveError;
  return (
    <section className="panel dashboard" data-testid="dashboard">
      <h2>Live dashboard</h2>
      {error && <p className="error">{error.message}</p>}
      {latest && (
        <dl className="figures">
          <div><dt>Active players</dt><dd data-testid="active-players">{latest.activePlayers}</dd></div>
          <div><dt>Sessions now</dt><dd>{latest.concurrentSessions}</dd></div>
          <div><dt>Events/s</dt><dd>{latest.eventsPerSecond.toFixed(2)}</dd></div>
          <div><dt>API requests/min</dt><dd>{latest.apiRequestsPerMinute}</dd></div>
          <div><dt>WebSocket messages/s</dt><dd>{latest.webSocketMessagesPerSecond.toFixed(1)}</dd></div>
          <div><dt>Unlocks/hour</dt><dd>{latest.achievementUnlocksPerHour}</dd></div>
          <div><dt>Growth</dt><dd>{pct(latest.growth.rate)}</dd></div>
          <div><dt>Engagement</dt><dd>{latest.engagementScore?.toFixed(1) ?? '—'}</dd></div>
          <div><dt>D1 / D7 / D30</dt><dd>{pct(latest.retention.day1)} / {pct(latest.retention.day7)} / {pct(latest.retention.day30)}</dd></div>
        </dl>
      )}
      <div className="charts">
        <figure><figcaption>Now (every 30 s)</figcaption><LineChart labels={live.labels} series={live.series} testId="live-chart" /></figure>
        <figure><figcaption>Last 30 days</figcaption><LineChart labels={daily.labels} series={daily.series} kind="bar" testId="daily-chart" /></figure>
        <figure><figcaption>Retention curve (%)</figcaption><LineChart labels={retention.labels} series={retention.series} testId="retention-chart" yMax={100} /></figure>
        <figure className="wide"><figcaption>Experiment results</figcaption><ExperimentResults /></figure>
      </div>
    </section>
  );
}
