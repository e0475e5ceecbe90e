import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseBusy } from './db/errors.js';

/** The error codes clients can rely on (`extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  /** A live subscription ended because the gateway's supergraph changed under it; subscribe again. */
  SUBSCRIPTION_INVALIDATED: 'SUBSCRIPTION_INVALIDATED',
  /** A live subscription ended because events may have been missed (a lost connection); subscribe again from your last cursor. */
  SUBSCRIPTION_INTERRUPTED: 'SUBSCRIPTION_INTERRUPTED',
  /** A subgraph could not be reached; the fields it serves are null. Retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

/** Base of every expected failure; domain code throws these and never builds GraphQLErrors itself. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, field?: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, field ? { field, ...details } : details);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = 'You must be signed in to do this.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}
export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${JSON.stringify(id)} was not found.`, { entity, id });
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super(ErrorCode.CONFLICT, message, field ? { field } : {});
  }
}
export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterMs: number) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfterMs });
  }
}
export class InsufficientFundsError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.INSUFFICIENT_FUNDS, message, details);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(serviceName: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, `The ${serviceName} service is unavailable; try again shortly.`, { serviceName });
  }
}

/** A DomainError as a GraphQLError, for places outside resolvers (context, plugins, websockets). */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...error.details,
      ...(HTTP_STATUS[error.code] ? { http: { status: HTTP_STATUS[error.code] } } : {}),
    },
  });
}

/**
 * The one place errors become what clients see: domain errors keep their code and details;
 * anything unexpected is logged and masked as INTERNAL_SERVER_ERROR. Apollo's own request errors
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variables) pass through.
 */
export function createErrorFormatter(options: {
  includeStack: boolean;
  onUnexpected: (error: unknown) => void;
}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    // Apollo's automatic persisted queries refuse a hash that does not match the query without a code.
    if (/^provided sha does not match query/i.test(formatted.message)) {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'extensions.persistedQuery.sha256Hash' } };
    }
    // A saturated database pool: the caller's request changed nothing and may be retried.
    if (isDatabaseBusy(original)) {
      options.onUnexpected(original);
      return {
        message: 'The service is busy and did not do this; try again shortly.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterMs: 1_000 },
      };
    }
    const code = formatted.extensions?.code;
    const known = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (known) return withoutStack(formatted, options.includeStack);
    options.onUnexpected(original);
    if (options.includeStack) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError, includeStack: boolean): GraphQLFormattedError {
  if (includeStack || !formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
