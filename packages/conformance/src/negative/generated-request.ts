/**
 * What the generator draws: the kinds of case, one request to send, and the
 * options that shape them. Every other module of the generator speaks in
 * these types.
 *
 * @module
 */

/** Every kind of case the generator draws, positive (`valid`) first. */
export const MUTATION_KINDS = [
  'valid',
  // Content-Type
  'media-undocumented',
  'media-missing',
  'media-charset',
  'media-case',
  // schema-shaped bodies, written by the media type's codec
  'empty-body',
  'missing-required',
  'wrong-type',
  'wrong-root',
  'null-value',
  'overlong-string',
  'unicode-edge',
  'deep-nesting',
  'prototype-keys',
  'repeated-key',
  // bodies that do not read
  'malformed-json',
  'malformed-xml',
  'xml-doctype',
  'bad-percent-encoding',
  'invalid-utf8',
  'bom-prefix',
  // size
  'oversized',
  'oversized-chunked',
  'unexpected-body',
  // path parameters
  'path-pattern',
  'path-overlong',
  'path-unicode',
  'path-percent',
  // query, header and cookie parameters
  'parameter-missing',
  'parameter-invalid',
  // security
  'security-none',
  'security-garbage',
  'security-junk',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One request to send. */
export interface GeneratedRequest {
  operationId: string;
  kind: MutationKind;
  /** What was changed, for reports: `missing-required: password (application/json)`. */
  label: string;
  /** Upper case. */
  method: string;
  /** Below the API's base URL, query included: `/api/v1/master/me/login`. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Text goes on the wire as UTF-8. */
  body: Uint8Array | string | undefined;
  /** Sent without a Content-Length, in chunks. */
  chunked?: boolean;
  /**
   * The description forbids this request (a path parameter outside its
   * schema, no credentials where they are required, an undocumented media
   * type, a body too large or one its codec and schema do not read): any
   * answer but a 4xx is wrong. False when the answer may be anything the
   * operation documents.
   */
  refuse: boolean;
}

export interface RequestOptions {
  /** The media types schema-shaped bodies are written in; every documented one by default. */
  mediaTypes?: readonly string[];
  /** The servers' body limit (the runtime's 64 KiB by default). */
  maxBodyBytes?: number;
  /** The largest body an oversized case sends (1 MiB by default). */
  largestBodyBytes?: number;
  /** Only these kinds (those that apply to the operation). */
  kinds?: readonly MutationKind[];
  /** How much likelier a positive case is than each mutation (3 by default). */
  positiveWeight?: number;
  /** Whether bodies are drawn from the description's request examples too, which hold the demo credentials (true by default), or from the schemas only. */
  examples?: boolean;
}

/** A body's size on the wire. */
export function byteLength(body: GeneratedRequest['body']): number {
  if (body === undefined) return 0;
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
}
