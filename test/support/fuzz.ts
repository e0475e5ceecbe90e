import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import WebSocket from 'ws';

/**
 * A fuzzer for the gateway: operations generated from the API schema (random fields, arguments of
 * the right and the wrong types, hostile strings, deep nesting, many aliases, random variables and
 * operation names) and some garbage, sent over HTTP and graphql-ws, and judged on what any client
 * may rely on: no 5xx, no HTML, every error with a string `extensions.code`.
 */

/** The schema clients see: the supergraph's API schema, as the gateway builds it. */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** mulberry32: small, fast and good enough to pick test cases; the same seed gives the same cases. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries.at(-1)![0];
  }
}

/** Each case has its own generator, so one case replays alone from (seed, index). */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export const CATEGORIES = {
  query: 16,
  mutation: 12,
  'wrong-types': 10,
  'unknown-names': 4,
  strings: 10,
  'huge-strings': 2,
  'deep-nesting': 3,
  aliases: 3,
  variables: 8,
  'operation-name': 6,
  'http-subscription': 3,
  'ws-subscription': 9,
  'ws-query': 4,
  'garbage-http': 6,
  'ws-protocol': 2,
} as const;
export type Category = keyof typeof CATEGORIES;

export type Auth = 'anonymous' | 'player' | 'admin' | 'service' | 'bad-token';
const AUTH_WEIGHTS: Record<Auth, number> = { anonymous: 35, player: 35, admin: 17, service: 6, 'bad-token': 7 };

/** Real ids and names from the running platform, so generated operations reach past "not found". */
export interface FuzzTargets {
  userIds: string[];
  usernames: string[];
  roomIds: string[];
  achievementIds: string[];
  tournamentIds: string[];
}

export type FuzzOperation =
  | {
      transport: 'http';
      method: 'GET' | 'POST' | 'PUT';
      /** Query string for GET (without `?`). */
      search?: string;
      contentType?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }
  | {
      transport: 'ws';
      /** The `subscribe` message's payload, as sent (may be deliberately malformed). */
      payload: Record<string, unknown>;
      /** A subscription that is still open after this long is fine: it is stopped. */
      settleMs: number;
    }
  | {
      transport: 'ws-raw';
      /** Sends connection_init first. */
      init: boolean;
      frames: (string | Buffer)[];
    };

export interface FuzzCase {
  index: number;
  category: Category;
  auth: Auth;
  /** Authorization for bad-token cases. */
  badAuthorization?: string;
  operation: FuzzOperation;
}

/** An enum value in a generated argument: a bare name as a literal, a string in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}
}
type Value = null | boolean | number | string | EnumValue | Value[] | { [key: string]: Value };

const KB100 = 100 * 1024;

/** Strings that have broken text handling somewhere: NUL, lone surrogates, bidi overrides, emoji, control characters. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\r\n',
  'a\u0000b',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\uDC00\uD800',
  '\u202Egnp.exe',
  '\u202Dabc\u202C\u2066\u2069',
  '\u200B\u200D\uFEFF',
  '🎮👾',
  '👨‍👩‍👧‍👦🏳️‍🌈🇺🇦',
  'Z̴̡̪͈a̷̛l̸̢g̶̨o̵͎',
  'مرحبا بالعالم',
  '漢字かなカナ',
  '\u0001\u0002\u001b[31m\u007f',
  '\u0085\u2028\u2029',
  '\uFFFE\uFFFF',
  '\u{10FFFF}',
  'e\u0301',
  "'; DROP TABLE users; --",
  '" OR ""="',
  '%s%n%x',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  'null',
  '__proto__',
  'constructor',
  '1e309',
  'NaN',
  '-0',
  'a'.repeat(256),
  'é'.repeat(2_000),
  '\\',
  '"',
  '\\u0000',
];

const FRIENDLY_STRINGS = ['hello', 'gg wp', 'Ana_99', 'test', 'x', 'Europe/Paris', 'UTC', 'first_blood', 'match.won', 'https://example.com/a.png'];

function hostileString(rng: Rng): string {
  const parts = rng.between(1, 3);
  let s = '';
  for (let i = 0; i < parts; i++) s += rng.chance(0.2) ? rng.pick(FRIENDLY_STRINGS) : rng.pick(HOSTILE_STRINGS);
  return s;
}

/** About 100 KB of text, of one of a few kinds (plain, multi-byte, emoji, with NULs). */
function hugeString(rng: Rng): string {
  const unit = rng.pick(['a', 'é', '🎮', 'ab\u0000', '\u202E', 'x\uD800']);
  return unit.repeat(Math.ceil(KB100 / unit.length));
}

const randomHex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
const uuidLike = (rng: Rng) => `${randomHex(rng, 8)}-${randomHex(rng, 4)}-4${randomHex(rng, 3)}-a${randomHex(rng, 3)}-${randomHex(rng, 12)}`;

interface ValueOptions {
  /** Chance that any one value is replaced by one of the wrong type. */
  wrong: number;
  /** Chance that a string is hostile. */
  hostile: number;
  /** Chance that a string is about 100 KB. */
  huge: number;
}

class ValueGen {
  constructor(
    private readonly rng: Rng,
    private readonly targets: FuzzTargets,
    private readonly options: ValueOptions,
  ) {}

  /** A value for an argument or input field of this type; `name` (the argument's) steers ids and strings. */
  value(type: GraphQLInputType, name: string, depth = 0): Value {
    const { rng } = this;
    if (rng.chance(this.options.wrong)) return this.wrongValue(type, depth);
    if (isNonNullType(type)) return this.value(type.ofType, name, depth);
    if (rng.chance(0.04)) return null;
    if (isListType(type)) {
      const n = rng.chance(0.1) ? 0 : rng.between(1, 3);
      return Array.from({ length: n }, () => this.value(type.ofType, name, depth + 1));
    }
    if (isEnumType(type)) return new EnumValue(rng.pick(type.getValues()).name);
    if (isInputObjectType(type)) {
      const out: Record<string, Value> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || rng.chance(0.5)) out[field.name] = this.value(field.type, field.name, depth + 1);
      }
      return out;
    }
    return this.scalar(type.name, name, depth);
  }

  private scalar(scalar: string, name: string, depth: number): Value {
    const { rng } = this;
    switch (scalar) {
      case 'Int':
        return rng.pick([0, 1, 2, 5, 10, 20, 50, 100, 101, -1, 2_147_483_647, -2_147_483_648, rng.int(1000)]);
      case 'Float':
        return rng.pick([0, 1.5, -3.25, 1e300, 0.1]);
      case 'Boolean':
        return rng.chance(0.5);
      case 'ID':
        return this.id(name);
      case 'DateTime':
        return rng.pick([
          '2026-01-01T00:00:00Z',
          '2026-03-01T12:30:00.000Z',
          '2025-12-31T23:00:00+02:00',
          new Date(Date.UTC(2026, rng.int(12), rng.between(1, 28))).toISOString(),
          '2026-02-30T00:00:00Z',
          '2026-13-45T99:99:99Z',
          '2026-01-01',
          '0000-00-00T00:00:00Z',
          '9999-12-31T23:59:59.999Z',
          '275760-09-13T00:00:00.001Z',
          '-271821-04-20T00:00:00Z',
          'yesterday',
          '',
          '2026-01-01T00:00:00Z\u0000',
        ]);
      case 'JSONObject':
        return this.jsonObject(depth);
      default:
        return this.string(name);
    }
  }

  private id(name: string): Value {
    const { rng, targets } = this;
    const lower = name.toLowerCase();
    const pool =
      lower.includes('room') ? targets.roomIds
      : lower.includes('user') || lower === 'ids' ? targets.userIds
      : lower.includes('tournament') ? targets.tournamentIds
      : [...targets.achievementIds, ...targets.userIds, ...targets.roomIds, ...targets.tournamentIds];
    if (pool.length && rng.chance(0.6)) return rng.pick(pool);
    if (rng.chance(0.3)) return uuidLike(rng);
    if (rng.chance(0.2)) return rng.pick(['1', '0', '-1', 'first_blood', 'global']);
    return this.string(name);
  }

  string(name: string): string {
    const { rng, targets, options } = this;
    if (rng.chance(options.huge)) return hugeString(rng);
    if (rng.chance(options.hostile)) return hostileString(rng);
    const lower = name.toLowerCase();
    if (lower === 'username' || lower === 'usernameoremail') return rng.chance(0.5) && targets.usernames.length ? rng.pick(targets.usernames) : `fz_${randomHex(rng, 8)}`;
    if (lower === 'email') return `fz_${randomHex(rng, 8)}@example.com`;
    if (lower === 'password') return rng.pick(['password123', 'correct horse', 'short']);
    if (lower === 'timezone') return rng.pick(['Europe/Paris', 'UTC', 'America/New_York', 'Mars/Olympus_Mons']);
    if (lower === 'after' || lower === 'before') return rng.pick(['', 'abc', 'MTIz', Buffer.from(`cursor:${rng.int(100)}`).toString('base64')]);
    if (lower === 'type') return rng.pick(['match.won', 'player.kill', 'zone.discovered', 'x']);
    return rng.pick(FRIENDLY_STRINGS);
  }

  private jsonObject(depth: number): Value {
    const { rng } = this;
    const out: Record<string, Value> = {};
    const n = rng.between(0, 3);
    for (let i = 0; i < n; i++) {
      const key = rng.pick(['kills', 'zone', 'score', '__proto__', 'constructor', 'a b', '', 'é🎮']);
      const value = depth < 3 && rng.chance(0.2) ? this.jsonObject(depth + 1) : rng.pick<Value>([1, -1, 1.5, 'x', true, null, [1, 2], hostileString(rng)]);
      // An own property even for `__proto__`, as JSON.parse makes it on the server.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** A value of another kind than the type wants: the server must refuse it with a code. */
  wrongValue(type: GraphQLInputType, depth: number): Value {
    const { rng } = this;
    const named = getNamedType(type);
    const candidates: Value[] = [
      null,
      'wrong',
      hostileString(rng),
      42,
      -1,
      2_147_483_648,
      -9_007_199_254_740_993,
      1.5,
      1e21,
      true,
      [],
      [1, 'two', null],
      {},
      { unknownField: 1 },
      new EnumValue('NOT_A_VALUE'),
      new EnumValue('true'),
    ];
    if (isInputObjectType(named) && depth < 3) {
      // Missing a required field, or an extra one.
      const fields = Object.values(named.getFields());
      const obj: Record<string, Value> = {};
      for (const f of fields) if (rng.chance(0.5)) obj[f.name] = this.value(f.type, f.name, depth + 1);
      if (rng.chance(0.5)) obj[`extra_${rng.int(10)}`] = 'x';
      candidates.push(obj);
    }
    if (isEnumType(named)) candidates.push(named.getValues()[0]!.name, named.getValues()[0]!.name.toLowerCase());
    return rng.pick(candidates);
  }
}

/** A GraphQL string literal; lone surrogates become \u escapes, which graphql-js refuses (as it should). */
const stringLiteral = (s: string) => JSON.stringify(s);

function literal(value: Value): string {
  if (value === null) return 'null';
  if (value instanceof EnumValue) return value.name;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e21 ? value.toExponential() : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k));
  return `{${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
}

const toJson = (value: Value): unknown =>
  value instanceof EnumValue ? value.name
  : Array.isArray(value) ? value.map(toJson)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]))
  : value;

interface OperationOptions {
  maxDepth: number;
  maxFields: number;
  /** Chance that an argument value goes through a variable. */
  variables: number;
  /** Chance that an optional argument is passed. */
  optionalArgs: number;
  /** Chance that a field is aliased. */
  alias: number;
}

/** One operation being written: its selections, variable definitions and variable values. */
class OperationWriter {
  readonly variableDefs: string[] = [];
  readonly variableValues: Record<string, unknown> = {};
  readonly fragments: string[] = [];
  private aliasCount = 0;

  constructor(
    private readonly rng: Rng,
    private readonly values: ValueGen,
    private readonly options: OperationOptions,
  ) {}

  args(field: GraphQLField<unknown, unknown>): string {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !this.rng.chance(this.options.optionalArgs)) continue;
      parts.push(`${arg.name}: ${this.argValue(arg)}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private argValue(arg: GraphQLArgument): string {
    const value = this.values.value(arg.type, arg.name);
    if (!this.rng.chance(this.options.variables)) return literal(value);
    const name = `v${this.variableDefs.length}`;
    this.variableDefs.push(`$${name}: ${String(arg.type)}`);
    this.variableValues[name] = toJson(value);
    return `$${name}`;
  }

  selectionSet(type: GraphQLObjectType, depth: number): string {
    const { rng, options } = this;
    const fields = Object.values(type.getFields());
    const atBottom = depth >= options.maxDepth;
    const usable = atBottom ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const n = rng.between(1, options.maxFields);
    for (let i = 0; i < n && usable.length; i++) chosen.add(rng.pick(usable));
    const selections: string[] = [];
    for (const field of chosen) selections.push(this.field(field, depth));
    if (!selections.length || rng.chance(0.05)) selections.push('__typename');
    if (rng.chance(0.05)) selections.push(`... on ${type.name} { __typename }`);
    if (rng.chance(0.04)) {
      const name = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${name} on ${type.name} { __typename ${selections[0]} }`);
      selections.push(`...${name}`);
    }
    return `{ ${selections.join(' ')} }`;
  }

  field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const { rng } = this;
    const alias = rng.chance(this.options.alias) ? `a${this.aliasCount++}: ` : '';
    const directive = rng.chance(0.03) ? rng.pick([' @include(if: true)', ' @skip(if: false)', ' @skip(if: true)', ' @deprecated']) : '';
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? ` ${this.selectionSet(named, depth + 1)}` : '';
    return `${alias}${field.name}${this.args(field)}${directive}${sub}`;
  }

  document(kind: 'query' | 'mutation' | 'subscription', name: string | undefined, body: string): string {
    const defs = this.variableDefs.length ? `(${this.variableDefs.join(', ')})` : '';
    const head = name || defs || kind !== 'query' ? `${kind}${name ? ` ${name}` : ''}${defs} ` : '';
    return [`${head}${body}`, ...this.fragments].join('\n');
  }
}

const DEFAULT_OPTIONS: OperationOptions = { maxDepth: 3, maxFields: 3, variables: 0.4, optionalArgs: 0.4, alias: 0.1 };
const DEFAULT_VALUES: ValueOptions = { wrong: 0.02, hostile: 0.15, huge: 0 };

function rootType(schema: GraphQLSchema, kind: 'query' | 'mutation' | 'subscription'): GraphQLObjectType {
  const type = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!type) throw new Error(`the API schema has no ${kind} type`);
  return type;
}

interface Built {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

function operation(
  rng: Rng,
  schema: GraphQLSchema,
  targets: FuzzTargets,
  kind: 'query' | 'mutation' | 'subscription',
  options: Partial<OperationOptions> = {},
  valueOptions: Partial<ValueOptions> = {},
): Built {
  const values = new ValueGen(rng, targets, { ...DEFAULT_VALUES, ...valueOptions });
  const writer = new OperationWriter(rng, values, { ...DEFAULT_OPTIONS, ...options });
  const root = rootType(schema, kind);
  const fields = Object.values(root.getFields());
  // A subscription has one root field; mutations run one after another, so keep them few.
  const count = kind === 'subscription' ? 1 : rng.between(1, kind === 'mutation' ? 2 : 3);
  const selections: string[] = [];
  for (let i = 0; i < count; i++) selections.push(writer.field(rng.pick(fields), 1));
  const name = rng.chance(0.5) ? `Fz${rng.int(1000)}` : undefined;
  return { query: writer.document(kind, name, `{ ${selections.join(' ')} }`), variables: writer.variableValues, operationName: rng.chance(0.5) ? name : undefined };
}

const json = (value: unknown) => JSON.stringify(value);
const post = (body: unknown, extra: Partial<Extract<FuzzOperation, { transport: 'http' }>> = {}): FuzzOperation => ({
  transport: 'http',
  method: 'POST',
  contentType: 'application/json',
  body: json(body),
  ...extra,
});
const payloadOf = (built: Built): Record<string, unknown> => ({
  query: built.query,
  variables: built.variables,
  ...(built.operationName ? { operationName: built.operationName } : {}),
});

type Generator = (rng: Rng, schema: GraphQLSchema, targets: FuzzTargets) => FuzzOperation;

const queryOrMutation = (rng: Rng) => (rng.chance(0.6) ? 'query' : 'mutation');

/** Fields that lead back to an object with a path to themselves, for deep nesting (with small pages). */
const CYCLES = [
  { root: 'me', step: 'friends(first: 1) { edges { node { user { id %s } } } }' },
  { root: 'chatRooms(first: 1)', wrap: '{ edges { node { id %s } } }', step: 'messages(first: 1) { edges { node { id room { id %s } } } }' },
  { root: 'achievement(id: "first_blood")', step: 'prerequisites { id %s }' },
  { root: 'me', step: 'guild { id } friends(first: 1) { edges { node { user { id %s } } } }' },
];

const GENERATORS: Record<Category, Generator> = {
  query: (rng, schema, targets) => post(payloadOf(operation(rng, schema, targets, 'query', { maxDepth: rng.between(1, 4) }))),

  mutation: (rng, schema, targets) => post(payloadOf(operation(rng, schema, targets, 'mutation'))),

  'wrong-types': (rng, schema, targets) =>
    post(payloadOf(operation(rng, schema, targets, queryOrMutation(rng), { optionalArgs: 0.7 }, { wrong: rng.pick([0.2, 0.5, 1]) }))),

  'unknown-names': (rng, schema, targets) => {
    const built = operation(rng, schema, targets, queryOrMutation(rng));
    const sabotage = rng.pick<(q: string) => string>([
      (q) => q.replace(/\{ /, '{ notAField ').replace(/\{ /, '{ '),
      (q) => q.replace(/\{ (\w+)/, '{ $1(noSuchArg: 1)').replace('(noSuchArg: 1)(', '(noSuchArg: 1, '),
      (q) => q.replace(/\{ /, '{ ... on NoSuchType { id } '),
      (q) => q.replace(/\{ (\w+)/, '{ $1 @noSuchDirective'),
      (q) => `query Fz($x: NoSuchScalar) { me { id } }\n${q}`,
      (q) => q.replace(/\{ /, '{ ...NoSuchFragment '),
      (q) => q.replace(/\{ (\w+)/, '{ __schema { types { name } } $1'),
      (q) => q.replace(/\{ (\w+)/, '{ mee $1'),
    ]);
    return post({ ...payloadOf(built), query: sabotage(built.query) });
  },

  strings: (rng, schema, targets) => {
    const kind = rng.chance(0.6) ? 'mutation' : 'query';
    const built = operation(rng, schema, targets, kind, { optionalArgs: 0.8, variables: rng.pick([0, 0.5, 1]) }, { hostile: 0.9 });
    return post(payloadOf(built));
  },

  'huge-strings': (rng, schema, targets) => {
    const built = operation(rng, schema, targets, queryOrMutation(rng), { optionalArgs: 0.8, maxDepth: 2, variables: 0.7 }, { huge: 0.15, hostile: 0.5 });
    if (built.query.length + JSON.stringify(built.variables).length < KB100 && rng.chance(0.7)) {
      // Nothing huge was drawn: put 100 KB somewhere that is not an argument.
      const where = rng.int(3);
      if (where === 0) built.query = `# ${'x'.repeat(KB100)}\n${built.query}`;
      else if (where === 1) built.variables = { ...built.variables, unused: hugeString(rng) };
      else built.query = built.query.replace(/\{ /, `{ f${'x'.repeat(KB100)} `);
    }
    return post(payloadOf(built));
  },

  'deep-nesting': (rng, schema, targets) => {
    const kind = rng.int(6);
    if (kind === 0 || kind === 1) {
      const cycle = rng.pick(CYCLES);
      const depth = rng.pick([8, 15, 30, 60]);
      let inner = 'id';
      for (let i = 0; i < depth; i++) inner = cycle.step.replace('%s', inner);
      const body = cycle.wrap ? cycle.wrap.replace('%s', inner) : `{ ${inner} }`;
      return post({ query: `{ ${cycle.root} ${body} }` });
    }
    if (kind === 2) {
      const depth = rng.pick([50, 200, 1_000, 5_000]);
      return post({ query: `{ me ${'{ ... '.repeat(depth)}{ id }${' }'.repeat(depth)} }` });
    }
    if (kind === 3) {
      const depth = rng.pick([20, 100, 1_000, 5_000]);
      return post({ query: `{ users(ids: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }` });
    }
    if (kind === 4) {
      const depth = rng.pick([20, 100, 1_000, 3_000]);
      let data: unknown = { kills: 1 };
      for (let i = 0; i < depth; i++) data = { a: data };
      const input = { id: uuidLike(rng), userId: rng.pick(targets.userIds), type: 'match.won', data };
      return post({ query: 'mutation Fz($input: GameEventInput!) { recordGameEvent(input: $input) { events { id status } } }', variables: { input } });
    }
    // Unbalanced: the parser must give up without falling over.
    const depth = rng.pick([1_000, 10_000, 50_000]);
    return post({ query: '{'.repeat(depth) });
  },

  aliases: (rng) => {
    const count = rng.pick([20, 50, 100, 500, 1_500]);
    // Thousands of aliases of a list field are a denial of service until an alias limit refuses them; keep those rarer.
    const cheap = ['__typename', 'me { id }', 'unreadNotificationCount', 'user(id: "x") { id }'];
    const field = rng.pick(count <= 100 || rng.chance(0.2) ? [...cheap, 'achievements { id }', 'chatRooms(first: 1) { edges { node { id } } }'] : cheap);
    const selections = Array.from({ length: count }, (_, i) => `a${i}: ${field}`);
    if (rng.chance(0.2)) selections.push(`a0: me { username }`); // a conflicting alias
    return post({ query: `{ ${selections.join(' ')} }` });
  },

  variables: (rng, schema, targets) => {
    const built = operation(rng, schema, targets, queryOrMutation(rng), { variables: 1, optionalArgs: 0.6 });
    const names = Object.keys(built.variables);
    const values = new ValueGen(rng, targets, { ...DEFAULT_VALUES, hostile: 0.4 });
    let variables: unknown = { ...built.variables };
    let query = built.query;
    switch (rng.int(9)) {
      case 0: // a variable of the wrong type
        if (names.length) (variables as Record<string, unknown>)[rng.pick(names)] = toJson(values.wrongValue(schema.getType('String') as GraphQLInputType, 0));
        break;
      case 1: // a required variable missing
        if (names.length) delete (variables as Record<string, unknown>)[rng.pick(names)];
        break;
      case 2: // extra, undeclared variables
        variables = { ...(variables as object), extra: hostileString(rng), ['__proto__']: { polluted: true } };
        break;
      case 3: // variables that are not an object
        variables = rng.pick(['{}', '', [], [1, 2], 42, true, 'null']);
        break;
      case 4: // null for everything
        variables = Object.fromEntries(names.map((n) => [n, null]));
        break;
      case 5: // a declared variable of an unknown or input-incompatible type
        query = query.replace(/\$v0: [^,)]+/, rng.pick(['$v0: Nope', '$v0: User', '$v0: [[String!]!]!', '$v0: Int!']));
        break;
      case 6: // a default value of the wrong type, and an unused variable
        query = query.replace(/\$v0: ([^,)!]+)([,)])/, '$v0: $1 = {nope: 1}$2');
        query = query.replace(/^(query|mutation)( \w+)?\(/, '$1$2($unused: String = "x", ');
        break;
      case 7: // the same variable declared twice
        query = query.replace(/\$v0: ([^,)]+)/, '$v0: $1, $v0: String');
        break;
      default: // right types, hostile strings
        break;
    }
    return post({ query, variables, ...(built.operationName ? { operationName: built.operationName } : {}) });
  },

  'operation-name': (rng, schema, targets) => {
    const ops = Array.from({ length: rng.between(1, 3) }, (_, i) => {
      const built = operation(rng, schema, targets, rng.chance(0.8) ? 'query' : 'mutation', { variables: 0 });
      // Give each operation its own name, or none.
      return rng.chance(0.85) ? built.query.replace(/^(query|mutation)( Fz\d+)? ?/, `$1 Op${i} `).replace(/^\{/, `query Op${i} {`) : built.query;
    });
    const operationName = rng.pick<unknown>(['Op0', 'Op1', 'Op2', 'NoSuchOperation', '', null, undefined, 42, {}, ['Op0'], hostileString(rng)]);
    return post({ query: ops.join('\n'), ...(operationName === undefined ? {} : { operationName }) });
  },

  'http-subscription': (rng, schema, targets) => {
    const built = operation(rng, schema, targets, 'subscription', { maxDepth: 2 });
    const accept = rng.pick([undefined, 'multipart/mixed;subscriptionSpec="1.0", application/json', 'text/event-stream', 'application/graphql-response+json']);
    return post(payloadOf(built), accept ? { headers: { accept } } : {});
  },

  'ws-subscription': (rng, schema, targets) => {
    const built = operation(rng, schema, targets, 'subscription', { maxDepth: 2, optionalArgs: 0.5 }, { wrong: rng.pick([0, 0.02, 0.3]), hostile: 0.3 });
    return { transport: 'ws', payload: payloadOf(built), settleMs: rng.between(30, 120) };
  },

  'ws-query': (rng, schema, targets) => {
    const built = operation(rng, schema, targets, queryOrMutation(rng), {}, { wrong: rng.pick([0, 0.3]) });
    const payload = payloadOf(built);
    if (rng.chance(0.15)) payload.operationName = rng.pick<unknown>(['NoSuchOperation', 42, null]);
    if (rng.chance(0.1)) payload.variables = rng.pick<unknown>(['x', [1], 42]);
    return { transport: 'ws', payload, settleMs: 0 };
  },

  'garbage-http': (rng) => {
    const valid = json({ query: '{ __typename }' });
    return rng.pick<() => FuzzOperation>([
      () => ({ transport: 'http', method: 'POST', contentType: 'application/json', body: rng.pick(['{', '{"query": "{ __typename }"', "{'query': '{ me { id } }'}", '{"query": "{ __typename }",}', 'nul', '\u0000', '{"query": "\\uD800"}', '{"query":"{ __typename }"} trailing']) }),
      () => ({ transport: 'http', method: 'POST', contentType: 'application/json', body: rng.pick(['', 'null', '[]', '[{"query": "{ __typename }"}]', '{}', '{"query": 5}', '{"query": null}', '{"query": ["{ me { id } }"]}', '{"query": {}}', '"{ __typename }"', '42', 'true']) }),
      () => ({ transport: 'http', method: 'POST', contentType: rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/xml', 'text/html']), body: rng.chance(0.5) ? valid : '{ __typename }' }),
      () => ({ transport: 'http', method: 'POST', contentType: rng.pick(['application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=bogus']), body: valid }),
      () => ({ transport: 'http', method: 'POST', contentType: 'application/json', body: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) }),
      () => ({ transport: 'http', method: 'POST', contentType: 'application/json', body: json({ query: `{ __typename }`, pad: 'x'.repeat(rng.pick([1_100_000, 2_000_000])) }) }),
      () => ({ transport: 'http', method: 'POST', contentType: 'application/json', headers: { 'content-encoding': rng.pick(['gzip', 'br', 'bogus']) }, body: valid }),
      () => ({ transport: 'http', method: 'POST', body: valid }),
      () => ({ transport: 'http', method: 'GET', search: rng.pick(['', 'query=%7B__typename%7D', 'query=%7Bme%7Bid%7D%7D', 'query=mutation%7BlogoutEverywhere%7BrevokedSessions%7D%7D', 'query=%7B', 'query=%7B__typename%7D&variables=%7Bnope', 'query=%7B__typename%7D&extensions=%5B%5D', 'query[]=a&query[]=b']), headers: { 'apollo-require-preflight': 'true' } }),
      () => ({ transport: 'http', method: 'GET', search: 'query=%7B__typename%7D' }),
      () => ({ transport: 'http', method: 'PUT', contentType: 'application/json', body: valid }),
      () => ({ transport: 'http', method: 'POST', contentType: 'application/json', body: json({ query: '{ __typename }', extensions: rng.pick<unknown>([{ persistedQuery: { version: 1, sha256Hash: 'abc' } }, 'x', []]) }) }),
    ])();
  },

  'ws-protocol': (rng) => {
    const subscribe = (id: unknown, payload: unknown) => json({ id, type: 'subscribe', payload });
    return rng.pick<() => FuzzOperation>([
      () => ({ transport: 'ws-raw', init: true, frames: [rng.pick(['not json', '{', '[]', 'null', '{}', '{"type": 42}', '{"type":"nope"}'])] }),
      () => ({ transport: 'ws-raw', init: false, frames: [subscribe('1', { query: '{ __typename }' })] }),
      () => ({ transport: 'ws-raw', init: true, frames: [json({ type: 'connection_init' })] }),
      () => ({ transport: 'ws-raw', init: true, frames: [subscribe('1', { query: 'subscription { meUpdated { id } }' }), subscribe('1', { query: 'subscription { meUpdated { id } }' })] }),
      () => ({ transport: 'ws-raw', init: true, frames: [subscribe(rng.pick<unknown>([1, null, '', {}, 'é🎮']), { query: '{ __typename }' })] }),
      () => ({ transport: 'ws-raw', init: true, frames: [subscribe('1', rng.pick<unknown>([null, 'x', { query: 5 }, { query: '{ __typename }', variables: 'x' }, { query: '{ __typename }', operationName: 5 }, {}]))] }),
      () => ({ transport: 'ws-raw', init: true, frames: [json({ id: 'nope', type: 'complete' }), json({ type: 'ping', payload: { x: 1 } }), json({ type: 'pong' })] }),
      () => ({ transport: 'ws-raw', init: true, frames: [Buffer.from([0xff, 0x00, 0xfe])] }),
      () => ({ transport: 'ws-raw', init: true, frames: [subscribe('1', { query: `{ ${'a: __typename '.repeat(10)} } ${'#'.repeat(KB100 * 5)}` })] }),
      () => ({ transport: 'ws-raw', init: true, frames: [json({ type: 'connection_ack' }), json({ id: '1', type: 'next', payload: {} })] }),
    ])();
  },
};

/** Bearer values that are not valid tokens. */
const BAD_AUTHORIZATIONS = [
  'Bearer garbage',
  'Bearer ',
  'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.',
  'Basic dXNlcjpwYXNzd29yZA==',
  `Bearer ${'a'.repeat(8_000)}`,
  'bearer a.b.c',
  'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
  'Token x',
];

/** The case at `index` for `seed`. */
export function generateCase(seed: number, index: number, schema: GraphQLSchema, targets: FuzzTargets): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const category = rng.weighted(CATEGORIES);
  const auth = rng.weighted(AUTH_WEIGHTS);
  const badAuthorization = auth === 'bad-token' ? rng.pick(BAD_AUTHORIZATIONS) : undefined;
  return { index, category, auth, badAuthorization, operation: GENERATORS[category](rng, schema, targets) };
}

export interface Outcome {
  /** HTTP status. */
  status?: number;
  contentType?: string;
  /** The raw body (HTTP), for the judge. */
  text?: string;
  /** Every GraphQL error received (HTTP body, ws `next` payloads and `error` messages). */
  errors: unknown[];
  /** A response that was not a GraphQL response (JSON without data or errors, non-JSON). */
  notGraphQL?: string;
  /** How the socket closed, for ws cases that the server closed. */
  closeCode?: number;
  closeReason?: string;
  /** No answer, or the connection failed. */
  failure?: string;
  ms: number;
}

export interface Credentials {
  player: string;
  admin: string;
  service: string;
}

const authorizationFor = (c: FuzzCase, credentials: Credentials): string | undefined =>
  c.auth === 'anonymous' ? undefined : c.auth === 'bad-token' ? c.badAuthorization : `Bearer ${credentials[c.auth]}`;

const TIMEOUT_MS = 30_000;

export async function send(c: FuzzCase, gatewayUrl: string, credentials: Credentials): Promise<Outcome> {
  const started = performance.now();
  const authorization = authorizationFor(c, credentials);
  const op = c.operation;
  const outcome = op.transport === 'http' ? await sendHttp(op, gatewayUrl, authorization) : await sendWs(op, gatewayUrl, authorization);
  return { ...outcome, ms: performance.now() - started };
}

async function sendHttp(op: Extract<FuzzOperation, { transport: 'http' }>, url: string, authorization: string | undefined): Promise<Omit<Outcome, 'ms'>> {
  const headers: Record<string, string> = { ...op.headers };
  if (op.contentType) headers['content-type'] = op.contentType;
  if (authorization) headers.authorization = authorization;
  try {
    const response = await fetch(op.search === undefined ? url : `${url}?${op.search}`, {
      method: op.method,
      headers,
      body: typeof op.body === 'object' ? new Uint8Array(op.body) : op.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const outcome: Omit<Outcome, 'ms'> = { status: response.status, contentType, text, errors: [] };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      outcome.notGraphQL = 'not JSON';
      return outcome;
    }
    if (!body || typeof body !== 'object' || !('data' in body || 'errors' in body)) {
      outcome.notGraphQL = 'JSON without data or errors';
      return outcome;
    }
    const errors = (body as { errors?: unknown }).errors;
    if (errors !== undefined) outcome.errors = Array.isArray(errors) ? errors : [errors];
    return outcome;
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    return { errors: [], failure: e.name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : `connection failed: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
  }
}

/** One graphql-transport-ws conversation on its own socket, written by hand so any payload can be sent. */
function sendWs(op: Exclude<FuzzOperation, { transport: 'http' }>, httpUrl: string, authorization: string | undefined): Promise<Omit<Outcome, 'ms'>> {
  return new Promise((resolve) => {
    const errors: unknown[] = [];
    const outcome: Omit<Outcome, 'ms'> = { errors };
    const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    let settled = false;
    let settleTimer: NodeJS.Timeout | undefined;
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(settleTimer);
      if (failure) outcome.failure = failure;
      if (socket.readyState === socket.OPEN) {
        // Stop what is still running, then leave.
        if (op.transport === 'ws') socket.send(json({ id: '1', type: 'complete' }));
        socket.close(1000);
      } else if (socket.readyState === socket.CONNECTING) socket.terminate();
      resolve(outcome);
    };
    const deadline = setTimeout(() => finish(`no answer in ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
    socket.on('open', () => {
      if (op.transport === 'ws-raw' && !op.init) {
        for (const frame of op.frames) socket.send(frame);
        settleTimer = setTimeout(() => finish(), 300);
        return;
      }
      socket.send(json({ type: 'connection_init', payload: authorization ? { authorization } : {} }));
    });
    socket.on('message', (data) => {
      let message: { type?: string; id?: string; payload?: unknown };
      try {
        message = JSON.parse((data as Buffer).toString());
      } catch {
        outcome.notGraphQL = `a ws message that is not JSON: ${(data as Buffer).toString().slice(0, 80)}`;
        return;
      }
      if (message.type === 'connection_ack') {
        if (op.transport === 'ws-raw') {
          for (const frame of op.frames) socket.send(frame);
          settleTimer = setTimeout(() => finish(), 300);
        } else {
          socket.send(json({ id: '1', type: 'subscribe', payload: op.payload }));
          if (op.settleMs) settleTimer = setTimeout(() => finish(), op.settleMs);
        }
      } else if (message.type === 'next') {
        const errs = (message.payload as { errors?: unknown })?.errors;
        if (Array.isArray(errs)) errors.push(...(errs as unknown[]));
        else if (errs !== undefined) errors.push(errs);
        if (op.transport === 'ws' && op.settleMs) finish(); // one event is enough
      } else if (message.type === 'error') {
        if (Array.isArray(message.payload)) errors.push(...(message.payload as unknown[]));
        else errors.push(message.payload);
        if (op.transport === 'ws') finish();
      } else if (message.type === 'complete') {
        if (op.transport === 'ws') finish();
      } else if (message.type === 'ping') {
        socket.send(json({ type: 'pong' }));
      }
    });
    socket.on('close', (code, reason) => {
      outcome.closeCode = code;
      outcome.closeReason = String(reason);
      finish();
    });
    socket.on('error', (error) => {
      if (!settled) outcome.failure = `socket error: ${(error as NodeJS.ErrnoException).code ?? error.message}`;
    });
  });
}

export type ViolationKind = '5xx' | 'html' | 'not-graphql' | 'no-code' | 'internal-error' | 'ws-internal-close' | 'no-answer';

export interface Violation {
  kind: ViolationKind;
  /** What groups it: status or close code, error code and the message's start with numbers and quotes masked. */
  key: string;
}

const messagePrefix = (message: unknown) =>
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever a server sent, summarised as text
  String(message ?? '')
    .replace(/"[^]*"/g, '"…"')
    .replace(/\d+/g, '#')
    .slice(0, 70);

/** Express's error page says which error it was (`<pre>SyntaxError: …`); the name groups them. */
const htmlErrorName = (html: string) => /<pre>([\w.]+)/.exec(html)?.[1] ?? messagePrefix(html.replace(/<[^>]+>|\s+/g, ' ').trim());

/** What this outcome breaks of the rules every response keeps. */
export function judge(c: FuzzCase, o: Outcome): Violation[] {
  const transport = c.operation.transport;
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, detail: string) => violations.push({ kind, key: `${kind} | ${transport} | ${detail}` });
  if (o.failure) add('no-answer', o.failure.replace(/\d+/g, '#'));
  // A masked error says nothing of its cause; the kind of case that met it is the best hint.
  const masked = (message: unknown) => (message === 'Internal server error' ? ` | ${c.category}` : '');
  const errorSummary = () => {
    const first = o.errors[0] as { message?: unknown; extensions?: { code?: unknown } } | undefined;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever a server sent as its code
    return first ? `${String(first.extensions?.code ?? '(no code)')} | ${messagePrefix(first.message)}${masked(first.message)}` : `- | ${o.notGraphQL ?? ''}: ${messagePrefix(o.text?.slice(0, 70))}`;
  };
  if (o.status !== undefined && o.status >= 500) add('5xx', `${o.status} | ${errorSummary()}`);
  if (/html/i.test(o.contentType ?? '') || /^\s*</.test(o.text ?? '')) add('html', `${o.status} | ${htmlErrorName(o.text ?? '')}`);
  else if (o.notGraphQL) add('not-graphql', `${o.status ?? ''} | ${o.notGraphQL} | ${messagePrefix(o.text)}`);
  if (o.closeCode === 4500 || o.closeCode === 1011) add('ws-internal-close', `${o.closeCode} | ${messagePrefix(o.closeReason)}`);
  for (const error of o.errors) {
    const e = error as { message?: unknown; extensions?: { code?: unknown } } | null;
    const code = e?.extensions?.code;
    if (typeof code !== 'string') add('no-code', `${o.status ?? o.closeCode ?? ''} | ${messagePrefix(e?.message)}`);
    else if (code === 'INTERNAL_SERVER_ERROR' && !(o.status! >= 500)) add('internal-error', `${o.status ?? ''} | ${messagePrefix(e?.message)} | path ${((e as { path?: unknown[] }).path ?? []).filter((p) => typeof p === 'string').join('.')}${masked(e?.message)}`);
  }
  // One violation per kind and key for a response: a list of 50 identical errors is one finding.
  return violations.filter((v, i) => violations.findIndex((w) => w.key === v.key) === i);
}

export interface Finding {
  key: string;
  kind: ViolationKind;
  count: number;
  categories: Map<Category, number>;
  /** The first few cases, to replay with FUZZ_ONLY. */
  cases: number[];
  sample: FuzzCase;
  sampleOutcome: Outcome;
}

/** Collects violations by group, keeping the first case of each as its sample. */
export class Findings {
  readonly groups = new Map<string, Finding>();
  cases = 0;
  violatingCases = 0;
  readonly byCategory = new Map<Category, { cases: number; ms: number }>();

  /** The slowest operations: one that blocks the event loop slows every other, and shows here first. */
  readonly slowest: { c: FuzzCase; ms: number }[] = [];

  /** How the operations were answered (first error code, or `data` without errors), to see how deep the fuzz reaches. */
  readonly answers = new Map<string, number>();

  record(c: FuzzCase, o: Outcome, violations: Violation[]) {
    this.cases++;
    const first = o.errors[0] as { extensions?: { code?: unknown } } | undefined;
    const answer = o.failure ? 'no answer' : first ? String(first.extensions?.code) : o.closeCode !== undefined && o.closeCode !== 1000 ? `ws ${o.closeCode}` : o.notGraphQL ? 'not GraphQL' : 'no error';
    this.answers.set(answer, (this.answers.get(answer) ?? 0) + 1);
    this.slowest.push({ c, ms: o.ms });
    this.slowest.sort((a, b) => b.ms - a.ms).splice(8);
    const stats = this.byCategory.get(c.category) ?? { cases: 0, ms: 0 };
    stats.cases++;
    stats.ms += o.ms;
    this.byCategory.set(c.category, stats);
    if (violations.length) this.violatingCases++;
    for (const v of violations) {
      let group = this.groups.get(v.key);
      if (!group) this.groups.set(v.key, (group = { key: v.key, kind: v.kind, count: 0, categories: new Map(), cases: [], sample: c, sampleOutcome: o }));
      group.count++;
      if (group.cases.length < 12) group.cases.push(c.index);
      group.categories.set(c.category, (group.categories.get(c.category) ?? 0) + 1);
      if (c.index < group.sample.index) Object.assign(group, { sample: c, sampleOutcome: o });
    }
  }

  /** Markdown: one section per group, largest first, with a sample operation to replay. */
  summary(seed: number): string {
    const groups = [...this.groups.values()].sort((a, b) => b.count - a.count);
    const lines = [`${this.violatingCases} of ${this.cases} operations broke a rule, in ${groups.length} groups (seed ${seed}).`, ''];
    groups.forEach((g, i) => {
      const categories = [...g.categories].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
      lines.push(`### ${i + 1}. ${g.key}`);
      lines.push(`${g.count} operations (${categories}). Sample: case ${g.sample.index} (FUZZ_SEED=${seed} FUZZ_ONLY=${g.sample.index}), ${describeCase(g.sample)}`);
      lines.push('```', describeOperation(g.sample.operation), '```');
      lines.push(`answer: ${describeOutcome(g.sampleOutcome)}`);
      lines.push(`cases: ${g.cases.join(',')}${g.count > g.cases.length ? ',…' : ''}`, '');
    });
    return lines.join('\n');
  }

  answersSummary(): string {
    return [...this.answers].sort((a, b) => b[1] - a[1]).map(([answer, n]) => `${answer} ${n}`).join(', ');
  }

  slowestSummary(): string {
    return this.slowest.map(({ c, ms }) => `${Math.round(ms)} ms: case ${c.index}, ${describeCase(c)}: ${shorten(describeOperation(c.operation), 200)}`).join('\n');
  }
}

/** Invisible and unpaired characters as \u escapes, long runs shortened, so a sample fits on screen and copies. */
export function shorten(text: string, max = 600): string {
  const visible = text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/(.)\1{40,}/gsu, (run, ch: string) => `${ch}…×${run.length / ch.length}`)
    .replace(/(.{2,12}?)\1{10,}/gsu, (run, unit: string) => `(${unit})×${run.length / unit.length}`);
  return visible.length > max ? `${visible.slice(0, max)}… (${visible.length} chars)` : visible;
}

const describeCase = (c: FuzzCase) => `${c.category}, ${c.auth}${c.badAuthorization ? ` (${shorten(c.badAuthorization, 60)})` : ''}`;

function describeOperation(op: FuzzOperation): string {
  if (op.transport === 'http') {
    const head = `${op.method} /graphql${op.search !== undefined ? `?${op.search}` : ''}  content-type: ${op.contentType ?? '(none)'}${op.headers ? `  ${JSON.stringify(op.headers)}` : ''}`;
    const body = op.body === undefined ? '' : typeof op.body === 'string' ? shorten(op.body) : `bytes ${op.body.toString('hex').slice(0, 80)} (${op.body.length} bytes)`;
    return body ? `${head}\n${body}` : head;
  }
  if (op.transport === 'ws') return `ws subscribe ${shorten(JSON.stringify(op.payload))}`;
  return `ws${op.init ? ' (after connection_init)' : ' (no connection_init)'} frames: ${op.frames.map((f) => (typeof f === 'string' ? shorten(f, 200) : `bytes ${f.toString('hex')}`)).join(' | ')}`;
}

function describeOutcome(o: Outcome): string {
  const parts: string[] = [];
  if (o.status !== undefined) parts.push(`HTTP ${o.status} ${o.contentType ?? ''}`);
  if (o.closeCode !== undefined) parts.push(`ws closed ${o.closeCode} ${o.closeReason ?? ''}`);
  if (o.failure) parts.push(o.failure);
  if (o.text !== undefined) parts.push(shorten(o.text.replace(/\s+/g, ' '), 300));
  else if (o.errors.length) parts.push(shorten(JSON.stringify(o.errors.slice(0, 2)), 300));
  return parts.join(' — ');
}

/** Runs `work` over `items` with at most `parallel` in flight. */
export async function inPool<T>(items: Iterable<T>, parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
