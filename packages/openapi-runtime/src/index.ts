export { Contract, type BodySchema } from './contract.js';
export {
  type OpenApiDocument,
  type OperationObject,
  type OperationRef,
  type Schema,
  findOperation,
  listOperations,
  resolveRef,
  toHonoPath,
} from './document.js';
export { negotiateMediaType } from './negotiate.js';
export { bodyFormat, parseMediaType, type BodyFormat, type MediaType } from './media-type.js';
export { decodeBody, encodeBody, MalformedBodyError } from './body-codec.js';
export { SchemaValidator, type ValidationIssue, type ValidationResult } from './schema-validator.js';
export { DEFAULT_MAX_BODY_BYTES, operationRouter, type OperationHandlers, type OperationRequest, type RouterOptions } from './route.js';
export type { OperationBody, OperationResponse, RequestProblem } from './types.js';
