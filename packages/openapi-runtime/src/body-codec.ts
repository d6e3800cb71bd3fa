import type { OpenApiDocument, Schema } from './document.js';

export type { OpenApiDocument, Schema } from './document.js';
export type { BodyFormat } from './media-type.js';
import type { BodyFormat } from './media-type.js';
import { parseXml } from './xml/parse.js';
import { readXml } from './xml/read.js';
import { writeXml } from './xml/write.js';

/** The body could not be read as its media type says. */
export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError';
}

/**
 * Reads a body into the value its schema describes. JSON keeps its types;
 * form and XML values are text, coerced later by the validator.
 */
export function decodeBody(format: BodyFormat, text: string, schema: Schema, doc: OpenApiDocument): unknown {
  try {
    switch (format) {
      case 'json':
        return JSON.parse(text);
      case 'form':
        return decodeForm(text);
      case 'xml':
        return readXml(parseXml(text), schema, doc);
    }
  } catch (err) {
    throw new MalformedBodyError((err as Error).message, { cause: err });
  }
}

export function encodeBody(format: BodyFormat, value: unknown, schema: Schema, doc: OpenApiDocument): string {
  switch (format) {
    case 'json':
      return JSON.stringify(value);
    case 'form':
      return new URLSearchParams(value as Record<string, string>).toString();
    case 'xml':
      return writeXml(value, schema, doc);
  }
}

/** A repeated field becomes an array, which a single-valued schema then refuses. */
function decodeForm(text: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = result[key];
    result[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return result;
}
