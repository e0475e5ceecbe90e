import type { Session } from './api.js';
import { useQuery, useSubscription } from './use-live.js';

const ME = `query ConsoleMe {
  me {
    id username displayName role level xp xpIntoLevel xpForNextLevel achievementPoints
    achievements { id status percent current target achievement { id name description rarity points } }
  }
}`;

interface PlayerAchievement {
  id: string;
  /** LOCKED, IN_PROGRESS or UNLOCKED, as the API sends it. */
  status: string;
  percent: number;
  current: number;
  target: number;
  achievement: { id: string; name: string; description: string; rarity: string; points: number };
}

interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  level: number;
  xp: number;
  xpIntoLevel: number;
  xpForNextLevel: number | null;
  achievementPoints: number | null;
  achievements: PlayerAchievement[] | null;
}

const PROGRESS = `subscription ConsoleProgress { achievementProgress { id status percent current target achievement { id name description rarity points } } }`;
const LEVEL_UP = `subscription ConsoleLevelUp { levelUp { level } }`;

/** A bar filled to `percent` (0–100), with its label. */
export function Bar({ percent, label, testId }: { percent: number; label: string; testId?: string }) {
  const clamped = Math.max(0, Math.min(100, percent));
  return (
    <div className="bar" role="progressbar" aria-valuenow={Math.round(clamped)} aria-valuemin={0} aria-valuemax={100} aria-label={label} data-testid={testId}>
      <div className="bar-fill" style={{ width: `${clamped}%` }} />
      <span className="bar-label">{label}</span>
    </div>
  );
}

/** The player's visual progress: level and XP bar, achievement points, each achievement's progress (updated live). */
export function Progress({ session, refreshKey }: { session: Session; refreshKey: number }) {
  const { data, error, setData, reload } = useQuery<{ me: Me | null }>(ME, {}, [session.token, refreshKey]);
  useSubscription<{ achievementProgress: PlayerAchievement }>(PROGRESS, {}, [session.token], ({ achievementProgress }) =>
    setData((current) =>
      current?.me
        ? { me: { ...current.me, achievements: (current.me.achievements ?? []).map((a) => (a.id === achievementProgress.id ? achievementProgress : a)) } }
        : current,
    ),
  );
  useSubscription<{ levelUp: { level: number } }>(LEVEL_UP, {}, [session.token], reload);
  if (error) return <section className="panel"><h2>Progress</h2><p className="error">{error.message}</p></section>;
  const me = data?.me;
  if (!me) return <section className="panel"><h2>Progress</h2><p>Loading…</p></section>;
  const span = me.xpForNextLevel;
  const achievements = [...(me.achievements ?? [])].sort((a, b) => (a.status === b.status ? b.percent - a.percent : a.status === 'UNLOCKED' ? 1 : -1));
  return (
    <section className="panel" data-testid="progress">
      <h2>
        {me.displayName} <small>@{me.username} · {me.role}</small>
      </h2>
      <div className="level">
        <span className="level-badge" data-testid="level">Level {me.level}</span>
        <Bar percent={span ? (100 * me.xpIntoLevel) / span : 100} label={span ? `${me.xpIntoLevel} / ${span} XP to level ${me.level + 1}` : `${me.xp} XP · top level`} testId="xp-bar" />
      </div>
      <p>
        Achievement points: <strong data-testid="achievement-points">{me.achievementPoints ?? '—'}</strong>
      </p>
      <ul className="achievements">
        {achievements.slice(0, 12).map((a) => (
          <li key={a.id} className={`rarity-${a.achievement.rarity.toLowerCase()}`}>
            <span title={a.achievement.description}>
              {a.achievement.name} <small>{a.achievement.rarity.toLowerCase()} · {a.achievement.points} pts</small>
            </span>
            <Bar percent={a.status === 'UNLOCKED' ? 100 : a.percent} label={a.status === 'UNLOCKED' ? 'unlocked' : `${a.current} / ${a.target}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
