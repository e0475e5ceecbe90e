import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from '../platform/subgraph/names.js';
import { checkCustomScalars } from './client-errors.js';
import { loadGatewayConfig, operationLimitsFrom } from './config.js';
import { documentLimitRules, operationCost, variablesTooDeep, type OperationLimits } from './limits.js';

const buildSchema = () => Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const schema = buildSchema();
const limits: OperationLimits = operationLimitsFrom(loadGatewayConfig({}));

const costOf = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables, { ...limits, maxCost: Number.MAX_SAFE_INTEGER });
};

/** F1 spreads F2 twice, F2 spreads F3 twice, …: 2^levels selections from a document of a few hundred bytes. */
const fragmentExplosion = (levels: number) =>
  `query Q { ...F1 } ${Array.from({ length: levels - 1 }, (_, i) => `fragment F${i + 1} on Query { ...F${i + 2} ...F${i + 2} }`).join(' ')} fragment F${levels} on Query { me { id } }`;

describe('operation limits: defaults', () => {
  it('are the documented ones', () => {
    expect(limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 50,
      maxTokens: 2_000,
      maxCost: 25_000,
      defaultListSize: 20,
      maxSelections: 2_000,
      maxVariablesDepth: 32,
    });
  });
});

describe('operationCost: every field 1, a list or page multiplies what it selects by its size', () => {
  it.each([
    ['a scalar', '{ __typename }', {}, 1],
    ['a page of 100 (edges are not multiplied again)', '{ chatRooms(first: 100) { edges { node { id } } } }', {}, 1 + 100 * 3],
    ['the size from a variable', 'query R($n: Int) { chatRooms(last: $n) { edges { node { id } } } }', { n: 7 }, 1 + 7 * 3],
    ['a page without a size counts 20', '{ chatRooms { edges { node { id } } } }', {}, 1 + 20 * 3],
    ['ids count their length', 'query U($ids: [ID!]!) { users(ids: $ids) { id username } }', { ids: ['a', 'b', 'c'] }, 1 + 3 * 2],
    ['a plain list counts 20', '{ achievements { id rewards { kind } } }', {}, 1 + 20 * (1 + (1 + 20 * 1))],
    ['pages nest multiplicatively', '{ chatRoom(id: "r") { messages(first: 10) { edges { node { room { messages(first: 10) { edges { cursor } } } } } } } }', {}, 1 + (1 + 10 * (1 + (1 + (1 + (1 + 10 * (1 + 1))))))],
    ['skipped fields cost nothing', 'query S($no: Boolean!) { chatRooms(first: 100) @include(if: $no) { edges { cursor } } __typename }', { no: false }, 1],
    ['introspection costs 1', '{ __schema { types { name fields { name } } } }', {}, 1],
  ])('%s', (_name, query, variables, expected) => {
    expect(costOf(query, variables)).toBe(expected);
  });

  it('refuses over maxCost with OPERATION_LIMIT_EXCEEDED, and variables that do not coerce with BAD_USER_INPUT', () => {
    // 1 + k + n × (3 + 3m): pages of rooms and of their messages, beside k __typename
    const rooms = (k: number) => parse(`query R($n: Int, $m: Int) { chatRooms(first: $n) { edges { node { messages(first: $m) { edges { node { id } } } } } } ${'__typename '.repeat(k)}}`);
    const at = rooms(99);
    expect(operationCost(schema, at, getOperationAST(at)!, { n: 100, m: 82 }, limits)).toBe(25_000);
    const beyond = rooms(100);
    const over = operationCost(schema, beyond, getOperationAST(beyond)!, { n: 100, m: 82 }, limits) as GraphQLError;
    expect(over.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', max: 25_000 });
    const bad = operationCost(schema, at, getOperationAST(at)!, { n: 'many', m: 1 }, limits) as GraphQLError;
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('counts a page size over 100 (the largest any field serves) as 100: the subgraph refuses it with BAD_USER_INPUT, as documented', () => {
    const document = parse('query R($n: Int) { chatRooms(first: $n) { edges { node { id } } } }');
    const cost = (n: number) => operationCost(schema, document, getOperationAST(document)!, { n }, limits);
    expect(cost(100)).toBe(301);
    expect(cost(101)).toBe(301);
    expect(cost(2_147_483_647)).toBe(301);
    expect(cost(-5)).toBe(1);
  });

  it('remembers a document’s cost per variable values: each value keeps its own cost or refusal, in any order, past the remembered count', () => {
    const document = parse('query R($n: Int) { chatRooms(first: $n) { edges { node { id } } } }');
    const operation = getOperationAST(document)!;
    const cost = (n: unknown) => operationCost(schema, document, operation, { n }, limits);
    for (let round = 0; round < 2; round++) {
      expect(cost(10)).toBe(31);
      expect((cost('lots') as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      expect(cost(1)).toBe(4);
      expect((cost('many') as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      // more values than a document keeps: the first ones are costed again, not confused
      for (let n = 50; n < 90; n++) expect(cost(n)).toBe(1 + 3 * n);
    }
    // a value too long to keep is costed each time
    const long = parse('query L($t: String, $n: Int) { chatRooms(first: $n) { edges { node { id } } } }');
    const longCost = (n: number) => operationCost(schema, long, getOperationAST(long)!, { t: 'x'.repeat(600), n }, limits);
    expect([longCost(2), longCost(5), longCost(2)]).toEqual([7, 16, 7]);
  });
});

describe('document limit rules', () => {
  const refusals = (query: string) => validate(schema, parse(query), documentLimitRules(limits)).map((e) => e.extensions.limit);

  it('count a fragment at every spread, in time linear in the document', () => {
    expect(refusals(`{ ...F ...F } fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`)).toEqual(['aliases']);
    // 2 × (the spread + 999 fields) = 2,000 selections; 2 × (1 + 1,000) = 2,002
    expect(refusals(`{ ...F ...F } fragment F on Query { ${Array.from({ length: 999 }, () => '__typename').join(' ')} }`)).toEqual([]);
    expect(refusals(`{ ...F ...F } fragment F on Query { ${Array.from({ length: 1_000 }, () => '__typename').join(' ')} }`)).toEqual(['selections']);
  });

  it('refuse the fragment explosion in milliseconds, all of validation included (measured)', () => {
    for (const levels of [21, 40]) {
      const document = parse(fragmentExplosion(levels));
      const rules = [...specifiedRules, ...documentLimitRules(limits)];
      validate(schema, document, rules); // warm up
      const times: number[] = [];
      let errors: readonly GraphQLError[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        errors = validate(schema, document, rules);
        times.push(performance.now() - started);
      }
      const median = times.sort((a, b) => a - b)[10]!;
      console.info(`fragment explosion, ${levels} levels (${fragmentExplosion(levels).length} bytes): validation with the limits ${median.toFixed(2)} ms (median of 20)`);
      expect(errors.map((e) => e.extensions.limit)).toEqual(['selections']);
      expect(median).toBeLessThan(50);
    }
  });
});

describe('variablesTooDeep', () => {
  const nest = (n: number): unknown => (n === 0 ? 1 : { a: [nest(n - 1)] });
  it.each([
    [{ a: 1 }, 1, false],
    [{ a: { b: 1 } }, 1, false], // variable a: one object
    [{ a: { b: { c: 1 } } }, 1, true],
    [{ list: [[[1]]] }, 3, false], // three arrays
    [{ list: [[[[1]]]] }, 3, true],
    [{ x: nest(16) }, 32, false], // 16 objects, 16 arrays
    [{ x: nest(17) }, 32, true],
  ])('%j within %i levels: too deep %s', (variables, max, tooDeep) => {
    expect(variablesTooDeep(variables as Record<string, unknown>, max)).toBe(tooDeep);
  });
});

describe('checkCustomScalars', () => {
  it('refuses a bad DateTime or JSONObject literal in validation and keeps good values as they were', () => {
    const checked = checkCustomScalars(buildSchema());
    const bad = validate(checked, parse('{ eventMetric(name: "x", from: "yesterday", to: "2026-01-02T00:00:00Z") { __typename } }'));
    expect(bad).toHaveLength(1);
    expect(bad[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(validate(checked, parse('{ eventMetric(name: "x", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { __typename } }'))).toEqual([]);
    const dateTime = checked.getType('DateTime') as import('graphql').GraphQLScalarType;
    expect(dateTime.parseValue('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00Z'); // passed on as sent
    expect(() => dateTime.parseValue('yesterday')).toThrow(/ISO-8601/);
    const json = checked.getType('JSONObject') as import('graphql').GraphQLScalarType;
    expect(() => json.parseValue('text')).toThrow();
    // the schema as built from SDL accepts anything
    expect(validate(buildSchema(), parse('{ eventMetric(name: "x", from: "yesterday", to: "2026-01-02T00:00:00Z") { __typename } }'))).toEqual([]);
  });
});

describe('GATEWAY_CORS_ORIGINS', () => {
  it.each([
    ['', []],
    ['https://game.example.com', ['https://game.example.com']],
    [' https://game.example.com/ , http://localhost:5173', ['https://game.example.com', 'http://localhost:5173']],
    ['*', '*'],
  ])('%j → %j', (value, origins) => {
    expect(loadGatewayConfig({ GATEWAY_CORS_ORIGINS: value }).GATEWAY_CORS_ORIGINS).toEqual(origins);
  });

  it.each(['game.example.com', 'https://game.example.com/play', 'ftp://game.example.com', '*,https://game.example.com'])('refuses %j at start', (value) => {
    expect(() => loadGatewayConfig({ GATEWAY_CORS_ORIGINS: value })).toThrow(/GATEWAY_CORS_ORIGINS/);
  });
});
