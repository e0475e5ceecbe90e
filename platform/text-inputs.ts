import {
  defaultFieldResolver,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from './errors.js';
import { normalizeInputText } from './text.js';

/** Checks one coerced input value; returns it unchanged, or a copy with its strings in NFC. */
type Walk = (value: unknown, path: string) => unknown;

// Values that cannot hold text. `_Any` carries the gateway's entity representations.
const TEXTLESS_SCALARS = new Set(['Int', 'Float', 'Boolean', '_Any']);
const MAX_JSON_DEPTH = 64;

const walkString: Walk = (value, path) => (typeof value === 'string' ? normalizeInputText(value, path) : value);

/** A custom scalar's parsed value (JSON objects): its strings and keys, to any depth. */
function walkJson(value: unknown, path: string, depth = 0): unknown {
  if (typeof value === 'string') return normalizeInputText(value, path);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_JSON_DEPTH) throw new BadUserInputError(`${path} is nested more than ${MAX_JSON_DEPTH} levels deep.`, path);
  if (Array.isArray(value)) return walkList(value, path, (item, itemPath) => walkJson(item, itemPath, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value; // a Date, a bigint box: parsed, not text
  let result = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    // Keys are checked, not rewritten: two keys must not become one.
    const keyPath = `${path}.${key}`;
    normalizeInputText(key, keyPath);
    const next = walkJson(item, keyPath, depth + 1);
    if (next !== item) {
      if (result === value) result = { ...result };
      result[key] = next;
    }
  }
  return result;
}

function walkList(list: readonly unknown[], path: string, walk: Walk): unknown[] {
  let result = list as unknown[];
  list.forEach((item, index) => {
    const next = walk(item, `${path}.${index}`);
    if (next !== item) {
      if (result === list) result = [...list];
      result[index] = next;
    }
  });
  return result;
}

/** How to walk a value of `type`, or null when it can hold no text (nothing to do at run time). */
function walkerFor(type: GraphQLInputType, inputObjects: Map<GraphQLInputObjectType, { walk: Walk | null }>): Walk | null {
  if (isNonNullType(type)) return walkerFor(type.ofType, inputObjects);
  if (isListType(type)) {
    const item = walkerFor(type.ofType, inputObjects);
    return item && ((value, path) => (Array.isArray(value) ? walkList(value, path, item) : item(value, path)));
  }
  if (isEnumType(type)) return null;
  if (isScalarType(type)) {
    if (type.name === 'String' || type.name === 'ID') return walkString;
    return TEXTLESS_SCALARS.has(type.name) ? null : walkJson;
  }
  const known = inputObjects.get(type);
  // A recursive input type: walk through the entry being built.
  if (known) return (value, path) => (known.walk ? known.walk(value, path) : value);
  const entry: { walk: Walk | null } = { walk: null };
  inputObjects.set(type, entry);
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const walk = walkerFor(field.type, inputObjects);
    return walk ? [[field.name, walk] as const] : [];
  });
  entry.walk = fields.length === 0 ? null : (value, path) => walkObject(value, path, fields);
  return entry.walk;
}

function walkObject(value: unknown, path: string, fields: readonly (readonly [string, Walk])[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const input = value as Record<string, unknown>;
  let result = input;
  for (const [name, walk] of fields) {
    const item = input[name];
    if (item == null) continue;
    const next = walk(item, path ? `${path}.${name}` : name);
    if (next !== item) {
      if (result === input) result = { ...input };
      result[name] = next;
    }
  }
  return result;
}

/**
 * Applies the base text rule (platform/text.ts `normalizeInputText`) to every String and ID
 * argument of every field in `schema`, inside input objects and lists too, and to the strings in
 * custom scalars' values (JSON): a resolver only ever sees text in NFC, without NUL, lone
 * surrogates or control characters; anything else fails with BAD_USER_INPUT whose
 * `extensions.field` is the path as domain errors name it: the argument (`username`), or inside a
 * mutation's `input` the field (`displayName`, `changes.0.itemId`). Which arguments
 * need walking is worked out once here; fields without text arguments are left untouched.
 * Mutates the schema's resolvers in place (a freshly built subgraph schema).
 */
export function enforceTextPolicy(schema: GraphQLSchema): void {
  const inputObjects = new Map<GraphQLInputObjectType, { walk: Walk | null }>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const args = field.args.flatMap((arg) => {
        const walk = walkerFor(arg.type, inputObjects);
        if (!walk) return [];
        // A mutation's one `input` object: its fields are named as the domain rules name them.
        const isTheInput = arg.name === 'input' && isInputObjectType(getNullableType(arg.type));
        return [[arg.name, isTheInput ? (value: unknown) => walk(value, '') : walk] as const];
      });
      if (args.length === 0) continue;
      const withCheckedArgs =
        (resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
        (source, values, context, info) =>
          resolve(source, walkObject(values, '', args) as typeof values, context, info);
      field.resolve = withCheckedArgs(field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = withCheckedArgs(field.subscribe);
    }
  }
}
