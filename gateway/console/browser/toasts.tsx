import { useState } from 'react';
import type { Session } from './api.js';
import { useSubscription } from './use-live.js';

const UNLOCKED = `subscription ConsoleUnlocks { achievementUnlocked { unlockedAt achievement { id name rarity points } } }`;

interface Toast {
  key: string;
  name: string;
  rarity: string;
  points: number;
}

/** A toast for each achievement the player unlocks, live; each fades after 8 s. `onUnlock` lets the page refresh its progress. */
export function UnlockToasts({ session, onUnlock }: { session: Session; onUnlock: () => void }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useSubscription<{ achievementUnlocked: { unlockedAt: string; achievement: { id: string; name: string; rarity: string; points: number } } }>(
    UNLOCKED,
    {},
    [session.token],
    ({ achievementUnlocked: { achievement, unlockedAt } }) => {
      const toast = { key: `${achievement.id}:${unlockedAt}`, name: achievement.name, rarity: achievement.rarity, points: achievement.points };
      setToasts((current) => [...current, toast]);
      setTimeout(() => setToasts((current) => current.filter((t) => t.key !== toast.key)), 8_000);
      onUnlock();
    },
  );
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.key} className={`toast rarity-${t.rarity.toLowerCase()}`} role="status" data-testid="unlock-toast">
          <strong>Achievement unlocked</strong>
          <span>{t.name}</span>
          <small>
            {t.rarity.toLowerCase()} · +{t.points} pts
          </small>
        </div>
      ))}
    </div>
  );
}
