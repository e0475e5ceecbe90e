// Child process of run.ts (bench/lib/ws-clients.ts does the connections and the IPC): holds `count`
// graphql-ws connections, each following one chat room (`messageAdded`), and records when each
// message arrives, by its text. Beyond ws-clients.ts's protocol:
//   open     { variables, count, lean? }
//   progress { warm, measured }      results { times: Record<text, number[]> }
// Warm-up messages' texts start with `w` (only "has this subscriber seen one" is kept); measured
// ones are `m<rate>-<i>` spelled in letters (run.ts measuredText; every receive time is kept); anything else (a "<name> joined the room"
// system message) is not the bench's. With `lean`, the subscribers are lean-ws.ts's bare-socket
// clients and the text is read from each message's bytes without parsing the rest.
import { stringField } from '../lib/lean-ws.js';
import { changed, openLeanSubscribers, openSubscribers, serveParent, type OpenMessage } from '../lib/ws-clients.js';

const MEASURED = /^m[qxzj]+-[qxzj]+$/;
const TEXT = Buffer.from('"text":"');
const times = new Map<string, number[]>();
const warmed = new Set<number>();
let measured = 0;

function received(index: number, text: string | undefined, t: number) {
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
}

serveParent<OpenMessage & { variables: Record<string, unknown>; count: number }>({
  progressEveryMs: 100,
  open: (m) =>
    m.lean
      ? openLeanSubscribers(
          m,
          Array.from({ length: m.count }, (_, index) => ({
            variables: m.variables,
            onNext: (message, t) => received(index, stringField(message, TEXT), t),
          })),
        )
      : openSubscribers(
          m,
          Array.from({ length: m.count }, (_, index) => ({
            variables: m.variables,
            onData: (data, t) => received(index, (data as { messageAdded?: { text?: string } } | null | undefined)?.messageAdded?.text, t),
          })),
        ),
  progress: () => ({ warm: warmed.size, measured }),
  results: () => ({ times: Object.fromEntries(times) }),
});
