import type { OpenApiDocument, Schema } from './document.js';
import { type BodyFormat, bodyFormat } from './media-type.js';
import { compileShape, scalarOf, type Shape } from './shape.js';
import { type MalformedReason, parseXml, XmlRefusedError } from './xml/parse.js';
import { addValue } from './members.js';
import { readXml, XmlShapeError } from './xml/read.js';
import { writeXml } from './xml/write.js';

/** The body could not be read as its media type says; `reason` says why. */
export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError';

  constructor(
    message: string,
    readonly reason: MalformedReason,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Reads and writes the bodies of one media type and one schema. Built once
 * per documented body, so that no schema is looked up while a message is
 * read or written.
 *
 * @example
 * const codec = createBodyCodec('application/xml', { $ref: '#/components/schemas/LoginRequest' }, doc);
 * codec.encode({ UserLogin: 'John.Doo', ApiKey: 'k' }); // '<Request><UserLogin>John.Doo</UserLogin>…'
 */
export interface BodyCodec {
  readonly mediaType: string;
  readonly format: BodyFormat;
  /** The value the text carries: JSON as sent, form and XML scalars typed by the schema. Throws `MalformedBodyError`. */
  decode(text: string): unknown;
  encode(value: unknown): string;
}

export function createBodyCodec(mediaType: string, schema: Schema, doc: OpenApiDocument): BodyCodec {
  const format = bodyFormat(mediaType);
  if (!format) throw new Error(`no codec reads ${mediaType}`);
  const shape = format === 'json' ? undefined : compileShape(schema, doc);
  return {
    mediaType,
    format,
    decode(text) {
      try {
        if (format === 'json') return JSON.parse(text);
        if (format === 'form') return decodeForm(text, shape as Shape);
        return readXml(parseXml(text), shape as Shape);
      } catch (err) {
        if (err instanceof MalformedBodyError) throw err;
        const reason = err instanceof XmlRefusedError ? err.reason : err instanceof XmlShapeError ? 'shape' : 'syntax';
        throw new MalformedBodyError((err as Error).message, reason, { cause: err });
      }
    },
    encode(value) {
      if (format === 'json') return JSON.stringify(value);
      if (format === 'form') return encodeForm(value);
      return writeXml(value, shape as Shape);
    },
  };
}

/**
 * A repeated field becomes an array, which a single-valued schema then
 * refuses; a field named `__proto__` is a field like any other (see
 * `addValue`). Percent-encoded bytes that are not UTF-8 decode
 * to U+FFFD, and are refused as the body's raw bytes would be.
 */
function decodeForm(text: string, shape: Shape): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, raw] of new URLSearchParams(text)) {
    if (key.includes('\uFFFD') || raw.includes('\uFFFD')) throw new MalformedBodyError('a field is not valid UTF-8 once percent-decoded', 'encoding');
    const property = shape.properties.get(key);
    addValue(result, key, property ? scalarOf(raw, property.shape) : raw);
  }
  return result;
}

/** Absent fields stay off the wire; every other value is written as text. */
function encodeForm(value: unknown): string {
  const form = new URLSearchParams();
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === undefined || field === null) continue;
    for (const item of Array.isArray(field) ? field : [field]) form.append(key, String(item));
  }
  return form.toString();
}
