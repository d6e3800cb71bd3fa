/**
 * How a case is built: a valid base (every parameter, credential and body
 * value drawn valid), a draft of the request made from it for one mutation
 * to change, and the finished request with its verdict: whether the
 * description forbids it, judged in the runtime's order.
 *
 * @module
 */
import fc from 'fast-check';
import { byteLength, type GeneratedRequest, type MutationKind } from './generated-request.js';
import type { BodyContext, OperationContext, OtherParameter } from './operation-context.js';
import { credentialToken } from './payloads.js';

/** What a case is built from: valid values for everything, one of which a mutation then changes. */
interface Base {
  params: Record<string, string>;
  others: Record<string, string | undefined>;
  credentials: Record<string, string> | undefined;
  accept: string | undefined;
  body: { context: BodyContext; value: unknown } | undefined;
}

/** A base that carries a body. */
type BodyBase = Base & { body: { context: BodyContext; value: unknown } };

/** A request being built: path segments already encoded, headers by lower-case name. */
export interface Draft {
  segments: Record<string, string>;
  query: string[];
  headers: Record<string, string>;
  body: Uint8Array | string | undefined;
  chunked: boolean;
  /** Set by a mutation that knows the description forbids what it did to a parameter or the credentials; the body is judged when the draft is finished. */
  parametersRefused: boolean;
  securityRefused: boolean;
}

/** The arbitrary of one kind of case for an operation; undefined when the kind has nothing to aim at there. */
export type Builder = (ctx: OperationContext) => fc.Arbitrary<GeneratedRequest> | undefined;

/** Some kinds' builders, as a module of mutations exports them. */
export type Builders = Partial<Record<MutationKind, Builder>>;

const utf8 = new TextEncoder();
/** As the servers read bodies (a leading BOM dropped), but refusing what is not UTF-8 instead of replacing it. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A path segment as a client would percent-encode it; a lone surrogate as the bytes CESU-8 gives it, which are not UTF-8. */
export function encodeSegment(text: string): string {
  let out = '';
  for (const char of text) {
    if (/^[A-Za-z0-9\-._~]$/.test(char)) {
      out += char;
      continue;
    }
    const code = char.codePointAt(0) as number;
    const bytes = code >= 0xd800 && code <= 0xdfff ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)] : [...utf8.encode(char)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/**
 * Whether the description forbids a body: the runtime's order of judgement
 * (media type, size, presence, UTF-8, the codec, the schema), read off the
 * operation's plan.
 */
function bodyRefused(ctx: OperationContext, contentType: string | undefined, body: Uint8Array | string | undefined, chunked: boolean): boolean {
  const size = byteLength(body);
  const declared = ctx.plan.requestBody;
  if (!declared) return size > ctx.maxBodyBytes;
  if (!declared.required && !chunked && size === 0 && contentType === undefined) return false;
  const plan = declared.bodyFor(contentType);
  if (!plan) return true;
  if (size > ctx.maxBodyBytes) return true;
  let text: string;
  try {
    text = strictUtf8.decode(typeof body === 'string' ? utf8.encode(body) : (body ?? new Uint8Array()));
  } catch {
    return true;
  }
  if (text === '') return declared.required;
  return !plan.read(text).ok;
}

/** Valid bases with this body (or none). */
export function baseArbitrary(ctx: OperationContext, body: BodyContext | undefined): fc.Arbitrary<Base> {
  const params = fc.record(Object.fromEntries(ctx.pathParameters.map((p) => [p.name, p.valid]))) as fc.Arbitrary<Record<string, string>>;
  // Required parameters always, optional ones now and then.
  const others = fc.record(Object.fromEntries(ctx.otherParameters.map((p) => [`${p.in} ${p.name}`, p.required ? p.valid : fc.option(p.valid, { nil: undefined })]))) as fc.Arbitrary<
    Record<string, string | undefined>
  >;
  const token = credentialToken(64);
  const schemes = ctx.security?.schemes ?? [];
  const present = fc.record(Object.fromEntries(schemes.map((s) => [s.name, token]))) as fc.Arbitrary<Record<string, string>>;
  // Where credentials may be left out, they sometimes are.
  const credentials = schemes.length === 0 ? fc.constant(undefined) : ctx.security?.anonymous ? fc.option(present, { nil: undefined }) : present;
  return fc.record({
    params,
    others,
    credentials,
    accept: ctx.accept,
    body: body ? body.valid.map((value) => ({ context: body, value })) : fc.constant(undefined),
  });
}

/** A valid base in any of the documented media types (or without a body, for an operation that takes none). */
export function anyBase(ctx: OperationContext): fc.Arbitrary<Base> {
  return ctx.bodies.length === 0 ? baseArbitrary(ctx, undefined) : fc.oneof(...ctx.bodies.map((body) => baseArbitrary(ctx, body)));
}

/** Each scheme's credential where the scheme looks for it. */
export function placeCredentials(ctx: OperationContext, draft: Draft, credentials: Record<string, string> | undefined): void {
  if (!credentials) return;
  for (const scheme of ctx.security?.schemes ?? []) {
    const credential = credentials[scheme.name];
    if (credential === undefined) continue;
    if (scheme.place === 'authorization') draft.headers.authorization = `${scheme.key} ${credential}`;
    else if (scheme.place === 'header') draft.headers[scheme.key.toLowerCase()] = credential;
    else if (scheme.place === 'query') draft.query.push(`${encodeURIComponent(scheme.key)}=${encodeURIComponent(credential)}`);
    else addCookies(draft, [`${scheme.key}=${credential}`]);
  }
}

/** A query, header or cookie parameter's values on the wire (query values percent-encoded here, raw ones as they are). */
export function placeParameter(draft: Draft, p: OtherParameter, values: string[], raw = false): void {
  const encode = (text: string) => (raw ? text : encodeSegment(text));
  if (p.in === 'query') for (const value of values) draft.query.push(`${encodeSegment(p.name)}=${encode(value)}`);
  else if (p.in === 'header') draft.headers[p.name.toLowerCase()] = values.join(', ');
  else addCookies(draft, values.map((value) => `${p.name}=${encode(value)}`));
}

/** Cookies after those the draft already carries, in one Cookie header. */
function addCookies(draft: Draft, pairs: string[]): void {
  draft.headers.cookie = [draft.headers.cookie, ...pairs].filter(Boolean).join('; ');
}

/** The base as a request: every parameter, credential and body in its place. */
export function draftOf(ctx: OperationContext, base: Base): Draft {
  const draft: Draft = { segments: {}, query: [], headers: {}, body: undefined, chunked: false, parametersRefused: false, securityRefused: false };
  for (const p of ctx.pathParameters) draft.segments[p.name] = p.prefix + encodeSegment(base.params[p.name] as string);
  for (const p of ctx.otherParameters) {
    const value = base.others[`${p.in} ${p.name}`];
    if (value !== undefined) placeParameter(draft, p, [value]);
  }
  placeCredentials(ctx, draft, base.credentials);
  if (base.accept !== undefined) draft.headers.accept = base.accept;
  if (base.body) {
    draft.headers['content-type'] = base.body.context.plan.mediaType;
    draft.body = base.body.context.plan.codec.encode(base.body.value);
  }
  return draft;
}

/** The request the draft says, and whether the description forbids it. */
export function finish(ctx: OperationContext, kind: MutationKind, label: string, draft: Draft): GeneratedRequest {
  const path = ctx.ref.path.replace(/\{([^}]+)\}/g, (_, name: string) => draft.segments[name] ?? '') + (draft.query.length > 0 ? `?${draft.query.join('&')}` : '');
  const refuse = draft.parametersRefused || draft.securityRefused || bodyRefused(ctx, draft.headers['content-type'], draft.body, draft.chunked);
  return {
    operationId: ctx.ref.operationId,
    kind,
    label: `${kind}: ${label}`,
    method: ctx.method,
    path,
    headers: draft.headers,
    body: draft.body,
    ...(draft.chunked ? { chunked: true } : {}),
    refuse,
  };
}

/** A case per documented body that `applies` to: a valid base with that body, and what the mutation draws. */
export function perBody<T>(
  ctx: OperationContext,
  applies: (body: BodyContext) => boolean,
  extra: (body: BodyContext) => fc.Arbitrary<T>,
  build: (base: BodyBase, draft: Draft, extra: T) => { kind: MutationKind; label: string; draft: Draft },
): fc.Arbitrary<GeneratedRequest> | undefined {
  const bodies = ctx.bodies.filter(applies);
  if (bodies.length === 0) return undefined;
  return fc.oneof(
    ...bodies.map((body) =>
      fc.tuple(baseArbitrary(ctx, body), extra(body)).map(([base, drawn]) => {
        const { kind, label, draft } = build(base as BodyBase, draftOf(ctx, base), drawn);
        return finish(ctx, kind, `${label} (${body.plan.mediaType})`, draft);
      }),
    ),
  );
}

/** The body of a case: the base value changed, written by the codec of its media type. */
export function encoded(base: BodyBase, value: unknown): string {
  return base.body.context.plan.codec.encode(value);
}
