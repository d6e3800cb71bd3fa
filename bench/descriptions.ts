/**
 * The requests each section sends, derived from the bundled descriptions
 * (packages/<api>-client/src/generated/openapi.json, found through the
 * registry) rather than written by hand: a new API, or a changed one, is
 * benchmarked as it is described.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BodyFormat, bodyFormat } from '@loginspec/codec';
import { readRegistry } from '@loginspec/codegen/registry';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: Json[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> };
}
interface Document {
  paths: Record<string, Record<string, Operation> & { parameters?: Json[] }>;
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> } & Json;
}

/** A request relative to a server's root (no `/<api>` prefix): the gateway adds the prefix, Prism serves the API at its root. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The body's format, for the bare baseline to read it as the API would. */
  format?: 'json' | 'form';
}

export interface ApiRequests {
  api: string;
  /** The bundled description, for Prism. */
  bundle: string;
  /** The login with a body that fails validation: refused before any hash. */
  rejectedLogin: ApiRequest;
  /** The login of the description's `seed` example (a demo account of the reference server): a real login, with its hash. */
  seedLogin: ApiRequest | undefined;
  /**
   * A GET that requires the API's token (GET: it checks the token and
   * changes nothing), with `Authorization` to be filled by `authorize`; or
   * why there is none.
   */
  tokenCheck: { request: ApiRequest; authorize(token: string): Record<string, string> } | { none: string };
}

/** An empty body of each format: whatever a login requires, it is missing, so validation refuses it before any hash. */
const EMPTY: Partial<Record<BodyFormat, string>> = { json: '{}', form: 'unrequested=1' };

function deref(doc: Document, value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => node[key] as Json, doc as unknown as Json);
}

/** Fills `{name}` path parameters from their examples: the demo tenant, say, so that a seeded login succeeds. */
function fillPath(doc: Document, path: string, op: Operation): string {
  const params = [...(doc.paths[path]?.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));
  return path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const param = params.find((p) => p.name === name && p.in === 'path');
    const schema = (param?.schema ?? {}) as Json;
    const example = param?.example ?? (schema.examples as unknown[] | undefined)?.[0] ?? schema.example ?? (schema.enum as unknown[] | undefined)?.[0];
    if (example === undefined) throw new Error(`${path}: no example for the path parameter ${name}`);
    return encodeURIComponent(String(example));
  });
}

function encode(format: BodyFormat, value: unknown): string | undefined {
  if (format === 'json') return JSON.stringify(value);
  if (format === 'form') return new URLSearchParams(value as Record<string, string>).toString();
  return typeof value === 'string' ? value : undefined;
}

function operations(doc: Document): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ path, method, op: op as Operation })),
  );
}

function requestsOf(api: string, bundle: string, doc: Document): ApiRequests {
  const login = operations(doc).find((o) => o.method === 'post' && o.op.operationId === 'login');
  if (!login) throw new Error(`${api}: no POST login operation`);
  const content = Object.entries(login.op.requestBody?.content ?? {});
  const refusable = content.find(([type]) => EMPTY[bodyFormat(type) as BodyFormat] !== undefined);
  if (!refusable) throw new Error(`${api}: no JSON or form body of login to refuse`);
  const path = fillPath(doc, login.path, login.op);
  const format = bodyFormat(refusable[0]) as 'json' | 'form';
  const rejectedLogin: ApiRequest = { method: 'POST', path, headers: { 'content-type': refusable[0] }, body: EMPTY[format] as string, format };

  // The first media type whose examples hold a `seed`: the description's demo login.
  let seedLogin: ApiRequest | undefined;
  for (const [type, media] of content) {
    const body = media.examples?.seed === undefined ? undefined : encode(bodyFormat(type) as BodyFormat, media.examples.seed.value);
    if (body !== undefined) {
      seedLogin = { method: 'POST', path, headers: { 'content-type': type }, body };
      break;
    }
  }

  const schemes = doc.components?.securitySchemes ?? {};
  // A GET that takes the token, but not a logout: enos logs out with a GET, which is not safe whatever its method.
  const check = operations(doc).find((o) => o.method === 'get' && !/log.?out/i.test(o.op.operationId ?? '') && (o.op.security ?? doc.security ?? []).some((req) => Object.keys(req).some((name) => schemes[name]?.type === 'http')));
  let tokenCheck: ApiRequests['tokenCheck'];
  if (!check) tokenCheck = { none: Object.keys(schemes).length === 0 ? 'no operation takes a token' : 'no GET takes its token (its token operations renew or end the session)' };
  else {
    const name = Object.keys((check.op.security ?? doc.security ?? []).find((req) => Object.keys(req).some((n) => schemes[n]?.type === 'http')) ?? {})[0] as string;
    const scheme = schemes[name]?.scheme as string;
    // HTTP scheme names are case-insensitive (RFC 9110); Bearer is written capitalised by custom.
    const prefix = scheme.toLowerCase() === 'bearer' ? 'Bearer' : scheme;
    tokenCheck = { request: { method: 'GET', path: fillPath(doc, check.path, check.op), headers: {} }, authorize: (token) => ({ authorization: `${prefix} ${token}` }) };
  }
  return { api, bundle, rejectedLogin, seedLogin, tokenCheck };
}

export async function describedRequests(root: string): Promise<ApiRequests[]> {
  return Promise.all(
    (await readRegistry(root)).map(async (api) => {
      const bundle = join(root, api.bundle);
      return requestsOf(api.name, bundle, JSON.parse(await readFile(bundle, 'utf8')) as Document);
    }),
  );
}

/**
 * The token a login answered: the first string under a key named like a
 * token (`accessToken`, `Token`) or `authentication` (xelion's), searched
 * depth-first through the answer.
 */
export function tokenIn(answer: unknown): string | undefined {
  if (answer === null || typeof answer !== 'object') return undefined;
  for (const [key, value] of Object.entries(answer)) {
    if (typeof value === 'string' && /token$|^authentication$/i.test(key)) return value;
  }
  for (const value of Object.values(answer)) {
    const found = tokenIn(value);
    if (found !== undefined) return found;
  }
  return undefined;
}
