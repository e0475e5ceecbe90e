// Child process of run.ts (bench/lib/ws-clients.ts does the connections and the IPC): holds `count`
// graphql-ws connections (one subscription each, same variables) to a gateway and records when each
// event arrives, by its displayName. Beyond ws-clients.ts's protocol:
//   open     { variables, count }
//   progress { warm, measured }      results { times: Record<eventName, number[]> }
// Warm-up events are named `w…` (only "has this subscriber seen one" is kept); measured events any
// other name (every receive time is kept).
import { openSubscribers, serveParent, changed, type OpenMessage } from '../lib/ws-clients.js';

const times = new Map<string, number[]>();
const warmed = new Set<number>();
let measured = 0;

serveParent<OpenMessage & { variables: Record<string, unknown>; count: number }>({
  progressEveryMs: 100,
  open: (m) =>
    openSubscribers(
      m,
      Array.from({ length: m.count }, (_, index) => ({
        variables: m.variables,
        onData: (data, t) => {
          const name = (data as { profileUpdated?: { displayName?: string } } | null | undefined)?.profileUpdated?.displayName;
          if (!name) return;
          if (name.startsWith('w')) {
            warmed.add(index);
          } else {
            let list = times.get(name);
            if (!list) times.set(name, (list = []));
            list.push(t);
            measured++;
          }
          changed();
        },
      })),
    ),
  progress: () => ({ warm: warmed.size, measured }),
  results: () => ({ times: Object.fromEntries(times) }),
});
