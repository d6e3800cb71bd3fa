import type { RequestProblem, Target, ValidationIssue } from '@loginspec/openapi-runtime';
import type { XelionErrorCode } from '@loginspec/xelion-client';

/** The vendor's `info` of each target: what was asked. */
const infos = new WeakMap<Target, { readonly body: { readonly info: string } }>();

/**
 * The vendor's `info`: what was asked. The router gives the same target
 * object for the same path again, and so gets the very same (frozen) changes
 * here, so that its error answer is merged and written once and then
 * answered from memory (see ErrorAnswers); the memory goes with the target.
 */
export function infoOf(target: Target): { readonly body: { readonly info: string } } {
  let info = infos.get(target);
  if (!info) infos.set(target, (info = Object.freeze({ body: Object.freeze({ info: `resource=${target.method} ${target.path}` }) })));
  return info;
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
