import { executeQueryPlan, type GraphQLDataSource } from '@apollo/gateway';
import type { FetchNode, PlanNode } from '@apollo/query-planner';
import { GraphQLError, validate, valueFromASTUntyped, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import { ErrorCode } from '../../platform/errors.js';
import { Listener, nextMessageBody, type ClientConnection, type ListenerOwner } from './listener.js';
import type { SubscriptionMetrics } from './metrics.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './planner.js';
import type { UpstreamPool } from './upstream.js';

export interface SubscriptionRequest {
  viewer: Viewer;
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName?: string | null;
}

export interface SubscriptionEngineDeps {
  /** Plans over the supergraph the gateway starts with; `updateSupergraph` replaces it. */
  planner: SubscriptionPlanner;
  upstream: UpstreamPool;
  /** The gateway's data sources by subgraph name (signed viewer headers, like queries). */
  dataSources: Record<string, GraphQLDataSource>;
  logger: Logger;
  metrics: SubscriptionMetrics;
  /**
   * Each event is resolved within this of reaching the gateway: entity fetches still in flight
   * then are aborted and later ones not made; the event goes out with what was fetched and a
   * TIMEOUT error. Unset: an event waits for its fetches as long as they take.
   */
  eventDeadlineMs?: number;
}

// The synthetic data source that hands an upstream event to the executor as if the primary fetch
// had returned it; the executor then runs the rest of the plan and shapes the result.
const EVENT_SOURCE = '__event';
/**
 * Events of one group resolved at once. Each waits on its entity fetches (a round trip to another
 * subgraph); one at a time, a room's rate was capped at one event per round trip and a busy
 * subgraph made the backlog grow by seconds (bench/RESULTS.md "Chat"). Past this, an event is
 * resolved in its turn, after the ones before it.
 */
const MAX_RESOLVING = 64;

/**
 * Executes subscriptions through the gateway. Subscribers with the same document, variables and
 * authorization scope share one Group: one upstream subscription and one resolution per event,
 * whose result is pushed to every subscriber.
 */
export class SubscriptionEngine {
  private readonly groups = new Map<string, Group>();
  private closed = false;
  private resumeCounter = 0;
  /** Plans over the current supergraph. */
  planner: SubscriptionPlanner;

  constructor(readonly deps: SubscriptionEngineDeps) {
    this.planner = deps.planner;
  }

  /**
   * Moves every subscription to a new supergraph. A subscription whose operation is still valid
   * carries on (re-planned: its next event is resolved over the new supergraph; its upstream
   * subscription is reopened only if the part sent to the owning subgraph changed). One that is no
   * longer valid gets a SUBSCRIPTION_INVALIDATED error and ends, and its upstream subscription
   * closes with it, so nothing planned over the old supergraph lives on.
   */
  updateSupergraph(planner: SubscriptionPlanner): void {
    this.planner = planner;
    for (const group of [...this.groups.values()]) group.replan(planner);
  }

  /** Why the viewer may not open this (validated) subscription, or null when they may. */
  refusal(request: SubscriptionRequest): GraphQLError | null {
    if (this.closed) return coded('The server is shutting down.', ErrorCode.INTERNAL_SERVER_ERROR);
    let plan: SubscriptionPlan;
    try {
      plan = this.planner.plan(request.document, request.operationName);
    } catch {
      // A root field left out by @skip/@include leaves nothing to subscribe to.
      return coded('A subscription selects exactly one root field, without @skip or @include on it.', ErrorCode.BAD_USER_INPUT);
    }
    if (!plan.publicStream && !request.viewer.userId) {
      // As the subgraphs' requireUser answers: a service token did authenticate, it is just not a player.
      if (request.viewer.kind === 'service') return coded(`${plan.field} follows a signed-in player; a service token acts for the game server, not a player.`, ErrorCode.FORBIDDEN);
      return coded(`Sign in to subscribe to ${plan.field}.`, ErrorCode.UNAUTHENTICATED);
    }
    return null;
  }

  /**
   * Adds a subscriber; events are written straight to its connection with its operation id. The
   * returned iterator ends when the subscription does. Call `refusal` first.
   */
  subscribe(request: SubscriptionRequest, connection: ClientConnection, operationId: string): AsyncIterableIterator<ExecutionResult> | ExecutionResult {
    const refusal = this.refusal(request);
    if (refusal) return { errors: [refusal] };
    const { planner } = this;
    const plan = planner.plan(request.document, request.operationName);
    // Public streams resolve as nobody in particular, so what one subscriber sees never depends on who they are.
    const resolveAs = plan.publicStream ? ANONYMOUS : request.viewer;
    // A subscriber resuming from a cursor needs its own replay, so it never joins a group.
    const resuming = plan.afterArgument && valueFromASTUntyped(plan.afterArgument, request.variables) != null;
    const key = resuming ? `resume:${++this.resumeCounter}` : groupKey(request, resolveAs, planner.textOf(request.document));
    let group = this.groups.get(key);
    if (!group) {
      group = new Group(this, key, request, planner, plan, resolveAs, Boolean(resuming));
      this.groups.set(key, group);
      group.start();
      this.deps.metrics.upstreams.set(this.groups.size);
    }
    return group.add(connection, operationId);
  }

  get subscriberCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.size;
    return n;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  /** Completes every subscription (clients get `complete`) and stops upstream ones. */
  completeAll(): void {
    this.closed = true;
    for (const group of [...this.groups.values()]) group.endAll();
  }

  /** @internal */
  removeGroup(group: Group) {
    if (this.groups.get(group.key) === group) this.groups.delete(group.key);
    this.deps.metrics.upstreams.set(this.groups.size);
  }
}

class Group implements ListenerOwner {
  private readonly listeners = new Set<Listener>();
  private stopUpstream?: () => void;
  private chain: Promise<void> = Promise.resolve();
  /** Events being resolved (their entity fetches in flight). */
  private resolving = 0;
  /** Replans queued in the chain, not yet run. */
  private replans = 0;
  private readonly variables: Record<string, unknown>;
  /** Which upstream subscription is current: callbacks of one closed by a replan are ignored. */
  private generation = 0;

  constructor(
    private readonly engine: SubscriptionEngine,
    readonly key: string,
    private readonly request: SubscriptionRequest,
    private planner: SubscriptionPlanner,
    private plan: SubscriptionPlan,
    private readonly viewer: Viewer,
    /** Opened with an `after:` cursor (its own group, replayed from storage). */
    private readonly resuming: boolean,
  ) {
    this.variables = request.variables;
  }

  get size() {
    return this.listeners.size;
  }

  start() {
    const { primary } = this.plan;
    const variables = Object.fromEntries(
      (primary.variableUsages ?? []).filter((name) => name in this.variables).map((name) => [name, this.variables[name]]),
    );
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.stopUpstream = this.engine.deps.upstream.subscribe(
      primary.serviceName,
      { query: primary.operation, variables, operationName: primary.operationName },
      this.viewer,
      {
        next: (event) => {
          if (!current()) return;
          const received = performance.now();
          // Resolved at once (up to MAX_RESOLVING at a time), written in arrival order: an event's
          // entity fetches do not wait for the previous event's.
          // Not while a replan waits in the chain: events after it are resolved with the new plan.
          const resolving = this.resolving < MAX_RESOLVING && this.replans === 0 ? this.settle(event, received) : undefined;
          this.chain = this.chain.then(async () => {
            const result = await (resolving ?? (this.listeners.size > 0 ? this.settle(event, received) : undefined));
            if (result && this.listeners.size > 0) this.fanOut(result, received);
          });
        },
        error: (error) => {
          if (!current()) return;
          this.engine.deps.logger.warn({ err: error, field: this.plan.field }, 'upstream subscription failed');
          this.chain = this.chain.then(() => {
            this.fanOut({ errors: asGraphQLErrors(error) }, performance.now());
            this.endAll();
          });
        },
        // Closing an upstream subscription completes it: only the current one's completion ends the group.
        complete: () => {
          if (!current()) return;
          this.chain = this.chain.then(() => this.endAll());
        },
        interrupted: () => {
          if (!current()) return;
          this.engine.deps.logger.warn({ field: this.plan.field, subscribers: this.listeners.size }, 'upstream subscription interrupted; its subscribers are told to resubscribe');
          this.chain = this.chain.then(() => this.interrupt());
        },
      },
    );
  }

  /**
   * Events may have been lost upstream: every subscriber gets a SUBSCRIPTION_INTERRUPTED error and
   * ends, never a stream that silently skipped some. A resumable field's subscribers resubscribe
   * from the cursor of the last event they received; others re-read what they follow.
   */
  private interrupt() {
    const how = this.plan.resumable
      ? `subscribe again, passing the cursor of the last event you received as ${this.plan.field}(after:)`
      : 'subscribe again, and read what changed meanwhile from its query';
    this.fanOut({ errors: [coded(`The live stream was interrupted and events may have been missed: ${how}.`, ErrorCode.SUBSCRIPTION_INTERRUPTED)] }, performance.now());
    this.endAll();
  }

  /** Sends every subscriber a SUBSCRIPTION_INVALIDATED error, then ends them. */
  private invalidate(reason: string) {
    this.fanOut({ errors: [coded(`The API changed and this subscription is no longer valid: ${reason}`, ErrorCode.SUBSCRIPTION_INVALIDATED)] }, performance.now());
    this.endAll();
  }

  /** See SubscriptionEngine.updateSupergraph. Runs after the events already queued, in order. */
  replan(planner: SubscriptionPlanner) {
    this.replans++;
    this.chain = this.chain.then(() => {
      this.replans--;
      if (this.listeners.size === 0) return;
      const { document, operationName } = this.request;
      let plan: SubscriptionPlan | undefined;
      let reason = validate(planner.apiSchema, document)[0]?.message;
      if (!reason) {
        try {
          plan = planner.plan(document, operationName);
        } catch (error) {
          reason = (error as Error).message;
        }
      }
      // Who an event is resolved as was decided by @publicStream when the group formed.
      if (plan && plan.publicStream !== this.plan.publicStream) reason = `${plan.field} changed between a public and a per-viewer stream.`;
      if (!plan || reason) return this.invalidate(`${reason} Subscribe again with an updated operation.`);
      const upstreamChanged = plan.primary.serviceName !== this.plan.primary.serviceName || plan.primary.operation !== this.plan.primary.operation;
      // A resumed stream's upstream replays from the cursor it was opened with: reopening it would
      // send events the client already has. The client resumes from its own last cursor instead.
      if (upstreamChanged && this.resuming) return this.invalidate('Subscribe again, passing the cursor of the last event you received.');
      this.planner = planner;
      this.plan = plan;
      if (!upstreamChanged) return;
      this.stopUpstream?.();
      try {
        this.start();
      } catch (error) {
        this.engine.deps.logger.error({ err: error, field: plan.field }, 'reopening an upstream subscription after a supergraph change failed');
        this.invalidate(`${plan.field} could not be reopened on ${plan.primary.serviceName}. Subscribe again.`);
      }
    });
  }

  add(connection: ClientConnection, operationId: string): Listener {
    const listener = new Listener(connection, operationId, this);
    this.listeners.add(listener);
    this.engine.deps.metrics.subscriptions.inc();
    return listener;
  }

  endAll() {
    for (const listener of [...this.listeners]) listener.end();
  }

  /** @internal A listener ended. */
  release(listener: Listener) {
    if (!this.listeners.delete(listener)) return;
    this.engine.deps.metrics.subscriptions.dec();
    if (this.listeners.size === 0) {
      this.stopUpstream?.();
      this.engine.removeGroup(this);
    }
  }

  /** The event as its subscribers get it: resolved, or an error; never rejects. */
  private async settle(event: ExecutionResult, received: number): Promise<ExecutionResult> {
    if (!event.data) return { errors: asGraphQLErrors(event.errors) };
    this.resolving++;
    try {
      return await this.resolve(event, received);
    } catch (error) {
      this.engine.deps.logger.error({ err: error, field: this.plan.field }, 'resolving a subscription event failed');
      return { errors: [new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } })] };
    } finally {
      this.resolving--;
    }
  }

  /** Serializes the result once, then writes it to every subscriber. */
  private fanOut(result: ExecutionResult, received: number) {
    const body = nextMessageBody(result);
    let sent = 0;
    for (const listener of [...this.listeners]) if (listener.deliver(body)) sent++;
    const { metrics } = this.engine.deps;
    metrics.deliveries.inc(sent);
    metrics.latency.observe((performance.now() - received) / 1000);
  }

  /**
   * One resolution per event, whatever the number of subscribers. Its deadline counts from the
   * event's arrival (`received`), so events queued behind one held up by a slow subgraph are not
   * held up in turn: a late one is resolved without further fetches, and the queue drains.
   */
  private async resolve(event: ExecutionResult, received: number): Promise<ExecutionResult> {
    const { dataSources, logger, eventDeadlineMs } = this.engine.deps;
    const { planner } = this;
    const eventSource = { process: async () => ({ data: event.data }) } as unknown as GraphQLDataSource;
    const nodes: PlanNode[] = [{ ...this.plan.primary, serviceName: EVENT_SOURCE } satisfies FetchNode];
    if (this.plan.rest) nodes.push(this.plan.rest);
    // Only entity fetches (`rest`) can be slow: an event its own subgraph answered whole needs no timer.
    const context: { viewer: Viewer; deadline?: number; signal?: AbortSignal } = { viewer: this.viewer };
    let timer: NodeJS.Timeout | undefined;
    if (this.plan.rest && eventDeadlineMs !== undefined) {
      const left = eventDeadlineMs - (performance.now() - received);
      const controller = new AbortController();
      context.deadline = Date.now() + left;
      context.signal = controller.signal;
      timer = setTimeout(() => controller.abort(), Math.max(0, left));
    }
    const requestContext = {
      request: { variables: this.variables },
      context,
      logger,
      metrics: { captureTraces: false },
    } as unknown as Parameters<typeof executeQueryPlan>[2];
    try {
      const response = await executeQueryPlan(
        { kind: 'QueryPlan', node: { kind: 'Sequence', nodes } },
        { ...dataSources, [EVENT_SOURCE]: eventSource },
        requestContext,
        this.plan.operationContext,
        planner.supergraphSchema,
        planner.apiFederationSchema,
      );
      const errors = [...asGraphQLErrors(event.errors ?? []), ...(response.errors ?? [])];
      return errors.length ? { data: response.data, errors } : { data: response.data };
    } finally {
      clearTimeout(timer);
    }
  }
}

function groupKey(request: SubscriptionRequest, resolveAs: Viewer, documentText: string): string {
  const scope = resolveAs.userId ? `viewer:${resolveAs.userId}:${resolveAs.role}` : 'public';
  return `${scope}\n${request.operationName ?? ''}\n${documentText}\n${stableStringify(request.variables)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const coded = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** Errors as they arrive from a subgraph (plain JSON over graphql-ws) as GraphQLErrors for graphql-ws to send on. */
function asGraphQLErrors(error: unknown): GraphQLError[] {
  if (Array.isArray(error)) {
    return error.map((e: { message?: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }) =>
      e instanceof GraphQLError ? e : new GraphQLError(e.message ?? 'Subscription failed', { path: e.path, extensions: e.extensions }),
    );
  }
  return [new GraphQLError('The live stream ended unexpectedly.', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } })];
}
