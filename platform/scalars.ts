import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

// ISO-8601 with an explicit offset: a time without one would mean whatever zone the server is in.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Whether the date and hour exist: `Date` rolls 2026-02-30 over to March 2 and 24:00 to the next day. */
function onTheCalendar([, year, month, day, hour]: RegExpExecArray): boolean {
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= daysInMonth && Number(hour) <= 23;
}

function parseDateTime(value: unknown): Date {
  const parts = typeof value === 'string' ? ISO_8601.exec(value) : null;
  const date = parts && onTheCalendar(parts) ? new Date(value as string) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be ISO-8601 with an offset, e.g. "2026-11-28T13:45:00Z".', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/**
 * The `DateTime` scalar every subgraph declares: resolvers receive Dates and may return Dates or
 * ISO strings; clients always see ISO strings in UTC.
 */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => {
    const date = value instanceof Date ? value : parseDateTime(value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}.`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/**
 * `SafeInt` (graphql-scalars): a whole number sent as a JSON number within ±(2^53 − 1), which every
 * JSON parser reads exactly. Resolvers may also return the `bigint`s Prisma reads from BIGINT
 * columns; one outside that range is an error, never a rounded number.
 */
const safeInt = GraphQLSafeInt.toConfig();
export const SafeInt = new GraphQLScalarType({
  ...safeInt,
  serialize: (value) => safeInt.serialize(typeof value === 'bigint' ? Number(value) : value),
});
