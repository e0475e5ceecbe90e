import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { GraphQLError, OperationTypeNode, isScalarType, type GraphQLFormattedError, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import * as platformScalars from '../platform/scalars.js';
import { OPERATION_LIMIT_EXCEEDED, checkRequest, tokenLimitError, type OperationLimits } from './limits.js';

/** A client mistake: HTTP 400 and a code, never a 500. */
const badRequest = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Apollo's code for an operationName that names no operation (or none given for several). */
export const OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE';

export function operationResolutionError(operationName: string | null | undefined): GraphQLError {
  return badRequest(
    operationName
      ? `The document has no operation named "${operationName}".`
      : 'The document has several operations: name the one to run (operationName).',
    OPERATION_RESOLUTION_FAILURE,
  );
}

/**
 * The checks Apollo's pipeline leaves to the gateway, before query planning: an operation to run,
 * a query or mutation (subscriptions are graphql-ws only), variables within their depth and an
 * operation within its cost (gateway/limits.ts). Each refusal is a 400 with a code; left alone,
 * the planner threw them as 500s.
 */
export function clientMistakesPlugin<C extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<C> {
  const listener = {
    async didResolveOperation({ operation, document, request, schema }: GraphQLRequestContextDidResolveOperation<C>) {
      if (!operation) throw operationResolutionError(request.operationName);
      if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
        const headers = request.http?.headers;
        const scheme = headers?.get('x-forwarded-proto') === 'https' ? 'wss' : 'ws';
        const url = `${scheme}://${headers?.get('host') ?? 'this-host'}/graphql`;
        throw badRequest(`Subscriptions are served over graphql-ws (the graphql-transport-ws protocol) at ${url}, not over HTTP.`, 'BAD_REQUEST');
      }
      const refusal = checkRequest(schema, document, operation, request.variables, limits);
      if (refusal) throw refusal;
    },
  };
  return { requestDidStart: async () => listener };
}

/**
 * Apollo wraps every validation error as GRAPHQL_VALIDATION_FAILED and every parse error as
 * GRAPHQL_PARSE_FAILED. A limit's refusal keeps OPERATION_LIMIT_EXCEEDED (and its `limit`, `max`),
 * a bad custom-scalar literal (DateTime "yesterday") becomes BAD_USER_INPUT, like the same value
 * sent as a variable. The HTTP status (400) is unchanged.
 */
export function recodeClientError(formatted: GraphQLFormattedError, error: unknown, limits: OperationLimits): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  if (!(cause instanceof GraphQLError)) return formatted;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(cause, limits) : null;
  if (tokens) return { message: tokens.message, locations: formatted.locations, extensions: withoutHttp(tokens.extensions) };
  const causeCode = cause.extensions.code;
  if (causeCode === OPERATION_LIMIT_EXCEEDED || causeCode === 'BAD_USER_INPUT') {
    return { ...formatted, extensions: { ...formatted.extensions, code: causeCode } };
  }
  return formatted;
}

/**
 * The same refusals for graphql-ws, which has no Apollo pipeline: an `error` message per operation
 * carries these as they are (without the HTTP status). `hideSuggestions` drops graphql-js's
 * "Did you mean …?" as Apollo's hideSchemaDetailsFromClientErrors does.
 */
export function socketError(error: GraphQLError, fallbackCode: string, limits: OperationLimits, hideSuggestions: boolean): GraphQLError {
  const tokens = fallbackCode === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(error, limits) : null;
  if (tokens) return new GraphQLError(tokens.message, { extensions: withoutHttp(tokens.extensions) });
  const own = error.extensions.code;
  const cause = error.originalError instanceof GraphQLError ? error.originalError.extensions.code : undefined;
  const code = typeof own === 'string' ? own : cause === 'BAD_USER_INPUT' ? cause : fallbackCode;
  const message = hideSuggestions ? withoutSuggestions(error.message) : error.message;
  return new GraphQLError(message, { nodes: error.nodes, extensions: { ...withoutHttp(error.extensions), code } });
}

const withoutSuggestions = (message: string) => message.replace(/ ?Did you mean(.+?)\?$/, '');

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _status, ...rest } = extensions;
  return rest;
}

/** The custom scalars whose values the gateway checks, by name: the platform's and graphql-scalars' JSONObject. */
const CHECKED_SCALARS = new Map<string, GraphQLScalarType>(
  [...Object.values(platformScalars), GraphQLJSONObject].filter(isScalarType).map((scalar) => [scalar.name, scalar]),
);
const checked = new WeakSet<GraphQLScalarType>();

/**
 * Makes a schema built from the supergraph (where custom scalars accept anything) check custom
 * scalar values with the subgraphs' own parsers: literals during validation, variables where the
 * gateway coerces them. Values pass on unchanged (the subgraph parses them again); only a bad one
 * is refused, as BAD_USER_INPUT, before planning. Mutates the schema's scalar types in place:
 * Apollo and the gateway hold this schema object.
 */
export function checkCustomScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, parser] of CHECKED_SCALARS) {
    const type = schema.getType(name);
    if (!isScalarType(type) || type === parser || checked.has(type)) continue;
    const { parseValue, parseLiteral } = type;
    const writable = type as { -readonly [K in keyof GraphQLScalarType]: GraphQLScalarType[K] };
    writable.parseValue = (value) => {
      parser.parseValue(value);
      return parseValue.call(type, value);
    };
    writable.parseLiteral = (ast, variables) => {
      parser.parseLiteral(ast, variables);
      return parseLiteral.call(type, ast, variables);
    };
    checked.add(type);
  }
  return schema;
}
