import type { ErrorResult, operations } from '@loginspec/aktion-client';
import { memoBy, type Reject, type RequestProblem, type ValidationIssue } from '@loginspec/openapi-runtime';
import { aktion } from './description.js';

const login = aktion.errors('login');
/** The documented answer to a DOCTYPE: its binding error is the description's own wording. */
const doctypeRefused = aktion.responseExample<ErrorResult>('login', 400, 'doctypeRefused', 'application/json');

/** ASP.NET's model-state wording, as the 1002 example shows it: `ApiKey: The ApiKey field is required.` */
function modelStateErrors(issues: readonly ValidationIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.split('/').filter(Boolean).join('.') || 'body';
    return issue.keyword === 'required' ? `${field}: The ${field} field is required.` : `${field}: ${issue.reason}`;
  });
}

/** The binding errors of a problem other than an invalid body's. */
function bindingErrors(problem: RequestProblem): string[] {
  if (problem.kind === 'malformed-body' && problem.reason === 'doctype') return doctypeRefused.ModelStateErr;
  return [problem.message];
}

/**
 * The binding errors of a problem, remembered so that the same bad request,
 * sent again, brings the same changes object, whose answer the runtime has
 * already written: an invalid body's by its issues (the runtime gives a
 * repeated refusal the very same frozen issues, so the last is kept), any
 * other problem's by its kind and message.
 */
const byMessage = memoBy(
  (problem: RequestProblem) => `${problem.kind}\n${problem.message}`,
  (problem) => ({ body: { ModelStateErr: bindingErrors(problem) } }),
);
let lastInvalid: { issues: readonly ValidationIssue[]; answer: { body: { ModelStateErr: string[] } } } | undefined;

function bindingAnswer(problem: RequestProblem): { body: { ModelStateErr: string[] } } {
  if (problem.kind !== 'invalid-body') return byMessage(problem);
  if (lastInvalid?.issues !== problem.issues) lastInvalid = { issues: problem.issues, answer: { body: { ModelStateErr: modelStateErrors(problem.issues) } } };
  return lastInvalid.answer;
}

/** A request the runtime refused before the handler, as its documented error; a 1002 lists what failed to bind. */
export const refusal: Reject<operations['login']> = login.rejectWith(
  { 'unsupported-media-type': 415, 'body-too-large': 413, 'missing-body': 1002, 'malformed-body': 1002, 'invalid-body': 1002 },
  (problem) => (problem.kind === 'unsupported-media-type' || problem.kind === 'body-too-large' ? undefined : bindingAnswer(problem)),
);
