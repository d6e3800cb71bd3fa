/**
 * Cases whose body the media type's codec writes but whose schema should
 * refuse it, or that try the reading of it: empty, a required member left
 * out, a member or the root of another type, null, a string too long, a
 * unicode edge, deep nesting, keys an object's prototype holds, a key given
 * twice. Each aims at a place the body schema names.
 *
 * @module
 */
import fc from 'fast-check';
import { type BodyContext, nonRoot, stringTargets } from './operation-context.js';
import { longString, unicodeEdgeString } from './payloads.js';
import { type Builders, encoded, perBody } from './request-draft.js';
import { printable, where } from './request-summary.js';
import { codePoints, type JsonType, validValue, type ValueTarget } from './schema-values.js';
import { define, insertAt, isObject, MARKER, valueAt, withoutValue, withValue, xmlInner } from './value-edits.js';

/** A name every codec can write as a key, XML's included (as an element). */
const xmlName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);

/** A value of a type the target does not accept, drawn by type. */
function wrongValue(types: Set<JsonType>): fc.Arbitrary<{ type: string; value: unknown }> | undefined {
  const numeric = types.has('number');
  const candidates: [string, fc.Arbitrary<unknown>][] = [];
  if (!types.has('string')) candidates.push(['string', fc.string({ maxLength: 8 })]);
  if (!numeric && !types.has('integer')) candidates.push(['number', fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))]);
  if (!numeric && types.has('integer')) candidates.push(['fraction', fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n))]);
  if (!types.has('boolean')) candidates.push(['boolean', fc.boolean()]);
  if (!types.has('object')) candidates.push(['object', fc.dictionary(xmlName, fc.string({ maxLength: 6 }), { maxKeys: 3, noNullPrototype: true })]);
  if (!types.has('array')) candidates.push(['array', fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 3 })]);
  if (!types.has('null')) candidates.push(['null', fc.constant(null)]);
  if (candidates.length === 0) return undefined;
  return fc.oneof(...candidates.map(([type, arb]) => arb.map((value) => ({ type, value }))));
}

/** JSON nested `depth` deep: arrays, objects, or both in turn. */
function deepJson(depth: number, style: 'array' | 'object' | 'mixed'): string {
  if (style === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (style === 'object') return `${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`;
  const half = Math.ceil(depth / 2);
  return `${'[{"a":'.repeat(half)}1${'}]'.repeat(half)}`;
}

/** The schema-shaped body mutations, by kind. */
export const BODY_MUTATIONS = {
  'empty-body'(ctx) {
    return perBody(
      ctx,
      () => true,
      () => fc.boolean(),
      (_, draft, chunked) => {
        draft.body = '';
        draft.chunked = chunked;
        return { kind: 'empty-body', label: chunked ? 'empty, chunked' : 'Content-Length: 0', draft };
      },
    );
  },

  'missing-required'(ctx) {
    return perBody(
      ctx,
      (body) => body.targets.some((t) => t.required),
      (body) => fc.constantFrom(...body.targets.filter((t) => t.required)),
      (base, draft, target) => {
        draft.body = encoded(base, withoutValue(base.body.value, target.path));
        return { kind: 'missing-required', label: where(target.path), draft };
      },
    );
  },

  'wrong-type'(ctx) {
    const typed = (body: BodyContext) => body.targets.filter((t) => nonRoot(t) && t.types && wrongValue(t.types));
    return perBody(
      ctx,
      (body) => typed(body).length > 0,
      (body) => fc.oneof(...typed(body).map((t) => (wrongValue(t.types as Set<JsonType>) as fc.Arbitrary<{ type: string; value: unknown }>).map((wrong) => ({ target: t, ...wrong })))),
      (base, draft, { target, type, value }) => {
        draft.body = encoded(base, withValue(base.body.value, target.path, value));
        return { kind: 'wrong-type', label: `${where(target.path)} as ${type}`, draft };
      },
    );
  },

  'wrong-root'(ctx) {
    const root = (body: BodyContext) => body.targets[0] as ValueTarget;
    return perBody(
      ctx,
      (body) => (body.format === 'json' && root(body).types !== undefined && wrongValue(root(body).types as Set<JsonType>) !== undefined) || (body.format === 'xml' && body.root !== undefined),
      (body) => {
        if (body.format === 'xml') {
          const name = body.root as string;
          return fc
            .oneof(fc.constantFrom(name.toLowerCase(), name.toUpperCase(), `${name}s`, 'Response', 'Root', 'soap:Envelope'), xmlName)
            .filter((other) => other.slice(other.indexOf(':') + 1) !== name)
            .map((other) => ({ type: `<${other}>`, value: other as unknown }));
        }
        const wrapped = fc.constant({ type: 'the body in an array', value: undefined as unknown });
        return fc.oneof(wrapped, wrongValue(root(body).types as Set<JsonType>) as fc.Arbitrary<{ type: string; value: unknown }>);
      },
      (base, draft, { type, value }) => {
        const { context } = base.body;
        if (context.format === 'xml') {
          const name = context.root as string;
          const text = encoded(base, base.body.value);
          draft.body = text.replace(new RegExp(`^<${name}(?=[\\s/>])`), `<${value as string}`).replace(new RegExp(`</${name}>$`), `</${value as string}>`);
        } else {
          draft.body = encoded(base, type === 'the body in an array' ? [base.body.value] : value);
        }
        return { kind: 'wrong-root', label: `root ${type}`, draft };
      },
    );
  },

  'null-value'(ctx) {
    return perBody(
      ctx,
      () => true,
      // A form is always an object: its fields can be null (left out), not the form.
      (body) => fc.constantFrom(...body.targets.filter((t) => body.format !== 'form' || nonRoot(t))),
      (base, draft, target) => {
        draft.body = encoded(base, withValue(base.body.value, target.path, null));
        return { kind: 'null-value', label: where(target.path), draft };
      },
    );
  },

  'overlong-string'(ctx) {
    const veryLong = ctx.maxBodyBytes - 8 * 1024;
    return perBody(
      ctx,
      (body) => stringTargets(body).length > 0,
      (body) =>
        fc.oneof(
          ...stringTargets(body).map((target) => {
            const max = target.string?.maxLength;
            const long = longString(Math.min(1024, veryLong), veryLong);
            // Past maxLength by a little, in code points of every kind, or very long.
            const past = typeof max === 'number' ? fc.string({ unit: 'binary', minLength: max + 1, maxLength: max + 32 }) : undefined;
            return (past ? fc.oneof(past, long) : long).map((text) => ({ target, text }));
          }),
        ),
      (base, draft, { target, text }) => {
        draft.body = encoded(base, withValue(base.body.value, target.path, text));
        const max = target.string?.maxLength;
        return { kind: 'overlong-string', label: `${where(target.path)}: ${codePoints(text)} code points${typeof max === 'number' ? ` (maxLength ${max})` : ''}`, draft };
      },
    );
  },

  'unicode-edge'(ctx) {
    const strings = (body: BodyContext) => body.targets.filter((t) => t.types === undefined || t.types.has('string'));
    return perBody(
      ctx,
      (body) => strings(body).length > 0,
      (body) => fc.record({ target: fc.constantFrom(...strings(body)), edge: unicodeEdgeString, at: fc.nat(), mode: fc.constantFrom('alone', 'inserted') }),
      (base, draft, { target, edge, at, mode }) => {
        const current = valueAt(base.body.value, target.path);
        const text = mode === 'inserted' && typeof current === 'string' ? insertAt(current, at, edge) : edge;
        draft.body = encoded(base, withValue(base.body.value, target.path, text));
        return { kind: 'unicode-edge', label: `${where(target.path)} = "${printable(text)}"`, draft };
      },
    );
  },

  'deep-nesting'(ctx) {
    return perBody(
      ctx,
      (body) => body.format !== 'form',
      (body) => fc.record({ target: fc.constantFrom(...body.targets), depth: fc.integer({ min: 100, max: 5000 }), style: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const) }),
      (base, draft, { target, depth, style }) => {
        const { context } = base.body;
        if (context.format === 'xml') {
          const deep = `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
          const root = context.root ?? 'Request';
          draft.body = target.path.length === 0 ? `<${root}>${deep}</${root}>` : encoded(base, withValue(base.body.value, target.path, MARKER)).replace(MARKER, deep);
          return { kind: 'deep-nesting', label: `${where(target.path)}: ${depth} elements deep`, draft };
        }
        const deep = deepJson(depth, style);
        draft.body = target.path.length === 0 ? deep : encoded(base, withValue(base.body.value, target.path, MARKER)).replace(JSON.stringify(MARKER), deep);
        return { kind: 'deep-nesting', label: `${where(target.path)}: ${style}s ${depth} deep`, draft };
      },
    );
  },

  'prototype-keys'(ctx) {
    const objects = (body: BodyContext) => body.targets.filter((t) => t.object);
    return perBody(
      ctx,
      (body) => objects(body).length > 0,
      (body) =>
        fc.record({
          target: fc.constantFrom(...objects(body)),
          key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__lookupGetter__', 'isPrototypeOf'),
          payload: fc.oneof(
            fc.constant<unknown>({}),
            fc.constant<unknown>({ polluted: true, isAdmin: true }),
            fc.constant<unknown>('the members'),
            fc.string({ maxLength: 8 }),
            fc.constant(null),
            fc.integer(),
            fc.constant([]),
          ),
          mode: fc.constantFrom('added', 'holding the members', 'alone'),
        }),
      (base, draft, { target, key, payload, mode }) => {
        const current = valueAt(base.body.value, target.path);
        const object: Record<string, unknown> = mode === 'alone' || !isObject(current) ? {} : { ...current };
        // "holding the members": the members the schema requires only under the key, as if inherited.
        define(object, key, mode === 'holding the members' ? (isObject(current) ? current : {}) : payload);
        draft.body = encoded(base, withValue(base.body.value, target.path, object));
        return { kind: 'prototype-keys', label: `${where(target.path)}.${key} ${mode}`, draft };
      },
    );
  },

  'repeated-key'(ctx) {
    const members = (body: BodyContext) => Object.entries(body.targets[0]?.object?.properties ?? {});
    return perBody(
      ctx,
      (body) => members(body).length > 0,
      (body) =>
        fc.oneof(
          ...members(body).map(([name, schema]) =>
            fc.record({ name: fc.constant(name), second: body.format === 'json' ? fc.oneof(validValue(ctx.doc, schema), fc.string({ maxLength: 8 })) : fc.string({ minLength: 1, maxLength: 8 }), first: fc.boolean() }),
          ),
        ),
      (base, draft, { name, second, first }) => {
        const { context, value } = base.body;
        const own = valueAt(value, [name]);
        const values = first ? [second, own ?? second] : [own ?? second, second];
        if (context.format === 'form') {
          draft.body = encoded(base, withValue(value, [name], values));
        } else if (context.format === 'json') {
          const rest = Object.entries(isObject(value) ? value : {}).filter(([key]) => key !== name);
          const entries = [...rest.map(([key, v]) => `${JSON.stringify(key)}:${JSON.stringify(v)}`), ...values.map((v) => `${JSON.stringify(name)}:${JSON.stringify(v)}`)];
          draft.body = `{${entries.join(',')}}`;
        } else {
          const root = context.root ?? 'Request';
          const inner = values.map((v) => xmlInner(encoded(base, { [name]: v }), root)).join('');
          draft.body = `<${root}>${xmlInner(encoded(base, withoutValue(value, [name])), root)}${inner}</${root}>`;
        }
        return { kind: 'repeated-key', label: `${name} twice`, draft };
      },
    );
  },
} satisfies Builders;
