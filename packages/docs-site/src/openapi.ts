/**
 * The little of an OpenAPI 3.1 description the docs read: operations, their
 * parameters, security and examples, with local `$ref`s followed. The docs
 * read the bundled description (`pnpm gen`'s `openapi.json`), whose only
 * references are local.
 *
 * @module
 */
import { bodyFormat, type OpenApiDocument as CodecDocument, parseMediaType, resolveRef } from '@loginspec/codec';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; summary?: string; description?: string };
  servers?: { url: string; description?: string }[];
  paths?: Record<string, JsonObject>;
  components?: JsonObject;
  security?: SecurityRequirement[];
  [extension: string]: Json | undefined;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: Json;
  examples?: Record<string, { value?: Json }>;
  schema?: JsonObject;
}

export interface Example {
  summary?: string;
  description?: string;
  value?: Json;
  externalValue?: string;
}

export interface MediaType {
  schema?: JsonObject;
  example?: Json;
  examples?: Record<string, Example>;
}

export interface SecurityScheme {
  type: string;
  scheme?: string;
  in?: string;
  name?: string;
}

/** One operation, with the parameters of its path item and its own, references followed. */
export interface OperationView {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  parameters: Parameter[];
  /** The request body's media types, in the description's order, their examples' references followed. */
  requestBody: { mediaType: string; content: MediaType }[];
  /** The security requirements in force: the operation's, else the document's. */
  security: SecurityRequirement[];
  /** The media types of its success answers. */
  successMediaTypes: string[];
  /** The operation object itself (a reference into the document). */
  object: JsonObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The target of a local `$ref` (`#/components/...`), or the value itself: codec's reader, typed for the docs' document. */
export function deref<T>(doc: OpenApiDocument, value: unknown): T {
  return resolveRef(doc as unknown as CodecDocument, value) as T;
}

/** Every operation of the description, in the order of its paths. */
export function operationsOf(doc: OpenApiDocument): OperationView[] {
  const views: OperationView[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref<JsonObject>(doc, rawItem);
    const shared = ((item.parameters ?? []) as Json[]).map((p) => deref<Parameter>(doc, p));
    for (const method of METHODS) {
      const object = item[method] as JsonObject | undefined;
      if (!object) continue;
      const own = ((object.parameters ?? []) as Json[]).map((p) => deref<Parameter>(doc, p));
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const body = object.requestBody ? deref<{ content?: Record<string, MediaType> }>(doc, object.requestBody) : undefined;
      const requestBody = Object.entries(body?.content ?? {}).map(([mediaType, content]) => ({
        mediaType,
        content: { ...content, examples: content.examples && Object.fromEntries(Object.entries(content.examples).map(([name, ex]) => [name, deref<Example>(doc, ex)])) },
      }));
      const responses = (object.responses ?? {}) as Record<string, Json>;
      const successMediaTypes = Object.entries(responses)
        .filter(([status]) => /^2/.test(status))
        .flatMap(([, response]) => Object.keys(deref<{ content?: JsonObject }>(doc, response).content ?? {}));
      views.push({
        method,
        path,
        operationId: typeof object.operationId === 'string' ? object.operationId : `${method} ${path}`,
        summary: typeof object.summary === 'string' ? object.summary : '',
        parameters,
        requestBody,
        security: (object.security as SecurityRequirement[] | undefined) ?? doc.security ?? [],
        successMediaTypes: [...new Set(successMediaTypes)],
        object,
      });
    }
  }
  return views;
}

export function securityScheme(doc: OpenApiDocument, name: string): SecurityScheme | undefined {
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, Json>;
  return schemes[name] === undefined ? undefined : deref<SecurityScheme>(doc, schemes[name]);
}

/** A parameter's example value: `example`, its first `examples`, its schema's `example`, `default` or first `enum`. */
export function parameterExample(param: Parameter): Json | undefined {
  if (param.example !== undefined) return param.example;
  const first = param.examples && Object.values(param.examples)[0];
  if (first?.value !== undefined) return first.value;
  const schema = param.schema ?? {};
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

/** Whether a media type is read and written as XML, as codec (and so the clients and servers) decides. */
export function isXmlMediaType(mediaType: string): boolean {
  return formatOf(mediaType) === 'xml';
}

/** Whether a media type is read and written as JSON, as codec decides. */
export function isJsonMediaType(mediaType: string): boolean {
  return formatOf(mediaType) === 'json';
}

const formatOf = (mediaType: string) => {
  const essence = parseMediaType(mediaType)?.essence;
  return essence === undefined ? undefined : bodyFormat(essence);
};

export const FORM = 'application/x-www-form-urlencoded';

/** The URL of this project's reference server among the description's servers (`http://localhost:4010/<api>`). */
export function referenceServerUrl(doc: OpenApiDocument, api: string): string {
  return doc.servers?.find((s) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(s.url))?.url ?? `http://localhost:4010/${api}`;
}
