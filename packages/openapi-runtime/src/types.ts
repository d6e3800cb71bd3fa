import type { ValidationIssue } from './schema-validator.js';

/**
 * The typed adapter between openapi-typescript's `operations[...]` types and
 * route handlers: a handler may only answer a status the description
 * documents, with that status's body type.
 */
/**
 * `body` serves every documented media type; `content` gives one body per
 * media type instead, for answers whose JSON and XML forms differ. One
 * member per status keeps `status` a discriminant TypeScript can narrow on.
 */
type ResponseOf<S, R> = R extends { content: infer C }
  ? { status: S; body?: C[keyof C]; content?: { [M in keyof C]: C[M] }; headers?: Record<string, string> }
  : { status: S; body?: undefined; headers?: Record<string, string> };

export type OperationResponse<Op> = Op extends { responses: infer Rs } ? { [S in keyof Rs & number]: ResponseOf<S, Rs[S]> }[keyof Rs & number] : never;

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
