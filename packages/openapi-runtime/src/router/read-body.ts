import { parseMediaType } from '@loginspec/codec';
import type { Context } from 'hono';
import type { RequestBodyPlan } from '../plan/operation-plan.js';
import type { RequestProblem } from '../problems.js';

export type BodyOutcome = { ok: true; value: unknown; mediaType: string | undefined } | { ok: false; problem: RequestProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

const NO_BODY: BodyOutcome = { ok: true, value: undefined, mediaType: undefined };

const tooLarge = (max: number): BodyOutcome => ({ ok: false, problem: { kind: 'body-too-large', message: `request body is larger than ${max} bytes` } });

/**
 * Reads a request's body as its operation documents it, judging in one
 * order for every API: the media type (415), then the size (413), then
 * whether it is there (a required body), readable (malformed) and valid.
 * An operation that documents no body reads none: only one too large is
 * refused.
 */
export async function readRequestBody(c: Context, declared: RequestBodyPlan | undefined, maxBytes: number): Promise<BodyOutcome> {
  const header = c.req.header('content-length');
  const length = header === undefined ? undefined : Number(header);
  const streamed = length === undefined && c.req.header('transfer-encoding') !== undefined;
  if (!declared) {
    if (length !== undefined) return length > maxBytes ? tooLarge(maxBytes) : NO_BODY;
    // Streamed (or built in process, without a length): read up to the limit and dropped.
    return (await readCapped(c, maxBytes)) === undefined ? tooLarge(maxBytes) : NO_BODY;
  }
  // An optional body may be left out altogether, Content-Type included.
  if (!declared.required && !streamed && !length && c.req.header('content-type') === undefined) return NO_BODY;
  const media = mediaTypeOf(c, declared);
  if (!media.ok) return media;
  if (length !== undefined && length > maxBytes) return tooLarge(maxBytes);
  // With a Content-Length the framing bounds the body; without one it is read up to the limit and no further.
  const bytes = length !== undefined ? new Uint8Array(await c.req.arrayBuffer()) : await readCapped(c, maxBytes);
  if (bytes === undefined) return tooLarge(maxBytes);
  if (bytes.length === 0) {
    return declared.required ? { ok: false, problem: { kind: 'missing-body', message: 'request body is required' } } : NO_BODY;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: { kind: 'malformed-body', reason: 'encoding', message: `body is not valid ${media.body.mediaType}: not valid UTF-8` } };
  }
  const reading = media.body.read(text);
  if (reading.ok) return { ok: true, value: reading.value, mediaType: media.body.mediaType };
  if ('malformed' in reading) return { ok: false, problem: { kind: 'malformed-body', reason: reading.reason, message: `body is not valid ${media.body.mediaType}: ${reading.malformed}` } };
  return { ok: false, problem: { kind: 'invalid-body', message: reading.issues.map((issue) => issue.message).join('; '), issues: reading.issues } };
}

/** A documented media type, in UTF-8; anything else (no Content-Type included) is a 415. */
function mediaTypeOf(c: Context, declared: RequestBodyPlan) {
  const mediaType = parseMediaType(c.req.header('content-type'));
  const body = mediaType && declared.bodies.get(mediaType.essence);
  const charset = mediaType?.params.charset?.toLowerCase();
  if (body && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return { ok: true as const, body };
  return { ok: false as const, problem: { kind: 'unsupported-media-type' as const, message: `send the body as ${declared.accepted} (UTF-8)` } };
}

/** The body up to `maxBytes`, or undefined as soon as it is longer: a streamed body is never buffered past the limit. */
async function readCapped(c: Context, maxBytes: number): Promise<Uint8Array | undefined> {
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
