import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/auth.js';
import { SUPERGRAPH_PATH } from '../../platform/subgraph/names.js';
import { silentLogger } from '../../platform/testing.js';
import { SubscriptionEngine } from './engine.js';
import { createSubscriptionMetrics } from './metrics.js';
import { SubscriptionPlanner, type SubscriptionPlan } from './planner.js';
import type { UpstreamPool, UpstreamSink } from './upstream.js';

const SDL = readFileSync(SUPERGRAPH_PATH, 'utf8');

/** The same supergraph, planned as if a field had moved into the owning subgraph: the primary fetch's text differs. */
class MovedFieldPlanner extends SubscriptionPlanner {
  override plan(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const plan = super.plan(document, operationName);
    return { ...plan, primary: { ...plan.primary, operation: `${plan.primary.operation} ` } };
  }
}

/**
 * An upstream pool that records what is opened and closed. Closing completes the sink, as
 * graphql-ws's client does when a subscription is disposed.
 */
function recordingUpstream() {
  const opened: string[] = [];
  const closed: string[] = [];
  const sinks: UpstreamSink[] = [];
  const pool = {
    subscribe: (_subgraph: string, request: { query: string }, _viewer: unknown, sink: UpstreamSink) => {
      opened.push(request.query);
      sinks.push(sink);
      return () => {
        closed.push(request.query);
        queueMicrotask(() => sink.complete());
      };
    },
  } as unknown as UpstreamPool;
  return { pool, opened, closed, sinks };
}

function engineWith(upstream: UpstreamPool) {
  return new SubscriptionEngine({
    planner: new SubscriptionPlanner(SDL),
    upstream,
    dataSources: {},
    logger: silentLogger,
    metrics: createSubscriptionMetrics(new Registry()),
  });
}

const frames: string[] = [];
const connection = { sendMessage: (head: Buffer, body: Buffer) => void frames.push(head.toString() + body.toString()) };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('SubscriptionEngine.updateSupergraph', () => {
  const document = parse('subscription($id: ID!) { profileUpdated(userId: $id) { id displayName } }');
  const request = { viewer: ANONYMOUS, document, variables: { id: '00000000-0000-4000-8000-000000000001' } };

  it('keeps the upstream subscription when the part sent to the owning subgraph is unchanged', async () => {
    const upstream = recordingUpstream();
    const engine = engineWith(upstream.pool);
    engine.subscribe(request, connection, '1');
    engine.updateSupergraph(new SubscriptionPlanner(SDL));
    await settle();
    expect(upstream.opened).toHaveLength(1);
    expect(upstream.closed).toHaveLength(0);
    expect(engine.subscriberCount).toBe(1);
  });

  it('reopens the upstream subscription, once, when that part changed, and keeps the subscriber', async () => {
    const upstream = recordingUpstream();
    const engine = engineWith(upstream.pool);
    engine.subscribe(request, connection, '1');
    engine.subscribe(request, connection, '2'); // same group
    engine.updateSupergraph(new MovedFieldPlanner(SDL));
    await settle();
    expect(upstream.closed).toEqual([upstream.opened[0]]);
    expect(upstream.opened).toHaveLength(2);
    expect(upstream.opened[1]).toBe(`${upstream.opened[0]} `);
    expect(engine.subscriberCount).toBe(2);
    expect(engine.groupCount).toBe(1);
    // Events from the new upstream still reach the group (the old one's completion did not end it).
    expect(upstream.closed).toHaveLength(1);
  });

  it('ends a resumed subscription, instead of replaying its old cursor, when its upstream must be reopened', async () => {
    const upstream = recordingUpstream();
    const engine = engineWith(upstream.pool);
    frames.length = 0;
    const resumed = parse('subscription($room: ID!, $after: String) { messageAdded(roomId: $room, after: $after) { id } }');
    const listener = engine.subscribe(
      { viewer: ANONYMOUS, document: resumed, variables: { room: '00000000-0000-4000-8000-000000000001', after: 'cursor-1' } },
      connection,
      '9',
    ) as AsyncIterableIterator<unknown>;
    const ended = listener.next();
    engine.updateSupergraph(new MovedFieldPlanner(SDL));
    expect(await ended).toEqual({ value: undefined, done: true });
    expect(JSON.parse(frames.at(-1)!)).toMatchObject({ id: '9', payload: { errors: [{ extensions: { code: 'SUBSCRIPTION_INVALIDATED' } }] } });
    expect(upstream.opened).toHaveLength(1); // not reopened from the old cursor
    expect(engine.groupCount).toBe(0);
  });

  it('ends an invalidated subscription with SUBSCRIPTION_INVALIDATED and closes its upstream', async () => {
    const upstream = recordingUpstream();
    const engine = engineWith(upstream.pool);
    frames.length = 0;
    const listener = engine.subscribe(request, connection, '7') as AsyncIterableIterator<unknown>;
    const ended = listener.next();
    // A supergraph without profileUpdated: the operation no longer validates.
    const without = SDL.replace(/\n\s*"""\n[^"]*"""\n\s*profileUpdated\([\s\S]*?\): User! @join__field\(graph: USERS\) @publicStream\n/, '\n');
    expect(without).not.toBe(SDL);
    engine.updateSupergraph(new SubscriptionPlanner(without));
    expect(await ended).toEqual({ value: undefined, done: true });
    expect(JSON.parse(frames.at(-1)!)).toMatchObject({ id: '7', type: 'next', payload: { errors: [{ extensions: { code: 'SUBSCRIPTION_INVALIDATED' } }] } });
    expect(upstream.closed).toEqual(upstream.opened);
    expect(engine.groupCount).toBe(0);
  });
});

describe('SubscriptionEngine when an upstream subscription is interrupted', () => {
  it('ends every subscriber of the group with SUBSCRIPTION_INTERRUPTED, naming the cursor to resume from', async () => {
    const upstream = recordingUpstream();
    const engine = engineWith(upstream.pool);
    frames.length = 0;
    const chat = parse('subscription($room: ID!) { messageAdded(roomId: $room) { id } }');
    const request = { viewer: ANONYMOUS, document: chat, variables: { room: '00000000-0000-4000-8000-000000000001' } };
    const first = (engine.subscribe(request, connection, '1') as AsyncIterableIterator<unknown>).next();
    const second = (engine.subscribe(request, connection, '2') as AsyncIterableIterator<unknown>).next();
    upstream.sinks[0]!.interrupted();
    expect(await first).toEqual({ value: undefined, done: true });
    expect(await second).toEqual({ value: undefined, done: true });
    const sent = frames.map((f) => JSON.parse(f) as { id: string; payload: { errors: { message: string; extensions: { code: string } }[] } });
    expect(sent.map((f) => [f.id, f.payload.errors[0]!.extensions.code])).toEqual([
      ['1', 'SUBSCRIPTION_INTERRUPTED'],
      ['2', 'SUBSCRIPTION_INTERRUPTED'],
    ]);
    expect(sent[0]!.payload.errors[0]!.message).toContain('messageAdded(after:)');
    expect(engine.groupCount).toBe(0);
  });
});

describe('SubscriptionEngine resolving events', () => {
  it('resolves the next events while one waits on its entity fetch, and writes them in arrival order', async () => {
    const upstream = recordingUpstream();
    const fetches: string[] = [];
    // The users subgraph: the first author's fetch takes 150 ms, the others' 40 ms.
    const users = {
      process: async ({ request }: { request: { variables?: { representations?: { id: string }[] } } }) => {
        const ids = (request.variables?.representations ?? []).map((r) => r.id);
        fetches.push(ids.join(','));
        await new Promise((r) => setTimeout(r, ids.includes('u1') ? 150 : 40));
        return { data: { _entities: ids.map((id) => ({ __typename: 'User', username: `name-${id}` })) } };
      },
    };
    const engine = new SubscriptionEngine({
      planner: new SubscriptionPlanner(SDL),
      upstream: upstream.pool,
      dataSources: { users: users as never },
      logger: silentLogger,
      metrics: createSubscriptionMetrics(new Registry()),
    });
    const received: { at: number; frame: string }[] = [];
    const sink = { sendMessage: (head: Buffer, body: Buffer) => void received.push({ at: performance.now(), frame: head.toString() + body.toString() }) };
    const chat = parse('subscription($room: ID!) { messageAdded(roomId: $room) { id author { username } } }');
    engine.subscribe({ viewer: ANONYMOUS, document: chat, variables: { room: '00000000-0000-4000-8000-000000000001' } }, sink, '1');
    const started = performance.now();
    for (let i = 1; i <= 10; i++) upstream.sinks[0]!.next({ data: { messageAdded: { id: `m${i}`, author: { __typename: 'User', id: `u${i}` } } } });
    for (let i = 0; i < 100 && received.length < 10; i++) await new Promise((r) => setTimeout(r, 10));
    const payloads = received.map((r) => (JSON.parse(r.frame) as { payload: { data: { messageAdded: { id: string; author: { username: string } } } } }).payload.data.messageAdded);
    expect(payloads.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 1}`));
    expect(payloads.map((m) => m.author.username)).toEqual(Array.from({ length: 10 }, (_, i) => `name-u${i + 1}`));
    expect(fetches).toHaveLength(10);
    // One at a time this would take 150 + 9 × 40 = 510 ms (less a few ms of timers firing early); at once,
    // about the slowest fetch, all after it. The bound leaves a loaded machine's late timers all it can.
    expect(received.at(-1)!.at - started).toBeLessThan(480);
    expect(received[0]!.at - started).toBeGreaterThanOrEqual(140);
  });
});
