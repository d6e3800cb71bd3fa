import { parseMediaType } from '@loginspec/codec';
import type { Context } from 'hono';
import type { BodyPlan } from '../plan/body.js';
import type { RequestBodyPlan } from '../plan/operation-plan.js';
import type { ValidationIssue } from '../plan/validator.js';
import type { RequestProblem } from '../problems.js';
import type { RequestHeader } from './router.js';

/**
 * The body, or why it was refused; either way the request's documented
 * media type, when it had one. `close`: the rest of the body is still on
 * the connection, which can carry no other request.
 */
export type BodyOutcome = { ok: true; value: unknown; mediaType: string | undefined } | { ok: false; problem: RequestProblem; mediaType?: string; close?: boolean };

/**
 * How much of a body past the limit is read and dropped, so that the client,
 * still sending, gets to read the 413 and keep its connection. Past it the
 * answer closes the connection: a client sending megabytes is not owed one.
 */
const DRAIN_BYTES = 1024 * 1024;

/** Replaces invalid sequences with U+FFFD, as the platform's own body reading does; the reader then refuses them. */
const utf8 = new TextDecoder('utf-8');

const NO_BODY: BodyOutcome = { ok: true, value: undefined, mediaType: undefined };

/** Methods whose requests have no body on the platform: `c.req.raw.body` is always null for them. */
const BODILESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** The largest body a router accepts, and its refusal, made once. */
export interface BodyLimit {
  maxBytes: number;
  tooLarge: Extract<RequestProblem, { kind: 'body-too-large' }>;
}

export function bodyLimit(maxBytes: number): BodyLimit {
  return { maxBytes, tooLarge: { kind: 'body-too-large', message: `request body is larger than ${maxBytes} bytes` } };
}

/** A body too large: `close` when the rest of it is more than can be drained. Not a closure of `readRequestBody`, which would be made per request. */
function refuseSize(tooLarge: BodyLimit['tooLarge'], mediaType: string | undefined, close: boolean): BodyOutcome {
  return { ok: false, problem: tooLarge, mediaType, close };
}

/**
 * Reads a request's body as its operation documents it, judging in one
 * order for every API: the media type (415), then the size (413), then
 * whether it is there (a required body), readable (malformed) and valid.
 * An operation that documents no body reads none: only one too large is
 * refused.
 */
export async function readRequestBody(c: Context, declared: RequestBodyPlan | undefined, { maxBytes, tooLarge }: BodyLimit, header: RequestHeader): Promise<BodyOutcome> {
  const announced = header(c, 'content-length');
  const length = announced === undefined ? undefined : Number(announced);
  const streamed = length === undefined && header(c, 'transfer-encoding') !== undefined;
  if (!declared) {
    // Left unread, an announced body is drained by the platform after the answer, if it is not too large to be.
    if (length !== undefined) return length > maxBytes ? refuseSize(tooLarge, undefined, length > maxBytes + DRAIN_BYTES) : NO_BODY;
    // A GET or HEAD request never carries a body to read (Fetch refuses one, and @hono/node-server gives
    // it none): asking for its body would only build a whole `Request` (a fifth of a token check's CPU).
    if (BODILESS_METHODS.has(c.req.method)) return NO_BODY;
    // Streamed (or built in process, without a length): read up to the limit and dropped.
    const read = await readCapped(c, maxBytes).catch(() => '');
    return typeof read === 'string' ? NO_BODY : refuseSize(tooLarge, undefined, !read.drained);
  }
  const contentType = header(c, 'content-type');
  // An optional body may be left out altogether, Content-Type included.
  if (!declared.required && !streamed && !length && contentType === undefined) return NO_BODY;
  const body = declared.bodyFor(contentType);
  if (!body) {
    // A documented type in another charset still says which format the client reads; any other says nothing.
    const essence = parseMediaType(contentType)?.essence;
    return { ok: false, problem: declared.unsupported, mediaType: essence !== undefined && declared.bodies.has(essence) ? essence : undefined };
  }
  const { mediaType } = body;
  // A compressed body would be read as text and refused as malformed; RFC 7694 §3 answers it 415.
  const coding = header(c, 'content-encoding');
  if (coding !== undefined && coding.trim().toLowerCase() !== 'identity') {
    return { ok: false, problem: { kind: 'unsupported-media-type', message: `the content coding "${coding}" is not supported: send the body unencoded` }, mediaType };
  }
  if (length !== undefined && length > maxBytes) return refuseSize(tooLarge, mediaType, length > maxBytes + DRAIN_BYTES);
  // With a Content-Length the framing bounds the body; without one it is read up to the limit and no further.
  let text: string | { drained: boolean };
  try {
    text = length !== undefined ? await c.req.text() : await readCapped(c, maxBytes);
  } catch {
    // The client went away mid-upload: nobody will read the answer, and it is no server error.
    return { ok: false, problem: { kind: 'malformed-body', reason: 'incomplete', message: 'the request body ended before it was complete' }, mediaType };
  }
  if (typeof text !== 'string') return refuseSize(tooLarge, mediaType, !text.drained);
  if (text.length === 0) {
    return declared.required ? { ok: false, problem: { kind: 'missing-body', message: 'request body is required' }, mediaType } : NO_BODY;
  }
  // Decoding replaced every invalid UTF-8 sequence with U+FFFD: a body that carries one is refused,
  // which refuses a literal U+FFFD too (no login field needs it).
  if (text.includes('\uFFFD')) {
    return { ok: false, problem: { kind: 'malformed-body', reason: 'encoding', message: `body is not valid ${mediaType}: not valid UTF-8 (or carries U+FFFD)` }, mediaType };
  }
  const reading = body.read(text);
  if (reading.ok) return { ok: true, value: reading.value, mediaType };
  if ('malformed' in reading) return { ok: false, problem: { kind: 'malformed-body', reason: reading.reason, message: `body is not valid ${mediaType}: ${reading.malformed}` }, mediaType };
  return { ok: false, problem: invalidBody(body, reading.issues), mediaType };
}

/**
 * The last invalid-body problem of each documented body: one a body, so
 * bounded. The validator answers a refusal that says the same as its last
 * with the very same issues (a client repeating a bad request), and they
 * get the very same problem here, so that its message is joined once and
 * whatever an answer keeps by that message (edr's envelope) is found by a
 * string whose hash V8 has already computed.
 */
const lastInvalid = new WeakMap<BodyPlan, InvalidBody>();

function invalidBody(body: BodyPlan, issues: readonly ValidationIssue[]): InvalidBody {
  const last = lastInvalid.get(body);
  if (last !== undefined && last.issues === issues) return last;
  const problem = new InvalidBody(issues);
  lastInvalid.set(body, problem);
  return problem;
}

/**
 * An invalid body's problem, its message joined from the issues' only when
 * read: most answers give a code, not the text. A class, not a literal with
 * a getter, which V8 builds on a slow path each time.
 */
class InvalidBody {
  readonly kind = 'invalid-body';
  #message: string | undefined;
  constructor(readonly issues: readonly ValidationIssue[]) {}
  get message(): string {
    return (this.#message ??= this.issues.map((issue) => issue.message).join('; '));
  }
}

/**
 * The body up to `maxBytes` as text; or, as soon as it is longer, whether
 * the rest could be read and dropped (up to `DRAIN_BYTES` more): a streamed
 * body is never buffered past the limit.
 */
async function readCapped(c: Context, maxBytes: number): Promise<string | { drained: boolean }> {
  const stream = c.req.raw.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) return { drained: await drain(reader, maxBytes + DRAIN_BYTES - size) };
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return utf8.decode(bytes);
}

/** Reads and drops up to `budget` bytes more; whether the body ended within them. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<boolean> {
  let left = budget;
  while (left >= 0) {
    const { done, value } = await reader.read();
    if (done) return true;
    left -= value.length;
  }
  await reader.cancel();
  return false;
}
