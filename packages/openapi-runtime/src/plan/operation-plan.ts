import { atPointer, bodyFormat, createBodyCodec, escapePointer, type OpenApiDocument, parseMediaType, resolveRef } from '@loginspec/codec';
import { negotiateMediaType } from '../negotiate.js';
import type { ExampleObject, MediaTypeObject, OperationRef } from '../description/operations.js';
import type { ProblemKind, RequestProblem } from '../problems.js';
import { type BodyPlan, bodyPlan } from './body.js';
import { memoBy } from './memo.js';
import { ParametersPlan } from './parameters.js';
import { SecurityPlan } from './security.js';
import type { SchemaValidator } from './validator.js';

export interface RequestBodyPlan {
  required: boolean;
  /** By media type essence (`application/json`). */
  bodies: ReadonlyMap<string, BodyPlan>;
  /** The problem of a body in another media type: `send the body as application/json, text/xml (UTF-8)`. */
  unsupported: Extract<RequestProblem, { kind: 'unsupported-media-type' }>;
  /** The documented body a Content-Type names, if it names one in UTF-8. */
  bodyFor(contentType: string | undefined): BodyPlan | undefined;
}

export interface ResponsePlan {
  /** The key the description documents it under: `200`, `4XX` or `default`. */
  key: string;
  /** In the description's order, which breaks ties in content negotiation. */
  mediaTypes: readonly string[];
  bodies: ReadonlyMap<string, BodyPlan>;
  /** The body to answer in, negotiated from `Accept` and the request's own media type. */
  bodyFor(accept: string | undefined, requestMediaType: string | undefined): BodyPlan | undefined;
}

/**
 * Everything the runtime needs to serve one operation, computed once from
 * the description: its parameters, security, request bodies by media type
 * and responses by status, each with its codec and compiled validator.
 * Nothing that depends only on the description is left for request time.
 */
export class OperationPlan {
  readonly ref: OperationRef;
  readonly parameters: ParametersPlan | undefined;
  readonly security: SecurityPlan | undefined;
  readonly requestBody: RequestBodyPlan | undefined;
  readonly #responses: Map<string, ResponsePlan>;

  constructor(ref: OperationRef, doc: OpenApiDocument, validator: SchemaValidator) {
    this.ref = ref;
    this.parameters = ParametersPlan.compile(ref, doc, validator);
    this.security = SecurityPlan.compile(ref, doc);
    this.requestBody = requestBodyPlan(ref, doc, validator);
    this.#responses = new Map(
      Object.keys(ref.operation.responses ?? {}).map((key) => {
        const { bodies, mediaTypes } = contentPlan(`${ref.pointer}/responses/${escapePointer(key)}`, doc, validator);
        return [key, { key, mediaTypes, bodies, bodyFor: negotiator(bodies, mediaTypes) }];
      }),
    );
  }

  get operationId(): string {
    return this.ref.operationId;
  }

  /** By status, as `response` found it: a status is looked up by its number, not by strings made per answer. */
  readonly #byStatus = new Map<number, ResponsePlan | undefined>();

  /** The documented response for a status: exact, then its range (`4XX`), then `default`. */
  response(status: number): ResponsePlan | undefined {
    if (this.#byStatus.has(status)) return this.#byStatus.get(status);
    const found = this.#responses.get(String(status)) ?? this.#responses.get(`${String(status)[0]}XX`) ?? this.#responses.get('default');
    // A handler answers from the few statuses it knows: bounded, but a bug answering any number is not remembered past 100 of them.
    if (this.#byStatus.size < 100) this.#byStatus.set(status, found);
    return found;
  }

  /** Every documented response key, as the description lists them. */
  get responseKeys(): string[] {
    return [...this.#responses.keys()];
  }

  /** The problems the runtime can meet before this operation's handler, each of which `reject` must answer. */
  get problemKinds(): ProblemKind[] {
    const kinds: ProblemKind[] = ['body-too-large'];
    if (this.parameters) kinds.push('invalid-parameter');
    if (this.security && !this.security.anonymous) kinds.push('unauthenticated');
    if (this.requestBody) {
      kinds.push('unsupported-media-type', 'malformed-body', 'invalid-body');
      if (this.requestBody.required) kinds.push('missing-body');
    }
    return kinds;
  }
}

function requestBodyPlan(ref: OperationRef, doc: OpenApiDocument, validator: SchemaValidator): RequestBodyPlan | undefined {
  if (ref.operation.requestBody === undefined) return undefined;
  const { bodies, mediaTypes, node } = contentPlan(`${ref.pointer}/requestBody`, doc, validator);
  if (bodies.size === 0) return undefined;
  const bodyFor = memoBy((contentType: string) => contentType, (contentType) => {
    const mediaType = parseMediaType(contentType);
    const body = mediaType && bodies.get(mediaType.essence);
    const charset = mediaType?.params.charset?.toLowerCase();
    return body && (charset === undefined || charset === 'utf-8' || charset === 'utf8') ? body : undefined;
  });
  return {
    required: (node as { required?: boolean }).required === true,
    bodies,
    unsupported: { kind: 'unsupported-media-type', message: `send the body as ${mediaTypes.join(', ')} (UTF-8)` },
    bodyFor: (contentType) => (contentType === undefined ? undefined : bodyFor(contentType)),
  };
}

/** Content negotiation for one response, its answers remembered by the pair of headers it depends on. */
function negotiator(bodies: ReadonlyMap<string, BodyPlan>, mediaTypes: string[]): ResponsePlan['bodyFor'] {
  const [only] = mediaTypes;
  if (only === undefined) return () => undefined;
  if (mediaTypes.length === 1) return () => bodies.get(only);
  // One memory per request media type (few: those documented, or none), each keyed by Accept.
  const byRequestType = new Map<string | undefined, (accept: string) => BodyPlan | undefined>();
  return (accept, requestMediaType) => {
    let negotiate = byRequestType.get(requestMediaType);
    if (!negotiate) {
      negotiate = memoBy(
        (accept: string) => accept,
        (accept) => bodies.get(negotiateMediaType(accept || undefined, mediaTypes, requestMediaType)),
      );
      if (byRequestType.size < 16) byRequestType.set(requestMediaType, negotiate);
    }
    return negotiate(accept ?? '');
  };
}

/**
 * The bodies of a Request Body or Response Object at `pointer`, following a
 * `$ref` to `components`: each schema is addressed where it stands, so that
 * Ajv compiles it once however many operations share it.
 */
function contentPlan(pointer: string, doc: OpenApiDocument, validator: SchemaValidator) {
  const raw = atPointer(doc, pointer);
  const at = typeof raw === 'object' && raw !== null && '$ref' in raw ? (raw as { $ref: string }).$ref : pointer;
  const node = resolveRef(doc, raw) as { content?: Record<string, MediaTypeObject> };
  const bodies = new Map<string, BodyPlan>();
  for (const [mediaType, media] of Object.entries(node.content ?? {})) {
    if (media.schema === undefined) continue;
    if (!bodyFormat(mediaType)) throw new Error(`${pointer}: ${mediaType} is not a media type this runtime reads (JSON, form or XML)`);
    const schemaPointer = `${at}/content/${escapePointer(mediaType)}/schema`;
    const examples = new Map(Object.entries(media.examples ?? {}).map(([name, example]) => [name, resolveRef(doc, example) as ExampleObject]));
    bodies.set(mediaType, bodyPlan(createBodyCodec(mediaType, media.schema, doc), schemaPointer, validator.at(schemaPointer), examples));
  }
  return { bodies, mediaTypes: [...bodies.keys()], node };
}
