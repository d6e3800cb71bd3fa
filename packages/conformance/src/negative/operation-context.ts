/**
 * An operation read once for the generator: its path, query, header and
 * cookie parameters with their schemas, its security schemes, its
 * documented media types with their codecs and body schemas, and the body
 * limit. Every case is drawn from this reading, made once per description
 * and options.
 *
 * @module
 */
import { type BodyFormat, compileShape, type OpenApiDocument, resolveRef, scalarOf, type Schema } from '@loginspec/codec';
import { type AnyDescription, type BodyPlan, DEFAULT_MAX_BODY_BYTES, type OperationPlan, type OperationRef, operationParameters, type ParameterObject } from '@loginspec/openapi-runtime';
import fc from 'fast-check';
import type { RequestOptions } from './generated-request.js';
import { validValue, type ValueTarget, valueTargets } from './schema-values.js';

const MIB = 1024 * 1024;

export interface BodyContext {
  plan: BodyPlan;
  format: BodyFormat;
  /** The XML root element the schema names, if it names one. */
  root: string | undefined;
  /** The places of a body value a mutation can aim at, the root first. */
  targets: ValueTarget[];
  /** Values the schema accepts, the description's examples among them. */
  valid: fc.Arbitrary<unknown>;
}

export interface PathParameter {
  name: string;
  /** `.` for label style, `;name=` for matrix. */
  prefix: string;
  valid: fc.Arbitrary<string>;
  maxLength: number | undefined;
  /** Something a random string breaks: a pattern, format, enum or non-string type. */
  constrained: boolean;
  accepts(raw: string): boolean;
}

/** A query, header or cookie parameter. */
export interface OtherParameter {
  name: string;
  in: 'query' | 'header' | 'cookie';
  required: boolean;
  valid: fc.Arbitrary<string>;
  /** Whether the runtime's reading of these raw values (one, or the parameter repeated) passes its schema; true when it cannot tell. */
  accepts(texts: string[]): boolean;
}

interface SecurityScheme {
  name: string;
  /** Where its credential goes: `Authorization: <scheme> …`, or an API key's header, query parameter or cookie. */
  place: 'authorization' | 'header' | 'query' | 'cookie';
  /** The auth scheme (`Bearer`, `xelion`) or the API key's name. */
  key: string;
}

export interface OperationContext {
  doc: OpenApiDocument;
  plan: OperationPlan;
  ref: OperationRef;
  method: string;
  /** GET or HEAD: no body is sent. */
  bodiless: boolean;
  pathParameters: PathParameter[];
  /** Query, header and cookie parameters, but Accept, Content-Type and Authorization, which the cases set themselves. */
  otherParameters: OtherParameter[];
  /** The schemes of the first requirement that asks for credentials; undefined when none does. */
  security: { schemes: SecurityScheme[]; anonymous: boolean } | undefined;
  bodies: BodyContext[];
  maxBodyBytes: number;
  largestBodyBytes: number;
  accept: fc.Arbitrary<string | undefined>;
}

/** The places of a body that hold a string. */
export const stringTargets = (body: BodyContext): ValueTarget[] => body.targets.filter((t) => t.string && t.types?.has('string'));

/** A place below the root: a member, not the whole body. */
export const nonRoot = (t: ValueTarget): boolean => t.path.length > 0;

/** Whether a path parameter's value can be sent as its segment: an empty or dot segment is lost to URL normalisation, and the request goes to another path. */
export const sendableSegment = (raw: string): boolean => raw !== '' && raw !== '.' && raw !== '..';

function pathParameter(description: AnyDescription, value: ParameterObject, schemaPointer: string): PathParameter {
  const doc = description.document;
  const schema = value.schema ?? true;
  const shape = compileShape(schema, doc);
  const validate = description.validator.at(schemaPointer, `path parameter ${value.name}`);
  const accepts = (raw: string) => validate(scalarOf(raw, shape)) === undefined;
  const s = resolveRef(doc, schema);
  const example = (value as { example?: unknown }).example ?? (typeof s === 'object' ? s.default : undefined);
  const generated = validValue(doc, schema).map(String);
  const valid = (example === undefined ? generated : fc.oneof({ weight: 2, arbitrary: fc.constant(String(example)) }, { weight: 1, arbitrary: generated })).filter(
    (raw) => sendableSegment(raw) && accepts(raw),
  );
  const constrained = typeof s === 'object' && (s.pattern !== undefined || s.format !== undefined || s.enum !== undefined || 'const' in s || (s.type !== undefined && s.type !== 'string'));
  return {
    name: value.name,
    prefix: value.style === 'label' ? '.' : value.style === 'matrix' ? `;${value.name}=` : '',
    valid,
    maxLength: typeof s === 'object' && typeof s.maxLength === 'number' ? s.maxLength : undefined,
    constrained,
    accepts,
  };
}

function securityOf(ref: OperationRef, doc: OpenApiDocument, plan: OperationPlan): OperationContext['security'] {
  if (!plan.security) return undefined;
  const requirements = (ref.operation.security ?? (doc.security as Record<string, string[]>[] | undefined) ?? []).filter((r) => Object.keys(r).length > 0);
  const declared = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  const first = requirements[0] ?? {};
  const schemes = Object.keys(first).map((name): SecurityScheme => {
    const scheme = resolveRef(doc, declared[name]) as { type: string; scheme?: string; in?: string; name?: string };
    if (scheme.type === 'apiKey') return { name, place: (scheme.in ?? 'header') as SecurityScheme['place'], key: scheme.name ?? name };
    const auth = scheme.type === 'http' ? (scheme.scheme ?? 'bearer') : 'bearer';
    // As people write it: `Bearer`, `Basic`; a vendor's own scheme as the description spells it.
    return { name, place: 'authorization', key: ['bearer', 'basic', 'digest'].includes(auth.toLowerCase()) ? auth[0]?.toUpperCase() + auth.slice(1).toLowerCase() : auth };
  });
  return { schemes, anonymous: plan.security.anonymous };
}

function bodyContext(description: AnyDescription, operationId: string, plan: BodyPlan, withExamples: boolean): BodyContext {
  const doc = description.document;
  const schema = resolveRef(doc, { $ref: plan.schemaPointer }) as Schema;
  const shape = compileShape(schema, doc);
  const format = plan.codec.format;
  const examples = (withExamples ? description.requestExamples(operationId) : [])
    .filter((example) => example.mediaType === plan.mediaType)
    .map((example) => (typeof example.value === 'string' && format !== 'json' ? plan.codec.decode(example.value) : example.value));
  const generated = validValue(doc, schema);
  const candidates = examples.length === 0 ? generated : fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...examples) }, { weight: 3, arbitrary: generated });
  return {
    plan,
    format,
    root: format === 'xml' ? shape.xmlName : undefined,
    // A form is flat: only its fields are places.
    targets: valueTargets(doc, schema, format === 'form' ? 1 : 3),
    // What the codec writes must read back valid: the positive cases are valid on the wire.
    valid: candidates.filter((value) => plan.read(plan.codec.encode(value)).ok),
  };
}

function responseMediaTypes(ref: OperationRef, doc: OpenApiDocument): string[] {
  const types = new Set<string>();
  for (const raw of Object.values(ref.operation.responses ?? {})) {
    for (const type of Object.keys((resolveRef(doc, raw) as { content?: Record<string, unknown> }).content ?? {})) types.add(type);
  }
  return [...types];
}

const headerSafe = (text: string) => /^[\x20-\x7e]*$/.test(text);

function otherParameter(description: AnyDescription, value: ParameterObject, schemaPointer: string): OtherParameter {
  const doc = description.document;
  const schema = value.schema ?? true;
  const shape = compileShape(schema, doc);
  const validate = description.validator.at(schemaPointer, `${value.in} parameter ${value.name}`);
  const example = (value as { example?: unknown }).example;
  const generated = validValue(doc, schema).map((v) => (Array.isArray(v) ? v.join(',') : String(v)));
  const candidates = example === undefined ? generated : fc.oneof(fc.constant(String(example)), generated);
  const accepts = (texts: string[]) => {
    // Lists are split by their style: not judged here.
    if (shape.kind === 'array') return true;
    return validate(texts.length === 1 ? scalarOf(texts[0] as string, shape) : texts.map((text) => scalarOf(text, shape))) === undefined;
  };
  return {
    name: value.name,
    in: value.in as OtherParameter['in'],
    required: value.required === true,
    // A header carries printable ASCII; every other value goes percent-encoded.
    valid: candidates.filter((text) => (value.in !== 'header' || headerSafe(text)) && accepts([text])),
    accepts,
  };
}

function operationContext(description: AnyDescription, operationId: string, options: RequestOptions): OperationContext {
  const doc = description.document;
  const plan = description.plan(operationId);
  const ref = plan.ref;
  // The runtime's own reading: Accept, Content-Type and Authorization are the cases' own, not parameters.
  const parameters = operationParameters(ref, doc).map(({ value, pointer }) => ({ value, schemaPointer: `${pointer}/schema` }));
  // fetch sends no body with GET or HEAD (and RFC 9110 gives one no meaning there): none is drawn.
  const bodiless = ['get', 'head'].includes(ref.method);
  const documented = bodiless ? [] : [...(plan.requestBody?.bodies.values() ?? [])];
  const used = options.mediaTypes ? documented.filter((b) => options.mediaTypes?.includes(b.mediaType)) : documented;
  if (plan.requestBody && used.length === 0) throw new Error(`${operationId} documents none of ${options.mediaTypes?.join(', ')}`);
  const responseTypes = responseMediaTypes(ref, doc);
  return {
    doc,
    plan,
    ref,
    method: ref.method.toUpperCase(),
    bodiless,
    pathParameters: parameters.filter((p) => p.value.in === 'path').map((p) => pathParameter(description, p.value, p.schemaPointer)),
    otherParameters: parameters.filter((p) => p.value.in !== 'path').map((p) => otherParameter(description, p.value, p.schemaPointer)),
    security: securityOf(ref, doc, plan),
    bodies: used.map((body) => bodyContext(description, operationId, body, options.examples ?? true)),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    largestBodyBytes: options.largestBodyBytes ?? MIB,
    accept: fc.option(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...responseTypes, '*/*') },
        { weight: 1, arbitrary: fc.constantFrom('application/*', 'text/*', 'text/plain', 'text/html', 'application/json;q=0.1, application/xml', 'application/xml;q=0', 'image/png', '', 'garbage') },
      ),
      { nil: undefined, freq: 3 },
    ),
  };
}

const contexts = new WeakMap<AnyDescription, Map<string, OperationContext>>();

/** The operation's reading, made once per description and options. */
export function contextOf(description: AnyDescription, operationId: string, options: RequestOptions): OperationContext {
  const key = JSON.stringify([operationId, options.mediaTypes, options.maxBodyBytes, options.largestBodyBytes, options.examples]);
  let byKey = contexts.get(description);
  if (!byKey) contexts.set(description, (byKey = new Map()));
  let ctx = byKey.get(key);
  if (!ctx) byKey.set(key, (ctx = operationContext(description, operationId, options)));
  return ctx;
}
