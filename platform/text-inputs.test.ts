import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLJSONObject } from 'graphql-scalars';
import { execute, parse, subscribe, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { enforceTextPolicy } from './text-inputs.js';

const typeDefs = parse(`#graphql
  scalar JSONObject
  enum Colour { RED }
  input Change { itemId: ID, amount: Int!, note: String, tags: [String!] }
  input Filter { name: String, and: [Filter!], level: Int }
  input Numbers { min: Int, max: Int, colour: Colour }
  input Payload { reason: String!, changes: [Change!]!, data: JSONObject }
  type Query {
    echo(text: String!): String
    byId(id: ID!): String
    search(filter: Filter): String
    numbers(range: Numbers, first: Int): String
    nothing: String
    user: User
  }
  type User { ledger(after: String): String }
  type Mutation { apply(input: Payload!): String }
  type Subscription { said(room: ID!): String }
`);

const seen: unknown[] = [];
const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    JSONObject: GraphQLJSONObject,
    Query: {
      echo: (_: unknown, { text }: { text: string }) => text,
      byId: (_: unknown, { id }: { id: string }) => id,
      search: (_: unknown, args: unknown) => JSON.stringify(args),
      numbers: (_: unknown, args: unknown) => {
        seen.push(args);
        return 'ok';
      },
      user: () => ({}),
    },
    User: { ledger: (_: unknown, { after }: { after?: string }) => after ?? null },
    Mutation: { apply: (_: unknown, { input }: { input: unknown }) => JSON.stringify(input) },
    Subscription: {
      said: {
        subscribe: async function* (_: unknown, { room }: { room: string }) {
          yield { said: room };
        },
      },
    },
  },
});
const fieldsBefore = { numbers: schema.getQueryType()!.getFields().numbers!.resolve, nothing: schema.getQueryType()!.getFields().nothing!.resolve };
enforceTextPolicy(schema);

const run = async (query: string, variableValues: Record<string, unknown> = {}) =>
  await execute({ schema, document: parse(query), variableValues });

/** The code and field of the first error, as the platform's formatter would show them. */
const refusal = (result: ExecutionResult) => {
  const original = result.errors?.[0]?.originalError;
  return original instanceof DomainError ? { code: original.code, field: original.details.field } : result.errors?.[0]?.message;
};

describe('enforceTextPolicy', () => {
  it.each([
    ['a String argument', 'query($v: String!) { echo(text: $v) }', { v: 'a\u0000b' }, 'text'],
    ['an ID argument', 'query($v: ID!) { byId(id: $v) }', { v: '\ud800' }, 'id'],
    ['a literal in the document', 'query { echo(text: "esc \\u001b[2J") }', {}, 'text'],
    ['an input field', 'mutation($r: String!) { apply(input: { reason: $r, changes: [] }) }', { r: 'x\u0000' }, 'reason'],
    [
      'an ID in a list of inputs',
      'mutation($c: [Change!]!) { apply(input: { reason: "r", changes: $c }) }',
      { c: [{ itemId: 'ok', amount: 1 }, { itemId: 'bad\u0000', amount: 1 }] },
      'changes.1.itemId',
    ],
    ['a list of strings', 'mutation { apply(input: { reason: "r", changes: [{ amount: 1, tags: ["a", "b\\u0007"] }] }) }', {}, 'changes.0.tags.1'],
    ['a recursive input', 'query($f: Filter) { search(filter: $f) }', { f: { and: [{ and: [{ name: '\udc00' }] }] } }, 'filter.and.0.and.0.name'],
    ['a JSON value', 'mutation($d: JSONObject) { apply(input: { reason: "r", changes: [], data: $d }) }', { d: { deep: [{ x: 'a\u009b' }] } }, 'data.deep.0.x'],
    ['a JSON key', 'mutation($d: JSONObject) { apply(input: { reason: "r", changes: [], data: $d }) }', { d: { 'k\u0000': 1 } }, 'data.k\u0000'],
    ['an argument of a nested field', 'query($a: String) { user { ledger(after: $a) } }', { a: '\u0000' }, 'after'],
  ])('refuses NUL, lone surrogates and controls in %s, naming the path', async (_case, query, variables, field) => {
    expect(refusal(await run(query, variables))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('hands the resolver NFC text, and leaves tabs and line breaks alone', async () => {
    expect((await run('query($v: String!) { echo(text: $v) }', { v: 'cafe\u0301\tx\r\ny' })).data).toEqual({ echo: 'café\tx\r\ny' });
    const applied = await run('mutation($i: Payload!) { apply(input: $i) }', {
      i: { reason: 'A\u030A', changes: [{ amount: 1, note: 'n\u0303' }], data: { say: 'e\u0301' } },
    });
    expect(JSON.parse((applied.data as { apply: string }).apply)).toEqual({ reason: 'Å', changes: [{ amount: 1, note: 'ñ' }], data: { say: 'é' } });
  });

  it('checks subscription arguments before the stream starts', async () => {
    const refused = (await subscribe({ schema, document: parse('subscription($r: ID!) { said(room: $r) }'), variableValues: { r: 'r\u0000' } })) as ExecutionResult;
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'room' });
    const stream = (await subscribe({ schema, document: parse('subscription($r: ID!) { said(room: $r) }'), variableValues: { r: 'lobby' } })) as AsyncIterableIterator<ExecutionResult>;
    expect((await stream.next()).value).toEqual({ data: { said: 'lobby' } });
  });

  it('leaves fields without text arguments unwrapped, and passes clean arguments through as they are', async () => {
    const fields = schema.getQueryType()!.getFields();
    expect(fields.numbers!.resolve).toBe(fieldsBefore.numbers);
    expect(fields.nothing!.resolve).toBe(fieldsBefore.nothing);
    expect(fields.echo!.resolve).not.toBe(undefined);
    await run('{ numbers(range: { min: 1, colour: RED }, first: 2) }');
    expect(seen).toEqual([{ range: { min: 1, colour: 'RED' }, first: 2 }]);
  });
});
