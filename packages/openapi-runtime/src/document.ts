/**
 * The parts of an OpenAPI 3.1 document this runtime reads. The bundled
 * descriptions it receives keep their `$ref`s local (`#/components/...`).
 */
export type Schema = boolean | SchemaObject;

export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  xml?: { name?: string; wrapped?: boolean };
  [keyword: string]: unknown;
}

export interface MediaTypeObject {
  schema?: Schema;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface OperationObject {
  operationId?: string;
  requestBody?: { required?: boolean; content?: Record<string, MediaTypeObject> };
  responses?: Record<string, ResponseObject>;
  [field: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths?: Record<string, Record<string, OperationObject | unknown>>;
  components?: { schemas?: Record<string, Schema>; [kind: string]: unknown };
  [field: string]: unknown;
}

export interface OperationRef {
  operationId: string;
  method: string;
  /** The path template as written in the description, e.g. `/me/login`. */
  path: string;
  /** JSON pointer of the operation inside the document. */
  pointer: string;
  operation: OperationObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function listOperations(doc: OpenApiDocument): OperationRef[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as OperationObject;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      return { operationId: operation.operationId, method, path, pointer: `#/paths/${escapePointer(path)}/${method}`, operation };
    }),
  );
}

export function findOperation(doc: OpenApiDocument, operationId: string): OperationRef {
  const found = listOperations(doc).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation "${operationId}" in ${doc.info.title}`);
  return found;
}

/** Follows a local `$ref` (`#/...`) until it reaches a value that is not one. */
export function resolveRef<T>(doc: OpenApiDocument, value: T): T {
  let current: unknown = value;
  for (let hops = 0; isRef(current); hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    current = atPointer(doc, current.$ref);
  }
  return current as T;
}

function isRef(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** The value at a local JSON pointer (`#/...`), without following a `$ref` found there. */
export function atPointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new Error(`$ref ${ref} does not resolve`);
  }
  return node;
}

/** `/api/v1/{tenant}/me/login` → `/api/v1/:tenant/me/login`, Hono's syntax. */
export function toHonoPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}
