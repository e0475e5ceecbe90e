import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../platform/pagination.js';

/**
 * What one operation may ask of the gateway. Checked before query planning, on HTTP and on
 * graphql-ws alike; gateway/config.ts documents each default.
 */
export interface OperationLimits {
  /** Nesting of fields (fragments flattened: a spread adds no level of its own). */
  maxDepth: number;
  /** Aliased fields, `__typename` included, fragments counted as often as they are spread. */
  maxAliases: number;
  /** Directives applied anywhere in the operation. */
  maxDirectives: number;
  /** Lexical tokens in the document (the parser stops at the first one over). */
  maxTokens: number;
  /** Estimated fields resolved (operationCost). */
  maxCost: number;
  /** Page size assumed for a list or connection without `first`/`last`/`limit`/`ids`. */
  defaultListSize: number;
  /** Selections visited with every fragment spread expanded; bounds the cost check itself. */
  maxSelections: number;
  /** Nesting of objects and arrays inside variable values. */
  maxVariablesDepth: number;
}

/** `extensions.code` of every refusal by these limits; `extensions.limit` names the limit. */
export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';
export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'selections' | 'variablesDepth' | 'operationsPerConnection';

export function limitExceeded(limit: LimitName, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: OPERATION_LIMIT_EXCEEDED, limit, max, http: { status: 400 } } });
}

/** graphql-js counts tokens as it parses (graphql-armor's max-tokens rule is a port of this for envelop). */
export const parseOptionsFor = (limits: OperationLimits): ParseOptions => ({ maxTokens: limits.maxTokens });

/** The parser's refusal of a document over maxTokens, as a coded limit error; null for other syntax errors. */
export function tokenLimitError(error: GraphQLError, limits: OperationLimits): GraphQLError | null {
  return /Document contains more th(?:an|at) \d+ tokens/.test(error.message)
    ? limitExceeded('tokens', limits.maxTokens, `The operation has more than ${limits.maxTokens} tokens.`)
    : null;
}

/**
 * Validation rules for the limits that depend on the document alone: graphql-armor's depth, alias
 * and directive rules and maxSelectionsRule. Each counts a fragment once and reuses the count at
 * every spread, so a fragment spread 2^21 times is counted in time linear in the document. Apollo
 * runs validation rules once per document text (its documentStore keeps validated documents); the
 * websocket server once per entry of its document cache.
 */
export function documentLimitRules(limits: OperationLimits): ValidationRule[] {
  const refuse = (limit: LimitName, max: number) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitExceeded(limit, max, error.message.replace(/^Syntax Error: /, '')));
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [refuse('depth', limits.maxDepth)] }),
    maxAliasesRule({ n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: [refuse('aliases', limits.maxAliases)] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [refuse('directives', limits.maxDirectives)] }),
    maxSelectionsRule(limits.maxSelections),
  ] as ValidationRule[];
}

/**
 * Refuses an operation that expands to more than `max` selections (fields, spreads and inline
 * fragments, each spread replaced by its fragment), counted as graphql-query-complexity visits
 * them. That library expands every spread anew (2^21 visits for 21 fragments each spread twice,
 * ≈ 1 µs each), so this memoized count runs first, at validation, and the cost check never
 * walks more than `max` selections.
 */
export function maxSelectionsRule(max: number): ValidationRule {
  return (context): ASTVisitor => {
    const fragmentSizes = new Map<string, number>();
    const active = new Set<string>();
    const sizeOf = (set: SelectionSetNode | undefined): number => {
      let size = 0;
      for (const selection of set?.selections ?? []) {
        size += 1;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value;
          if (active.has(name)) continue; // a cycle: NoFragmentCyclesRule reports it
          let fragmentSize = fragmentSizes.get(name);
          if (fragmentSize === undefined) {
            active.add(name);
            fragmentSize = sizeOf(context.getFragment(name)?.selectionSet);
            active.delete(name);
            fragmentSizes.set(name, fragmentSize);
          }
          size += fragmentSize;
        } else {
          size += sizeOf(selection.selectionSet);
        }
        if (size > max) return size; // already over: stop counting (and keep numbers small)
      }
      return size;
    };
    return {
      OperationDefinition(operation) {
        if (sizeOf(operation.selectionSet) > max) {
          context.reportError(limitExceeded('selections', max, `The operation expands to more than ${max} selections (fragments counted at every spread).`));
        }
      },
    };
  };
}

const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * The cost model: every field costs 1, and a field that returns a list or a page multiplies the
 * cost of what is selected under it by its size: `first`/`last`/`limit` (at most MAX_PAGE_SIZE, the
 * largest page any field serves: a larger one is the subgraph's BAD_USER_INPUT on that argument, as
 * its SDL documents, not a cost refusal), the length of `ids`, or defaultListSize when it has none
 * of them. The `edges`/`nodes` of a connection are not multiplied
 * again (their connection field was). Introspection fields cost 1.
 */
export function listSizeEstimator(defaultListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__schema' || field.name === '__type') return 1;
    return 1 + listSize(type.name, field, args, defaultListSize) * childComplexity;
  };
}

function listSize(parentType: string, field: Parameters<ComplexityEstimator>[0]['field'], args: Record<string, unknown>, defaultListSize: number): number {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number') return Math.min(MAX_PAGE_SIZE, Math.max(0, value));
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  const list = isListType(getNullableType(field.type));
  if (list && parentType.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
  const paged = field.args.some((a) => (PAGE_SIZE_ARGUMENTS as readonly string[]).includes(a.name) || a.name === 'ids');
  return list || paged || getNamedType(field.type).name.endsWith('Connection') ? defaultListSize : 1;
}

/**
 * Costs by document (Apollo and the websocket cache reuse the object), then by operation name and
 * variable values: a cost depends on nothing else. Variable values longer than
 * COSTED_VARIABLES_MAX_CHARS (a chat message's text) are not kept, and a document keeps its
 * COSTS_PER_DOCUMENT newest, so the cache stays small whatever clients send.
 */
const knownCosts = new WeakMap<DocumentNode, Map<string, number | GraphQLError>>();
const COSTED_VARIABLES_MAX_CHARS = 512;
const COSTS_PER_DOCUMENT = 32;

/**
 * The operation's cost (graphql-query-complexity with listSizeEstimator), or the coded error that
 * refuses it. Run after documentLimitRules, which bound the selections it walks. Variables that do
 * not coerce come back as BAD_USER_INPUT.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): number | GraphQLError {
  const values = operation.variableDefinitions?.length ? JSON.stringify(variables ?? {}) : '';
  const key = values.length <= COSTED_VARIABLES_MAX_CHARS ? `${operation.name?.value ?? ''}\u0000${values}` : undefined;
  if (key !== undefined) {
    const known = knownCosts.get(document)?.get(key);
    if (known !== undefined) return known;
  }
  let cost: number | GraphQLError;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: variables ?? {},
      estimators: [listSizeEstimator(limits.defaultListSize)],
      // the library stops when its count reaches this; maxSelectionsRule allows up to maxSelections
      maxQueryNodes: limits.maxSelections + 1,
    });
    if (cost > limits.maxCost) {
      cost = limitExceeded('cost', limits.maxCost, `The operation's estimated cost ${cost} exceeds the limit of ${limits.maxCost} (lists count as their page size).`);
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    cost = /maximum allowed number of nodes/.test(error.message)
      ? limitExceeded('selections', limits.maxSelections, `The operation expands to more than ${limits.maxSelections} selections.`)
      : new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (key !== undefined) {
    let costs = knownCosts.get(document);
    if (!costs) knownCosts.set(document, (costs = new Map<string, number | GraphQLError>()));
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
  }
  return cost;
}

/** Whether objects and arrays nest deeper than `max` inside any variable's value (iterative: no stack to overflow). */
export function variablesTooDeep(variables: Record<string, unknown> | undefined, max: number): boolean {
  if (!variables) return false;
  const stack: { value: unknown; depth: number }[] = Object.values(variables).map((value) => ({ value, depth: 0 }));
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

export const variablesDepthError = (limits: OperationLimits) =>
  new GraphQLError(`Variable values nest deeper than ${limits.maxVariablesDepth} levels.`, {
    extensions: { code: 'BAD_USER_INPUT', limit: 'variablesDepth', max: limits.maxVariablesDepth, http: { status: 400 } },
  });

/**
 * The per-request checks, after the document passed its rules: variable depth, then cost.
 * Returns the refusal, if any.
 */
export function checkRequest(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): GraphQLError | undefined {
  if (variablesTooDeep(variables, limits.maxVariablesDepth)) return variablesDepthError(limits);
  const cost = operationCost(schema, document, operation, variables, limits);
  return typeof cost === 'number' ? undefined : cost;
}

/**
 * Heap bytes a parsed document keeps per character of its text (graphql-js 16 with locations:
 * ≈ 88 measured on a 264-character query). Document caches are bounded in bytes with this estimate.
 */
export const DOCUMENT_BYTES_PER_CHAR = 90;
