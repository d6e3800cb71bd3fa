import { compileShape, type OpenApiDocument, resolveRef, scalarOf, type Shape } from '@loginspec/codec';
import type { OperationRef, ParameterObject } from '../description/operations.js';
import type { ParameterLocation, RequestProblem } from '../problems.js';
import type { SchemaValidator, Validate } from './validator.js';

/** Where a request's raw parameter values come from; the router reads them from its framework. */
export interface ParameterSource {
  path(name: string): string | undefined;
  /** Every value of a query parameter, in order; undefined when absent. */
  query(name: string): string[] | undefined;
  header(name: string): string | undefined;
  cookie(name: string): string | undefined;
}

export type ParameterValues = Record<ParameterLocation, Record<string, unknown>>;

export type ParametersReading = { ok: true; values: ParameterValues } | { ok: false; problem: Extract<RequestProblem, { kind: 'invalid-parameter' }> };

interface Parameter {
  name: string;
  in: ParameterLocation;
  shape: Shape;
  /** Raw text(s) to typed value, after the parameter's style; undefined when absent. */
  read(source: ParameterSource): unknown;
}

const LOCATIONS: ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/** Header parameters OpenAPI says to ignore: these headers are described by other means. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * The parameters of one operation, compiled once: for each location, how to
 * deserialize each parameter by its `style` and `explode`, how to type its
 * text by its schema, and one validator for all of the location's values.
 */
interface LocationPlan {
  in: ParameterLocation;
  parameters: Parameter[];
  validate: Validate;
}

export class ParametersPlan {
  readonly #byLocation: LocationPlan[];

  private constructor(byLocation: LocationPlan[]) {
    this.#byLocation = byLocation;
  }

  /** Undefined when the operation declares no parameter. */
  static compile(op: OperationRef, doc: OpenApiDocument, validator: SchemaValidator): ParametersPlan | undefined {
    const declared = operationParameters(op, doc);
    if (declared.length === 0) return undefined;
    const byLocation = LOCATIONS.flatMap((location) => {
      const here = declared.filter((p) => p.value.in === location);
      if (here.length === 0) return [];
      const members = here.map(({ value, pointer }) => ({ name: value.name, pointer: `${pointer}/schema`, required: value.required === true }));
      const validate = validator.members(`${op.pointer} ${location}`, members, `${location} parameters`);
      return [{ in: location, parameters: here.map(({ value }) => compileParameter(op, value, doc)), validate }];
    });
    return new ParametersPlan(byLocation);
  }

  read(source: ParameterSource): ParametersReading {
    const values: ParameterValues = { path: {}, query: {}, header: {}, cookie: {} };
    for (const location of this.#byLocation) {
      const target = values[location.in];
      for (const parameter of location.parameters) {
        const value = parameter.read(source);
        if (value !== undefined) target[parameter.name] = value;
      }
      const issues = location.validate(target);
      if (issues) {
        const named = issues.map((issue) => ({ issue, name: issue.path.split('/')[1] ?? '' }));
        const message = named
          .map(({ issue, name }) => `${location.in} parameter "${name}" ${issue.keyword === 'required' ? 'is required' : issue.reason}`)
          .join('; ');
        return { ok: false, problem: { kind: 'invalid-parameter', message, in: location.in, name: named[0]?.name ?? '', issues } };
      }
    }
    return { ok: true, values };
  }
}

/**
 * The Path Item's parameters, overridden by the operation's own of the same
 * name and location, each with the pointer where it stands (its schema is at
 * `${pointer}/schema`); the headers HTTP itself carries (Accept,
 * Content-Type, Authorization) are left out.
 */
export function operationParameters(op: OperationRef, doc: OpenApiDocument): { value: ParameterObject; pointer: string }[] {
  const own = (op.operation.parameters ?? []).map((value, i) => ({ value, pointer: `${op.pointer}/parameters/${i}` }));
  const merged = new Map<string, { value: ParameterObject; pointer: string }>();
  for (const { value: raw, pointer } of [...op.pathParameters, ...own]) {
    // A $ref to components/parameters: the schema is addressed where the parameter stands.
    const at = '$ref' in raw ? raw.$ref : pointer;
    const value = resolveRef(doc, raw) as ParameterObject;
    if (value.in === 'header' && IGNORED_HEADERS.has(value.name.toLowerCase())) continue;
    merged.set(`${value.in} ${value.in === 'header' ? value.name.toLowerCase() : value.name}`, { value, pointer: at });
  }
  return [...merged.values()];
}

function compileParameter(op: OperationRef, parameter: ParameterObject, doc: OpenApiDocument): Parameter {
  const where = `${op.operationId}: ${parameter.in} parameter "${parameter.name}"`;
  if (parameter.schema === undefined) throw new Error(`${where} has no schema (parameters described by "content" are not supported)`);
  const shape = compileShape(parameter.schema, doc);
  if (shape.kind === 'object') throw new Error(`${where} is an object, which this runtime does not deserialize`);
  const split = splitterOf(parameter, where);
  const typed = (texts: string[]): unknown => {
    if (shape.kind === 'array') return texts.flatMap(split).map((text) => (shape.items ? scalarOf(text, shape.items) : text));
    // A single-valued parameter given twice stays a list, which its schema refuses.
    return texts.length === 1 ? scalarOf(texts[0] as string, shape) : texts.map((text) => scalarOf(text, shape));
  };
  /** One text (a path segment, a header, a cookie): typed as a list of one, without making the list for a scalar. */
  const typedOne = (text: string): unknown => (shape.kind === 'array' ? typed([text]) : scalarOf(text, shape));
  const { name } = parameter;
  const header = name.toLowerCase();
  const prefix = parameter.style === 'label' ? '.' : parameter.style === 'matrix' ? `;${name}=` : '';
  const read: Record<ParameterLocation, (source: ParameterSource) => unknown> = {
    path: (source) => {
      const text = source.path(name);
      if (text === undefined) return undefined;
      // A label or matrix value without its prefix is not the parameter: null, which its schema refuses.
      if (prefix === '') return typedOne(text);
      return text.startsWith(prefix) ? typedOne(text.slice(prefix.length)) : null;
    },
    query: (source) => {
      const texts = source.query(name);
      return texts === undefined ? undefined : typed(texts);
    },
    header: (source) => {
      const text = source.header(header);
      return text === undefined ? undefined : typedOne(text);
    },
    cookie: (source) => {
      const text = source.cookie(name);
      return text === undefined ? undefined : typedOne(text);
    },
  };
  return { name, in: parameter.in, shape, read: read[parameter.in] };
}

/** How one raw text of an array parameter splits into items (RFC 6570-style `style`s of OpenAPI). */
function splitterOf(parameter: ParameterObject, where: string): (text: string) => string[] {
  const style = parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
  const explode = parameter.explode ?? style === 'form';
  switch (style) {
    case 'simple':
      // A header repeated, or listed, arrives joined by ", " (RFC 9110 §5.3).
      return parameter.in === 'header' ? (text) => text.split(',').map((item) => item.trim()) : (text) => text.split(',');
    case 'form':
      // Exploded, each item is a repetition of the parameter; otherwise one comma-separated value.
      return explode ? (text) => [text] : (text) => text.split(',');
    case 'spaceDelimited':
      return (text) => text.split(' ');
    case 'pipeDelimited':
      return (text) => text.split('|');
    case 'label':
      return explode ? (text) => text.split('.') : (text) => text.split(',');
    case 'matrix':
      return explode ? (text) => text.split(`;${parameter.name}=`) : (text) => text.split(',');
    default:
      throw new Error(`${where} has style "${style}", which this runtime does not deserialize`);
  }
}
