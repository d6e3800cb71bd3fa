import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '@loginspec/codec';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface ValidationIssue {
  /** JSON pointer into the validated value, `''` for the value itself. */
  path: string;
  /** The issue in a sentence that names the value: `body/count must be >= 0`. */
  message: string;
  /** Ajv's words for it, without a subject: `must be >= 0`. */
  reason: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Answers the issues of a value (frozen), or undefined when it is valid. */
export type Validate = (value: unknown) => readonly ValidationIssue[] | undefined;

/** OpenAPI keywords a Schema Object may carry that are annotations, not assertions. */
const OPENAPI_ANNOTATIONS = ['xml', 'example', 'discriminator', 'externalDocs'];

const DOCUMENT_ID = 'openapi:document';

/** Every `x-` key of the document: extensions that may sit inside schemas, which strict Ajv must know as annotations. */
function extensionKeys(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeys(item, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeys(value, found);
    }
  }
  return found;
}

/**
 * Compiles validators for the schemas of one description, addressed by JSON
 * pointer, with one strict Ajv (draft 2020-12, as OpenAPI 3.1). Values are
 * validated as they are: text from forms, XML and parameters is typed by
 * the codec before it gets here, so Ajv never coerces.
 */
export class SchemaValidator {
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, Validate>();

  constructor(doc: OpenApiDocument) {
    this.#ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(this.#ajv);
    this.#ajv.addVocabulary([...OPENAPI_ANNOTATIONS, ...extensionKeys(doc)]);
    // Ajv reads the document it is given as a schema before resolving a
    // pointer into it; the document's own fields (openapi, info, paths, ...)
    // are declared as keywords without meaning, so that schemas are addressed
    // where they stand and their local $refs resolve unchanged.
    this.#ajv.addVocabulary(Object.keys(doc).filter((key) => !this.#ajv.getKeyword(key)));
    this.#ajv.addSchema(doc, DOCUMENT_ID);
  }

  /**
   * The validator of the schema at `pointer` (`#/components/schemas/Item`),
   * compiled once. Issue messages name the value `label` (`body must be object`).
   */
  at(pointer: string, label = 'body'): Validate {
    return this.#memo(pointer, label, () => ({ $ref: `${DOCUMENT_ID}${encodeURI(pointer)}` }));
  }

  /**
   * The validator of an object whose members are the schemas at the given
   * pointers: a location's parameters, checked in one call.
   */
  members(key: string, members: { name: string; pointer: string; required: boolean }[], label: string): Validate {
    return this.#memo(key, label, () => ({
      type: 'object',
      properties: Object.fromEntries(members.map((m) => [m.name, { $ref: `${DOCUMENT_ID}${encodeURI(m.pointer)}` }])),
      required: members.filter((m) => m.required).map((m) => m.name),
    }));
  }

  #memo(key: string, label: string, schema: () => object): Validate {
    let validate = this.#compiled.get(`${label} ${key}`);
    if (!validate) {
      const compiled: ValidateFunction = this.#ajv.compile(schema());
      // The last refusal, whose issues are answered again, the very same array, for errors that say the same:
      // a client repeating a bad request costs no new issues, and what is kept by them is found by identity.
      let last: { errors: ErrorObject[]; issues: readonly ValidationIssue[] } | undefined;
      validate = (value) => {
        if (compiled(value)) return undefined;
        const errors = compiled.errors ?? [];
        if (last !== undefined && sameErrors(last.errors, errors)) return last.issues;
        last = { errors, issues: Object.freeze(errors.map((error) => Object.freeze(toIssue(error, label)))) };
        return last.issues;
      };
      this.#compiled.set(`${label} ${key}`, validate);
    }
    return validate;
  }
}

/**
 * Errors that say the same: Ajv words an error from its keyword and
 * parameters, at its place in the value and in the schema. Compared by
 * those rather than by message, a string made per call whose comparison
 * would first copy it flat. One place in the schema makes its errors with
 * one set of parameter names, so only their values are compared.
 */
function sameErrors(a: readonly ErrorObject[], b: readonly ErrorObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ErrorObject;
    const y = b[i] as ErrorObject;
    if (x.schemaPath !== y.schemaPath || x.keyword !== y.keyword || x.instancePath !== y.instancePath) return false;
    const params = y.params as Record<string, unknown>;
    for (const name in x.params) if ((x.params as Record<string, unknown>)[name] !== params[name]) return false;
  }
  return true;
}

function toIssue(error: ErrorObject, label: string): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  // A missing or unexpected member is named in the path, so that the issue points at it.
  const member = params.missingProperty ?? params.additionalProperty;
  const named = typeof member === 'string' ? `/${member}` : '';
  const reason = error.message ?? 'is invalid';
  return {
    path: error.instancePath + named,
    message: `${label}${error.instancePath} ${reason}`,
    reason,
    keyword: error.keyword,
    params,
  };
}
