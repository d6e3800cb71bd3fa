import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { decodeBody, encodeBody, MalformedBodyError } from './body-codec.js';
import type { Contract } from './contract.js';
import { type OperationRef, toHonoPath } from './document.js';
import { bodyFormat, parseMediaType } from './media-type.js';
import { negotiateMediaType } from './negotiate.js';
import type { OperationBody, OperationResponse, RequestProblem } from './types.js';

export interface OperationRequest<Op> {
  /** The body, parsed by its media type and checked against its schema. */
  body: OperationBody<Op>;
  params: Record<string, string>;
  headers: Headers;
  /** The peer's address, for per-client limits. */
  clientAddress: string;
}

export interface OperationHandlers<Op> {
  handle(request: OperationRequest<Op>): OperationResponse<Op> | Promise<OperationResponse<Op>>;
  /** Turns a request the runtime refused into one of the operation's documented error responses. */
  reject(problem: RequestProblem): OperationResponse<Op>;
  /**
   * Turns an error thrown by `handle` into a documented response (a 500 the
   * description shows). Without it the error propagates to Hono's handler.
   */
  fail?(error: unknown): OperationResponse<Op>;
}

export interface RouterOptions {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Binds a description's operations to a Hono app. Requests are read and
 * validated against the operation's schemas before the handler runs;
 * responses are written in the media type the client accepts among those the
 * description documents for the status.
 *
 *     const route = operationRouter<operations>(app, contract);
 *     route('login', { handle, reject });
 */
export function operationRouter<Ops>(app: Hono, contract: Contract, { maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: RouterOptions = {}) {
  return <K extends keyof Ops & string>(operationId: K, handlers: OperationHandlers<Ops[K]>): void => {
    const op = contract.operation(operationId);
    const respond = (c: Context, result: OperationResponse<Ops[K]>) => sendResponse(c, contract, op, result as SentResponse);
    const limit = bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => respond(c, handlers.reject({ kind: 'body-too-large', message: `request body is larger than ${maxBodyBytes} bytes` })),
    });
    // The media type is judged first, from the headers alone, so that a large
    // body of the wrong type is a 415 and not a 413 (the order the descriptions document).
    const mediaType: MiddlewareHandler = async (c, next) => {
      const problem = mediaTypeProblem(c, contract, op);
      if (problem) return respond(c, handlers.reject(problem));
      await next();
    };
    app.on(op.method.toUpperCase(), toHonoPath(op.path), mediaType, limit, async (c) => {
      const body = await readBody(c, contract, op);
      if (!body.ok) return respond(c, handlers.reject(body.problem));
      const request = {
        body: body.value as OperationBody<Ops[K]>,
        params: c.req.param() as Record<string, string>,
        headers: c.req.raw.headers,
        clientAddress: clientAddress(c),
      };
      let result: OperationResponse<Ops[K]>;
      try {
        result = await handlers.handle(request);
      } catch (error) {
        if (!handlers.fail) throw error;
        result = handlers.fail(error);
      }
      return respond(c, result);
    });
  };
}

type BodyOutcome = { ok: true; value: unknown } | { ok: false; problem: RequestProblem };

/** A 415 when the operation takes a body and the request's Content-Type is absent, undeclared, or not UTF-8. */
function mediaTypeProblem(c: Context, contract: Contract, op: OperationRef): RequestProblem | undefined {
  const declared = contract.requestBodies(op);
  if (declared.length === 0) return undefined;
  const mediaType = parseMediaType(c.req.header('content-type'));
  const body = declared.find((d) => d.mediaType === mediaType?.essence);
  const charset = mediaType?.params.charset?.toLowerCase();
  if (body && bodyFormat(body.mediaType) && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return undefined;
  const accepted = declared.map((d) => d.mediaType).join(', ');
  return { kind: 'unsupported-media-type', message: `send the body as ${accepted} (UTF-8)` };
}

async function readBody(c: Context, contract: Contract, op: OperationRef): Promise<BodyOutcome> {
  const declared = contract.requestBodies(op);
  if (declared.length === 0) return { ok: true, value: undefined };
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) {
    const required = op.operation.requestBody?.required === true;
    return required
      ? { ok: false, problem: { kind: 'invalid-body', message: 'request body is required', issues: [] } }
      : { ok: true, value: undefined };
  }
  // mediaTypeProblem has already refused anything but a declared, readable media type.
  const essence = parseMediaType(c.req.header('content-type'))?.essence;
  const body = declared.find((d) => d.mediaType === essence) as (typeof declared)[number];
  const format = bodyFormat(body.mediaType) ?? 'json';
  let value: unknown;
  try {
    value = decodeBody(format, utf8.decode(bytes), body.media.schema ?? true, contract.doc);
  } catch (err) {
    const reason = err instanceof MalformedBodyError ? err.message : 'not valid UTF-8';
    return { ok: false, problem: { kind: 'malformed-body', message: `body is not valid ${body.mediaType}: ${reason}` } };
  }
  const checked = contract.validator.validate(body.pointer, value, format !== 'json');
  if (!checked.valid) {
    const message = checked.issues.map((issue) => issue.message).join('; ');
    return { ok: false, problem: { kind: 'invalid-body', message, issues: checked.issues } };
  }
  return { ok: true, value: checked.value };
}

interface SentResponse {
  status: number;
  body?: unknown;
  content?: Record<string, unknown>;
  headers?: Record<string, string>;
}

function sendResponse(c: Context, contract: Contract, op: OperationRef, result: SentResponse): Response {
  const status = String(result.status);
  if (!op.operation.responses?.[status]) {
    throw new Error(`${op.operationId} answered ${status}, which its description does not document`);
  }
  // Login answers carry credentials: never cached (RFC 6749 §5.1 asks the same of token responses).
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...result.headers };
  const bodies = contract.responseBodies(op, status);
  const first = bodies[0];
  if (!first) return c.body(null, result.status as 200, headers);
  const requestType = parseMediaType(c.req.header('content-type'))?.essence;
  const chosen = negotiateMediaType(c.req.header('accept'), bodies.map((b) => b.mediaType), requestType);
  const body = bodies.find((b) => b.mediaType === chosen) ?? first;
  headers['content-type'] = `${body.mediaType}; charset=utf-8`;
  const value = result.content ? result.content[body.mediaType] : result.body;
  const text = encodeBody(bodyFormat(body.mediaType) ?? 'json', value, body.media.schema ?? true, contract.doc);
  return c.body(text, result.status as 200, headers);
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (e.g. app.request() in a test): no socket to ask.
    return 'unknown';
  }
}
