import { memoBy, type RequestProblem, type Target, type ValidationIssue } from '@loginspec/openapi-runtime';
import type { XelionErrorCode } from '@loginspec/xelion-client';

/**
 * The vendor's `info`: what was asked. The same target gets the very same
 * (frozen) changes, so that its error answer is merged and written once and
 * then answered from memory (see ErrorAnswers); the memory is bounded, as a
 * client may name endless tenants.
 */
export const infoOf: (target: Target) => { readonly body: { readonly info: string } } = memoBy(
  (target: Target) => `${target.method} ${target.path}`,
  (target) => Object.freeze({ body: Object.freeze({ info: `resource=${target.method} ${target.path}` }) }),
);

/** Which member an issue is about: its path's first step. */
const memberOf = (issue: ValidationIssue) => issue.path.split('/')[1] ?? '';

/**
 * The Xelion code of a body that does not match its schema, by the order
 * the description lists: a member of the wrong type (or a body that is not
 * an object) is 10202, then a missing or empty `userName` 10002, `password`
 * 10003, `userSpace` 10011, a `userSpace` too long 10010.
 */
export function credentialsCode(problem: RequestProblem): XelionErrorCode {
  if (problem.kind !== 'invalid-body') return 10202;
  const { issues } = problem;
  if (issues.some((issue) => issue.keyword === 'type' || memberOf(issue) === '')) return 10202;
  const about = (member: string, keywords: string[]) => issues.some((issue) => memberOf(issue) === member && keywords.includes(issue.keyword));
  if (about('userName', ['required', 'minLength'])) return 10002;
  if (about('password', ['required', 'minLength'])) return 10003;
  if (about('userSpace', ['required', 'minLength'])) return 10011;
  if (about('userSpace', ['maxLength'])) return 10010;
  return 10202;
}
