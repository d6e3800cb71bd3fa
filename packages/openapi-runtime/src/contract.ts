import { bodyFormat } from './media-type.js';
import {
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationRef,
  atPointer,
  escapePointer,
  findOperation,
  listOperations,
  resolveRef,
} from './document.js';
import { SchemaValidator } from './schema-validator.js';

export interface BodySchema {
  mediaType: string;
  /** JSON pointer of the schema in the document, for the validator. */
  pointer: string;
  media: MediaTypeObject;
}

/** A description ready to check messages against: its operations and compiled schemas. */
export class Contract {
  readonly doc: OpenApiDocument;
  readonly validator: SchemaValidator;

  constructor(doc: OpenApiDocument) {
    this.doc = doc;
    this.validator = new SchemaValidator(doc);
    // Compile every body schema now: a description Ajv cannot compile fails at start-up, not on the first request.
    for (const op of listOperations(doc)) {
      for (const body of this.requestBodies(op)) this.validator.prepare(body.pointer, bodyFormat(body.mediaType) !== 'json');
      for (const status of Object.keys(op.operation.responses ?? {})) {
        for (const body of this.responseBodies(op, status)) this.validator.prepare(body.pointer, bodyFormat(body.mediaType) !== 'json');
      }
    }
  }

  operation(operationId: string): OperationRef {
    return findOperation(this.doc, operationId);
  }

  requestBodies(op: OperationRef): BodySchema[] {
    return this.#bodies(`${op.pointer}/requestBody`);
  }

  responseBodies(op: OperationRef, status: string): BodySchema[] {
    return this.#bodies(`${op.pointer}/responses/${escapePointer(status)}`);
  }

  /** Media types and schema pointers below a request body or response, following a `$ref` to components. */
  #bodies(pointer: string): BodySchema[] {
    let at = pointer;
    let node = this.#at(pointer) as { $ref?: string; content?: Record<string, MediaTypeObject> } | undefined;
    if (node?.$ref) {
      at = node.$ref;
      node = resolveRef(this.doc, node);
    }
    return Object.entries(node?.content ?? {})
      .filter(([, media]) => media.schema !== undefined)
      .map(([mediaType, media]) => ({ mediaType, media, pointer: `${at}/content/${escapePointer(mediaType)}/schema` }));
  }

  /**
   * The value of a documented response example: the one named `name`, else
   * the first. Servers take their fixed texts from here so that the
   * description stays the only place they are written.
   */
  responseExample(op: OperationRef, status: string, name?: string): unknown {
    for (const { media } of this.responseBodies(op, status)) {
      const examples = Object.entries(media.examples ?? {});
      const found = name === undefined ? examples[0] : examples.find(([key]) => key === name);
      if (found) return (resolveRef(this.doc, found[1]) as { value?: unknown }).value;
    }
    throw new Error(`${op.operationId} ${status} has no example${name === undefined ? '' : ` named "${name}"`}`);
  }

  #at(pointer: string): unknown {
    try {
      return atPointer(this.doc, pointer);
    } catch {
      return undefined;
    }
  }
}
