import { type BodyCodec, MalformedBodyError, type MalformedReason } from '@loginspec/codec';
import type { ExampleObject } from '../description/operations.js';
import type { ValidationIssue, Validate } from './validator.js';

export type BodyReading = { ok: true; value: unknown } | { ok: false; malformed: string; reason: MalformedReason } | { ok: false; issues: readonly ValidationIssue[] };

/**
 * One documented body: a media type, its codec and its schema's validator.
 * `read` is "decode, then validate", the one way this project reads a body,
 * whether a server reads a request or a test reads a response.
 */
export interface BodyPlan {
  readonly mediaType: string;
  /** The Content-Type of an answer in it: `application/json; charset=utf-8`. */
  readonly contentType: string;
  readonly codec: BodyCodec;
  /** JSON pointer of the schema. */
  readonly schemaPointer: string;
  /** The Media Type Object's examples, by name, `$ref`s resolved. */
  readonly examples: ReadonlyMap<string, ExampleObject>;
  read(text: string): BodyReading;
  write(value: unknown): string;
}

export function bodyPlan(codec: BodyCodec, schemaPointer: string, validate: Validate, examples: ReadonlyMap<string, ExampleObject>): BodyPlan {
  // A frozen value cannot change, so its text is written once: documented answers are frozen.
  const written = new WeakMap<object, string>();
  return {
    mediaType: codec.mediaType,
    contentType: `${codec.mediaType}; charset=utf-8`,
    codec,
    schemaPointer,
    examples,
    read(text) {
      let value: unknown;
      try {
        value = codec.decode(text);
      } catch (err) {
        if (!(err instanceof MalformedBodyError)) throw err;
        return { ok: false, malformed: err.message, reason: err.reason };
      }
      const issues = validate(value);
      return issues ? { ok: false, issues } : { ok: true, value };
    },
    write(value) {
      if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return codec.encode(value);
      let text = written.get(value);
      if (text === undefined) written.set(value, (text = codec.encode(value)));
      return text;
    },
  };
}
