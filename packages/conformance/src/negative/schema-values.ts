/**
 * Values read off a JSON Schema (OpenAPI 3.1): arbitraries of values the
 * schema accepts, and the places inside a value that a mutation can aim at.
 *
 * @module
 */
import { type OpenApiDocument, resolveRef, type Schema, type SchemaObject } from '@loginspec/codec';
import fc from 'fast-check';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];

/** The JSON type of a value, as a schema's `type` would name it (`integer` for whole numbers). */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function resolved(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  return schema === undefined ? true : resolveRef(doc, schema);
}

/** The types a schema accepts, or undefined when it accepts any (no `type`, `enum`, `const` or typed branches). */
export function allowedTypes(doc: OpenApiDocument, schema: Schema | undefined): Set<JsonType> | undefined {
  const s = resolved(doc, schema);
  if (s === true) return undefined;
  if (s === false) return new Set();
  if ('const' in s) return new Set([jsonTypeOf(s.const)]);
  if (Array.isArray(s.enum)) return new Set(s.enum.map(jsonTypeOf));
  if (s.type !== undefined) {
    const types = new Set((Array.isArray(s.type) ? s.type : [s.type]) as JsonType[]);
    // A whole number is a number too.
    if (types.has('number')) types.add('integer');
    return types;
  }
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const union = new Set<JsonType>();
    for (const branch of branches) {
      const types = allowedTypes(doc, branch);
      if (!types) return undefined;
      for (const type of types) union.add(type);
    }
    return union;
  }
  if (s.properties) return new Set(['object']);
  if (s.items) return new Set(['array']);
  return undefined;
}

/** The object schema a value of this schema is when it is an object: itself, or its object branch (`anyOf: [Obj, null]`). */
export function objectSchemaOf(doc: OpenApiDocument, schema: Schema | undefined): SchemaObject | undefined {
  const s = resolved(doc, schema);
  if (typeof s !== 'object') return undefined;
  if (s.properties || s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'))) return s;
  for (const branch of s.anyOf ?? s.oneOf ?? []) {
    const found = objectSchemaOf(doc, branch);
    if (found) return found;
  }
  return undefined;
}

/** The string schema a value of this schema is when it is a string (its `maxLength`, `pattern`). */
export function stringSchemaOf(doc: OpenApiDocument, schema: Schema | undefined): SchemaObject | undefined {
  const s = resolved(doc, schema);
  if (typeof s !== 'object') return undefined;
  const types = allowedTypes(doc, s);
  if (types && !types.has('string')) return undefined;
  if (s.type !== undefined || !(s.anyOf ?? s.oneOf)) return s;
  for (const branch of s.anyOf ?? s.oneOf ?? []) {
    const found = stringSchemaOf(doc, branch);
    if (found && allowedTypes(doc, found)?.has('string')) return found;
  }
  return undefined;
}

/** A place inside a body value: the root (`path: []`) or a property, with the schema that governs it there. */
export interface ValueTarget {
  path: readonly string[];
  schema: Schema;
  /** What the schema accepts there; undefined for anything. */
  types: Set<JsonType> | undefined;
  /** Whether its parent object requires it (false for the root). */
  required: boolean;
  /** Its string schema, when a string is accepted there. */
  string: SchemaObject | undefined;
  /** Its object schema, when an object is accepted there. */
  object: SchemaObject | undefined;
}

/** Every place of a value its schema names: the root and each declared property, `depth` levels down. */
export function valueTargets(doc: OpenApiDocument, schema: Schema, depth = 3): ValueTarget[] {
  const walk = (at: Schema, path: string[], required: boolean): ValueTarget[] => {
    const object = objectSchemaOf(doc, at);
    const target: ValueTarget = { path, schema: at, types: allowedTypes(doc, at), required, string: stringSchemaOf(doc, at), object };
    if (!object || path.length >= depth) return [target];
    const requiredNames = new Set((object.required as string[] | undefined) ?? []);
    return [target, ...Object.entries(object.properties ?? {}).flatMap(([name, sub]) => walk(sub, [...path, name], requiredNames.has(name)))];
  };
  return walk(schema, [], false);
}

const NUMBER_BOUND = 2 ** 31;

function numberBounds(s: SchemaObject, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : Number.EPSILON;
  let min = typeof s.minimum === 'number' ? s.minimum : -NUMBER_BOUND;
  let max = typeof s.maximum === 'number' ? s.maximum : NUMBER_BOUND;
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, s.exclusiveMinimum + step);
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, s.exclusiveMaximum - step);
  return integer ? { min: Math.ceil(min), max: Math.floor(max) } : { min, max };
}

/** Code points, as JSON Schema (and Ajv) count a string's length. */
export const codePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

function stringArbitrary(s: SchemaObject): fc.Arbitrary<string> {
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  const fits = (text: string) => {
    const length = codePoints(text);
    return length >= minLength && (maxLength === undefined || length <= maxLength);
  };
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern, 'u')).filter(fits);
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'date-time':
      return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    default:
      break;
  }
  // Short strings, most of the time, of every kind of character fast-check knows.
  const cap = Math.max(minLength, Math.min(maxLength ?? minLength + 24, minLength + 48));
  const bounds = { minLength, maxLength: cap };
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', ...bounds }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', ...bounds }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', ...bounds }).filter(fits) },
  );
}

/** Any JSON value, small: what a schema without constraints accepts. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 }).map((value) => (Object.is(value, -0) ? 0 : value));

/**
 * Values a schema accepts, drawn by fast-check: `const`, `enum`, `anyOf` /
 * `oneOf` branches, every `type` of a union, string lengths, patterns
 * (`fc.stringMatching`) and formats, number bounds, required and optional
 * properties, arrays. `allOf`, `not` and conditionals are not read (the
 * descriptions use none); a caller that must be sure filters by the
 * schema's validator.
 */
export function validValue(doc: OpenApiDocument, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolved(doc, schema);
  if (s === true) return anyJson;
  if (s === false) throw new Error('a `false` schema accepts no value');
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const branches = s.anyOf ?? s.oneOf;
  if (branches && s.type === undefined) return fc.oneof(...branches.map((branch) => validValue(doc, branch, depth + 1)));
  const declared = s.type === undefined ? undefined : Array.isArray(s.type) ? (s.type as JsonType[]) : [s.type as JsonType];
  const types = declared ?? (s.properties ? ['object'] : s.items ? ['array'] : [...JSON_TYPES].filter((t) => t !== 'integer'));
  return fc.oneof(...types.map((type) => valueOfType(doc, s, type, depth)));
}

function valueOfType(doc: OpenApiDocument, s: SchemaObject, type: JsonType, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return fc.integer(numberBounds(s, true));
    case 'number': {
      const { min, max } = numberBounds(s, false);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, 3));
      return fc.array(validValue(doc, s.items, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const required = new Set((s.required as string[] | undefined) ?? []);
      // Deep down, only what is required: recursive schemas end.
      const entries = Object.entries(s.properties ?? {}).filter(([name]) => depth < 4 || required.has(name));
      const model = Object.fromEntries(entries.map(([name, sub]) => [name, validValue(doc, sub, depth + 1)]));
      // Plain objects, as a parser makes them (fast-check may draw null-prototype ones).
      return fc.record(model, { requiredKeys: entries.map(([name]) => name).filter((name) => required.has(name)), noNullPrototype: true });
    }
    default:
      throw new Error(`no values for type ${String(type)}`);
  }
}
