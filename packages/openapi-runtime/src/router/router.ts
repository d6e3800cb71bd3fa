import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Description } from '../description/description.js';
import type { OperationBody, OperationParameters, OperationResponse } from '../operation-types.js';
import type { OperationPlan } from '../plan/operation-plan.js';
import type { ParameterSource, ParameterValues } from '../plan/parameters.js';
import type { Verifiers } from '../plan/security.js';
import { memoBy } from '../plan/memo.js';
import type { ProblemKind, RequestProblem } from '../problems.js';
import { bodyLimit, readRequestBody } from './read-body.js';

/** What a handler receives: the request, read and checked against its operation. */
export interface OperationRequest<Op, Principals = Record<string, never>> {
  /** Parsed by its media type and valid against its schema. */
  body: OperationBody<Op>;
  /** Parameters, deserialized by their style, typed by their schema and valid against it. */
  path: OperationParameters<Op, 'path'>;
  query: OperationParameters<Op, 'query'>;
  headers: OperationParameters<Op, 'header'>;
  cookies: OperationParameters<Op, 'cookie'>;
  /** Who presented credentials, by security scheme; empty for an anonymous request. */
  principals: Partial<Principals>;
  /** The client's address, as the router's `clientAddress` option reads it (`unknown` without one). */
  readonly clientAddress: string;
  /** The operation's method and its path as this request names it, below the API's base: `POST /api/v1/master/me/login`. */
  readonly target: Target;
}

/** An operation's method and path as one request names it: for answers that say what was asked (xelion's `info`). */
export interface Target {
  readonly method: string;
  readonly path: string;
}

export interface OperationHandlers<Op, Principals = Record<string, never>> {
  handle(request: OperationRequest<Op, Principals>): OperationResponse<Op> | Promise<OperationResponse<Op>>;
  /** Turns a request the runtime refused into one of the operation's documented error answers. */
  reject(problem: RequestProblem, target: Target): OperationResponse<Op>;
  /**
   * Turns an error thrown while answering into a documented answer (a 500
   * the description shows). Without it the error reaches Hono's error handler.
   */
  fail?(error: unknown, target: Target): OperationResponse<Op>;
}

export interface RouterOptions<Principals> {
  /** Largest request body accepted, in bytes (64 KiB by default). */
  maxBodyBytes?: number;
  /** One verifier per security scheme the description's operations require. */
  security?: Verifiers<Principals>;
  /**
   * Reads the client's address, for per-client limits. The platform adapter
   * provides it (`clientAddress` from `@loginspec/openapi-runtime/node`),
   * with its trusted-proxy setting.
   */
  clientAddress?: (c: Context) => string;
  /**
   * Reads a request header (its name in lower case) as Fetch's `Headers`
   * would, repeated headers joined. The platform adapter's is faster
   * (`requestHeader` from `@loginspec/openapi-runtime/node`); Hono's
   * `c.req.header` by default.
   */
  header?: RequestHeader;
  /**
   * Told of every error a route's `fail` answers, with the operation it was
   * thrown in: the cause goes here once for all routes, the answer says
   * nothing of it.
   */
  reportFailure?: (error: unknown, operationId: string) => void;
}

/** Reads one header of a request, its name in lower case; undefined when the request has none. */
export type RequestHeader = (c: Context, name: string) => string | undefined;

/** The router's options that a server's host chooses rather than the server: how large a body may be, and how its platform reads a request. */
export type RoutingOptions = Pick<RouterOptions<unknown>, 'maxBodyBytes' | 'clientAddress' | 'header'>;

const honoHeader: RequestHeader = (c, name) => c.req.header(name);

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const NO_PARAMETERS: ParameterValues = { path: {}, query: {}, header: {}, cookie: {} };

interface SentResponse {
  status: number;
  body?: unknown;
  content?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Binds a description's operations to a Hono app. Each request is checked
 * against its operation's plan (compiled once, at `route`), in one order:
 * parameters, security, media type, size, body. Only a request that passes
 * reaches `handle`; the others reach `reject` with the problem. Answers are
 * written in the media type the client accepts among those the description
 * documents for the status.
 *
 * @example
 * const route = operationRouter(app, description, { security: { xelionSession }, clientAddress });
 * route('login', { reject, handle: async ({ body, path, principals }) => ({ status: 200, body: … }) });
 */
export function operationRouter<Ops, Principals = Record<string, never>>(app: Hono, description: Description<Ops>, options: RouterOptions<Principals> = {}) {
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, security = {}, clientAddress, header = honoHeader, reportFailure } = options;
  const verifiers = security as Verifiers<Principals>;
  const limit = bodyLimit(maxBodyBytes);
  refuseOtherMethods(app, description);
  return <K extends keyof Ops & string>(operationId: K, handlers: OperationHandlers<Ops[K], Principals>): void => {
    const plan = description.plan(operationId);
    refuseIncompleteRoute(plan, verifiers, handlers.reject);
    const { method, path } = plan.ref;
    const respond = (c: Context, result: OperationResponse<Ops[K]>, requestMediaType?: string) => send(c, plan, result as SentResponse, requestMediaType, header);

    const METHOD = method.toUpperCase();
    const targetOf = targets(METHOD, path);

    app.on(METHOD, honoPath(path), async (c) => {
      try {
        const source = plan.parameters || plan.security ? new RequestParameters(c, header) : undefined;
        let parameters = NO_PARAMETERS;
        if (plan.parameters) {
          const reading = plan.parameters.read(source as ParameterSource);
          if (!reading.ok) return respond(c, handlers.reject(reading.problem, targetOf(c)));
          parameters = reading.values;
        }
        let principals: Partial<Principals> = {};
        if (plan.security) {
          const pending = plan.security.check(source as ParameterSource, parameters.path, verifiers);
          const checked = pending instanceof Promise ? await pending : pending;
          if (!checked.ok) return respond(c, handlers.reject(checked.problem, targetOf(c)));
          principals = checked.principals;
        }
        const body = await readRequestBody(c, plan.requestBody, limit, header);
        if (!body.ok) {
          const refusal = handlers.reject(body.problem, targetOf(c)) as SentResponse;
          // The rest of the body was left unread: the connection cannot carry another request.
          const closing = body.close ? { ...refusal, headers: { ...refusal.headers, connection: 'close' } } : refusal;
          return respond(c, closing as OperationResponse<Ops[K]>, body.mediaType);
        }
        const request = new RouteRequest(c, body.value, parameters, principals, clientAddress, targetOf) as unknown as OperationRequest<Ops[K], Principals>;
        return respond(c, await handlers.handle(request), body.mediaType);
      } catch (error) {
        if (!handlers.fail) throw error;
        reportFailure?.(error, operationId);
        return respond(c, handlers.fail(error, targetOf(c)));
      }
    });
  };
}

/**
 * What a handler receives, its client address and target read only when
 * asked. A class, not a literal with getters, which V8 builds on a slow
 * path each time.
 */
class RouteRequest {
  readonly body: unknown;
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  readonly cookies: Record<string, unknown>;
  readonly principals: unknown;
  readonly #c: Context;
  readonly #clientAddress: ((c: Context) => string) | undefined;
  readonly #targetOf: (c: Context) => Target;

  constructor(c: Context, body: unknown, parameters: ParameterValues, principals: unknown, clientAddress: ((c: Context) => string) | undefined, targetOf: (c: Context) => Target) {
    this.body = body;
    this.path = parameters.path;
    this.query = parameters.query;
    this.headers = parameters.header;
    this.cookies = parameters.cookie;
    this.principals = principals;
    this.#c = c;
    this.#clientAddress = clientAddress;
    this.#targetOf = targetOf;
  }

  get clientAddress(): string {
    return this.#clientAddress?.(this.#c) ?? 'unknown';
  }

  get target(): Target {
    return this.#targetOf(this.#c);
  }
}

/** Hono's spelling of a path template: `/api/v1/{tenant}/me/login` → `/api/v1/:tenant/me/login`. */
const honoPath = (template: string) => template.replace(/\{([^}]+)\}/g, ':$1');

/**
 * The methods of HTTP (RFC 9110 §9, and PATCH) a path may be asked with;
 * HEAD is answered by a GET route (Hono runs it and drops the body), and
 * CONNECT never reaches an app. Other methods (WebDAV's) are unknown to the
 * path, and get the app's 404.
 */
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

/**
 * A documented path asked with a method it does not document is answered
 * 405 with the methods it does (RFC 9110 §15.5.6), not with a 404 that says
 * the path is unknown. Routes of their own, per method: an allowed request
 * pays nothing for them.
 */
function refuseOtherMethods(app: Hono, description: Description<unknown>): void {
  const byPath = new Map<string, Set<string>>();
  for (const { path, method } of description.operations) {
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method.toUpperCase());
    byPath.set(path, methods);
  }
  for (const [path, methods] of byPath) {
    const others = HTTP_METHODS.filter((method) => !methods.has(method));
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
    if (others.length > 0) app.on(others, honoPath(path), (c) => c.body(null, 405, { allow }));
  }
}

/**
 * Refuses, when the route is made rather than on a request, an operation
 * whose security scheme has no verifier, or whose `reject` (when it says
 * which problems it answers, as `rejectWith`'s does) leaves one unanswered.
 */
function refuseIncompleteRoute(plan: OperationPlan, verifiers: Partial<Verifiers<unknown>>, reject: unknown): void {
  for (const scheme of plan.security?.schemes ?? []) {
    if (!(scheme in verifiers)) throw new Error(`${plan.operationId} requires security scheme "${scheme}": give the router a verifier for it`);
  }
  const kinds = (reject as { kinds?: readonly ProblemKind[] }).kinds;
  const unanswered = kinds ? plan.problemKinds.filter((kind) => !kinds.includes(kind)) : [];
  if (unanswered.length > 0) throw new Error(`${plan.operationId}: reject answers no ${unanswered.join(', ')} problem, which the runtime can meet here`);
}

/**
 * The target of a request to a route, made only when an answer asks for it,
 * and the very same frozen object again for the same path parameters (up
 * to memoBy's bound), so that an answer built from it can be remembered by
 * it (a WeakMap) rather than by a string made per request. The template is
 * split once, here, so that a target joins its pieces rather than running
 * a replacing regex.
 */
function targets(method: string, template: string): (c: Context) => Target {
  const pieces = template.split(/\{([^}]+)\}/);
  if (pieces.length === 1) {
    const only: Target = Object.freeze({ method, path: template });
    return () => only;
  }
  const names = pieces.filter((_, i) => i % 2 === 1);
  const named = (values: readonly string[]): Target => {
    let path = pieces[0] as string;
    for (let i = 1; i < pieces.length; i += 2) path += (values[(i - 1) / 2] as string) + (pieces[i + 1] as string);
    return Object.freeze({ method, path });
  };
  if (names.length === 1) {
    // One value (xelion's tenant) is its own key, and needs no list.
    const name = names[0] as string;
    const make = memoBy((value: string) => value, (value) => named([value]));
    return (c) => make(c.req.param(name) ?? '');
  }
  // Several are told apart by JSON, as a decoded value may hold any character.
  const make = memoBy((values: string[]) => JSON.stringify(values), named);
  return (c) => make(names.map((name) => c.req.param(name) ?? ''));
}

/** The raw parameter values of a request; the query is parsed once, when first asked. A class: one object a request, not four closures. */
class RequestParameters implements ParameterSource {
  readonly #c: Context;
  readonly #header: RequestHeader;
  #queries: Record<string, string[]> | undefined;

  constructor(c: Context, header: RequestHeader) {
    this.#c = c;
    this.#header = header;
  }

  path(name: string): string | undefined {
    return this.#c.req.param(name);
  }

  query(name: string): string[] | undefined {
    return (this.#queries ??= this.#c.req.queries())[name];
  }

  header(name: string): string | undefined {
    return this.#header(this.#c, name);
  }

  cookie(name: string): string | undefined {
    return getCookie(this.#c, name);
  }
}

/**
 * Writes an answer in the media type negotiated among those its status
 * documents. The headers stay a plain object: on Node.js, @hono/node-server
 * writes such an answer without building a `Headers` (a third of the cost of
 * a small answer).
 */
function send(c: Context, plan: OperationPlan, result: SentResponse, requestMediaType: string | undefined, header: RequestHeader): Response {
  const response = plan.response(result.status);
  if (!response) throw new Error(`${plan.operationId} answered ${result.status}, which its description does not document`);
  // Accept is read only where it can choose: one documented media type is the answer whatever it says.
  const body = response.bodyFor(response.mediaTypes.length > 1 ? header(c, 'accept') : undefined, requestMediaType);
  // Login answers carry credentials: never cached (RFC 6749 §5.1 asks the same of token responses).
  const headers: Record<string, string> = body ? { 'cache-control': 'no-store', 'content-type': body.contentType } : { 'cache-control': 'no-store' };
  if (result.headers) {
    // A handler's headers add to these, but the body's media type is the router's to say.
    Object.assign(headers, result.headers);
    if (body) headers['content-type'] = body.contentType;
  }
  if (!body) return new Response(null, { status: result.status, headers });
  const value = result.content ? result.content[body.mediaType] : result.body;
  return new Response(body.write(value), { status: result.status, headers });
}
