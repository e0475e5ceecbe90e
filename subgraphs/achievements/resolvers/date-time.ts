import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// Belongs in platform/ once a second subgraph needs it (every subgraph's SDL declares DateTime).
const toDate = (value: unknown): Date | null => {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/** ISO-8601 timestamps out, Dates in; without it Apollo would hand Date objects to JSON as-is. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => {
    const date = toDate(value);
    if (!date) throw new GraphQLError(`DateTime cannot represent ${String(value)}.`);
    return date.toISOString();
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? toDate(value) : null;
    if (!date) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? toDate(ast.value) : null;
    if (!date) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
});
