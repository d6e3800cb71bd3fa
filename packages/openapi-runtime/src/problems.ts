import type { MalformedReason } from '@loginspec/codec';
import type { ValidationIssue } from './plan/validator.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/**
 * Why the runtime refused a request before it reached the handler. Each
 * server's `reject` turns a problem into one of its documented answers.
 */
export type RequestProblem =
  | { kind: 'invalid-parameter'; message: string; in: ParameterLocation; name: string; issues: readonly ValidationIssue[] }
  | { kind: 'unauthenticated'; message: string; reason: 'missing' | 'malformed' | 'refused'; schemes: string[] }
  | { kind: 'unsupported-media-type'; message: string }
  | { kind: 'body-too-large'; message: string }
  | { kind: 'missing-body'; message: string }
  | { kind: 'malformed-body'; message: string; reason: MalformedReason | 'encoding' | 'incomplete' }
  | { kind: 'invalid-body'; message: string; issues: readonly ValidationIssue[] };

export type ProblemKind = RequestProblem['kind'];
