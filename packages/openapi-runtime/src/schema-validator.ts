import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './document.js';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface ValidationIssue {
  /** JSON pointer into the validated value, `''` for the value itself. */
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type ValidationResult = { valid: true; value: unknown } | { valid: false; issues: ValidationIssue[] };

/** OpenAPI keywords a Schema Object may carry that are annotations, not assertions. */
const OPENAPI_ANNOTATIONS = ['xml', 'example', 'discriminator', 'externalDocs'];

const DOCUMENT_ID = 'openapi:document';

function createAjv(doc: OpenApiDocument, coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, coerceTypes });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_ANNOTATIONS);
  // Ajv compiles the document it is given as a schema before resolving a
  // pointer into it; the document's own fields (openapi, info, paths, ...) are
  // declared as keywords without meaning so that schemas are addressed where
  // they stand and their local $refs resolve unchanged.
  ajv.addVocabulary(Object.keys(doc).filter((key) => !ajv.getKeyword(key)));
  ajv.addSchema(doc, DOCUMENT_ID);
  return ajv;
}

/**
 * Validates values against the schemas of one description, addressed by JSON
 * pointer. JSON is checked as sent; form and XML bodies arrive as text, so
 * their values are coerced to the schema's types first (`coerce`).
 */
export class SchemaValidator {
  readonly #strict: Ajv2020;
  readonly #coercing: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.#strict = createAjv(doc, false);
    this.#coercing = createAjv(doc, true);
  }

  /** Compiles every schema up front, so a broken description fails at start-up, not on a request. */
  prepare(pointer: string, coerce = false): void {
    this.#validator(pointer, coerce);
  }

  /** `pointer` is a JSON pointer fragment such as `#/components/schemas/Item`. */
  validate(pointer: string, value: unknown, coerce = false): ValidationResult {
    const validate = this.#validator(pointer, coerce);
    // With `coerce`, Ajv rewrites the properties of `value` in place to the schema's types.
    if (validate(value)) return { valid: true, value };
    return { valid: false, issues: (validate.errors ?? []).map(toIssue) };
  }

  #validator(pointer: string, coerce: boolean): ValidateFunction {
    const key = `${coerce}:${pointer}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = (coerce ? this.#coercing : this.#strict).compile({ $ref: `${DOCUMENT_ID}${encodeURI(pointer)}` });
      this.#compiled.set(key, validate);
    }
    return validate;
  }
}

function toIssue(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
  return {
    path: error.instancePath + missing,
    message: `${error.instancePath || 'body'} ${error.message ?? 'is invalid'}`,
    keyword: error.keyword,
    params,
  };
}
