import type { ValidationIssue } from './schema-validator.js';

/**
 * The typed adapter between openapi-typescript's `operations[...]` types and
 * route handlers: a handler may only answer a status the description
 * documents, with that status's body type.
 */
type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

export type OperationResponse<Op> = Op extends { responses: infer Rs }
  ? {
      [S in keyof Rs & number]: { status: S; body: ContentOf<Rs[S]>; headers?: Record<string, string> };
    }[keyof Rs & number]
  : never;

export type OperationBody<Op> = Op extends { requestBody: { content: infer C } }
  ? C[keyof C]
  : Op extends { requestBody?: { content: infer C } }
    ? C[keyof C] | undefined
    : undefined;

/** Why the runtime refused a request before it reached the handler. */
export type RequestProblem =
  | { kind: 'unsupported-media-type'; message: string }
  | { kind: 'body-too-large'; message: string }
  | { kind: 'malformed-body'; message: string }
  | { kind: 'invalid-body'; message: string; issues: ValidationIssue[] };
