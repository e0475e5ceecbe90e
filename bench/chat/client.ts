// Child process of run.ts (bench/lib/ws-clients.ts does the connections and the IPC): holds `count`
// graphql-ws connections, each following one chat room (`messageAdded`), and records when each
// message arrives, by its text. Beyond ws-clients.ts's protocol:
//   open     { variables, count }
//   progress { warm, measured }      results { times: Record<text, number[]> }
// Warm-up messages' texts start with `w` (only "has this subscriber seen one" is kept); measured
// ones are `m<rate>-<i>` spelled in letters (run.ts measuredText; every receive time is kept); anything else (a "<name> joined the room"
// system message) is not the bench's.
import { changed, openSubscribers, serveParent, type OpenMessage } from '../lib/ws-clients.js';

const MEASURED = /^m[qxzj]+-[qxzj]+$/;
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
          const text = (data as { messageAdded?: { text?: string } } | null | undefined)?.messageAdded?.text;
          if (!text) return;
          if (text.startsWith('w')) {
            warmed.add(index);
          } else if (MEASURED.test(text)) {
            let list = times.get(text);
            if (!list) times.set(text, (list = []));
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
