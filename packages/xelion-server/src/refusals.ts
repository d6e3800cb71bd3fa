import { memoBy, type RequestProblem, type Target, type ValidationIssue } from '@loginspec/openapi-runtime';
import type { XelionErrorCode } from '@loginspec/xelion-client';

/**
 * The vendor's `info` of each target (what was asked), by method and then
 * path. The router gives the same target, the same path string, for the
 * same path again, so the lookup finds a string whose hash is known, and
 * the same (frozen) changes come back, so that its error answer is merged
 * and written once and then answered from memory (see ErrorAnswers).
 * Bounded as the router's targets are.
 */
const infos = new Map<string, (path: string) => { readonly body: { readonly info: string } }>();

export function infoOf(target: Target): { readonly body: { readonly info: string } } {
  let byPath = infos.get(target.method);
  if (!byPath) infos.set(target.method, (byPath = memoBy((path: string) => path, (path) => Object.freeze({ body: Object.freeze({ info: `resource=${target.method} ${path}` }) }), 256)));
  return byPath(target.path);
}

/** Which member an issue is about: its path's first step (`/userName` → `userName`; `''` for the body itself). */
function memberOf(issue: ValidationIssue): string {
  const end = issue.path.indexOf('/', 1);
  return issue.path.slice(1, end === -1 ? undefined : end);
}

/**
 * The Xelion code of a body that does not match its schema, by the order
 * the description lists: a member of the wrong type (or a body that is not
 * an object) is 10202, then a missing or empty `userName` 10002, `password`
 * 10003, `userSpace` 10011, a `userSpace` too long 10010.
 */
export function credentialsCode(problem: RequestProblem): XelionErrorCode {
  if (problem.kind !== 'invalid-body') return 10202;
  // One pass over the issues, then the first code in the documented order.
  let userName = false;
  let password = false;
  let userSpaceMissing = false;
  let userSpaceTooLong = false;
  for (const issue of problem.issues) {
    const member = issue.keyword === 'type' ? '' : memberOf(issue);
    if (member === '') return 10202;
    const missing = issue.keyword === 'required' || issue.keyword === 'minLength';
    if (member === 'userName') userName ||= missing;
    else if (member === 'password') password ||= missing;
    else if (member === 'userSpace') {
      userSpaceMissing ||= missing;
      userSpaceTooLong ||= issue.keyword === 'maxLength';
    }
  }
  if (userName) return 10002;
  if (password) return 10003;
  if (userSpaceMissing) return 10011;
  if (userSpaceTooLong) return 10010;
  return 10202;
}
