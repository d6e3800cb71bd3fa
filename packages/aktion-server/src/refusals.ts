import type { RequestProblem, ValidationIssue } from '@loginspec/openapi-runtime';
import { documentedError } from './documented.js';

/** ASP.NET's model-state wording, as the 1002 example shows it: `ApiKey: The ApiKey field is required.` */
function modelStateErrors(issues: ValidationIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.split('/').filter(Boolean).join('.') || 'body';
    // The runtime's message starts with the path; the field name replaces it.
    return issue.keyword === 'required' ? `${field}: The ${field} field is required.` : `${field}: ${issue.message.replace(/^\S+ /, '')}`;
  });
}

/** A request the runtime refused before the handler, as the documented error for it. */
export function refusal(problem: RequestProblem) {
  switch (problem.kind) {
    case 'unsupported-media-type':
      return documentedError(415);
    case 'body-too-large':
      return documentedError(413);
    case 'malformed-body':
      return documentedError(1002, [problem.message]);
    case 'invalid-body':
      return documentedError(1002, problem.issues.length > 0 ? modelStateErrors(problem.issues) : [problem.message]);
  }
}
