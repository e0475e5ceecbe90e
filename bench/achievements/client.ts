// Child process of run.ts (bench/lib/ws-clients.ts does the connections and the IPC): one graphql-ws
// connection per player, signed in with the player's access token in connectionParams (as the game
// client does), each subscribed to `achievementUnlocked`; records when each unlock arrives, keyed
// `<userId> <achievementId>`. Beyond ws-clients.ts's protocol:
//   open     { players: [{ userId, token }] } (may come more than once)
//   progress { received }            results { times: Record<key, number>, duplicates }
import { openSubscribers, serveParent, changed, type OpenMessage } from '../lib/ws-clients.js';

interface UnlockPayload {
  achievementUnlocked?: { achievement?: { id?: string } };
}

const times = new Map<string, number>();
/** Unlocks a subscriber received more than once. */
let duplicates = 0;

serveParent<OpenMessage & { players: { userId: string; token: string }[] }>({
  progressEveryMs: 50,
  open: (m) =>
    openSubscribers(
      m,
      m.players.map((player) => ({
        connectionParams: { authorization: `Bearer ${player.token}` },
        onData: (data, t) => {
          const achievementId = (data as UnlockPayload | null | undefined)?.achievementUnlocked?.achievement?.id;
          if (!achievementId) return;
          const key = `${player.userId} ${achievementId}`;
          if (times.has(key)) duplicates++;
          else times.set(key, t);
          changed();
        },
      })),
    ),
  progress: () => ({ received: times.size }),
  results: () => ({ times: Object.fromEntries(times), duplicates }),
});
