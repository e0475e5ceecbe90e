import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';

type OperationContext = ReturnType<typeof buildOperationContext>;
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { Kind, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';

/** How the gateway executes one subscription document. */
export interface SubscriptionPlan {
  /** The root field the client subscribed to. */
  field: string;
  /** The subscription sent to the subgraph that owns the root field. */
  primary: FetchNode;
  /** Fetches of the other subgraphs' fields, run for every event. */
  rest?: PlanNode;
  operationContext: OperationContext;
  /** Declared `@publicStream`: the same events for everyone, resolved as an anonymous viewer. */
  publicStream: boolean;
  /** The root field's `after:` argument (the resume cursor, by convention), if the document passes one. */
  afterArgument?: ValueNode;
  /** The root field takes an `after:` cursor: a client can resume it from the last event it received. */
  resumable: boolean;
}

/**
 * Plans subscriptions with @apollo/gateway's own query planner (the JS planner plans a
 * subscription as a SubscriptionNode: a primary fetch plus an ordinary plan for the rest).
 * These are public exports of the pinned 2.14.4 packages, not a documented API: subscriptions.test.ts
 * catches an upgrade that changes them.
 */
export class SubscriptionPlanner {
  readonly apiSchema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  readonly apiFederationSchema: Schema;
  private readonly planner: QueryPlanner;
  private readonly publicFields: Set<string>;
  private readonly cache = new Map<string, SubscriptionPlan>();
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiFederationSchema = supergraph.apiSchema();
    this.apiSchema = this.apiFederationSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    const subscriptionType = supergraph.schema.schemaDefinition.rootType('subscription');
    this.publicFields = new Set(
      (subscriptionType?.fields() ?? []).filter((f) => f.appliedDirectivesOf('publicStream').length > 0).map((f) => f.name),
    );
  }

  /** A document's printed text, computed once per parsed document (subscribe checks it several times). */
  textOf(document: DocumentNode): string {
    let text = this.printed.get(document);
    if (text === undefined) this.printed.set(document, (text = print(document)));
    return text;
  }

  /** The plan for a validated subscription document (cached by its text and operation name). */
  plan(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${this.textOf(document)}`;
    let plan = this.cache.get(key);
    if (plan) return plan;
    const operation = operationFromDocument(this.apiFederationSchema, document, { operationName: operationName ?? undefined });
    const queryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error('not a subscription operation');
    const definition = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    );
    const rootField = definition?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
    const field = rootField?.kind === Kind.FIELD ? rootField.name.value : '';
    plan = {
      field,
      primary: node.primary,
      rest: node.rest,
      operationContext: buildOperationContext({ schema: this.apiSchema, operationDocument: document, operationName: operationName ?? undefined }),
      publicStream: this.publicFields.has(field),
      afterArgument: rootField?.kind === Kind.FIELD ? rootField.arguments?.find((a) => a.name.value === 'after')?.value : undefined,
      resumable: Boolean(this.apiSchema.getSubscriptionType()?.getFields()[field]?.args.some((a) => a.name === 'after')),
    };
    if (this.cache.size >= 1_000) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, plan);
    return plan;
  }
}
