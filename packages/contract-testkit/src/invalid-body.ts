import type { AnyDescription, RequestProblem } from '@loginspec/openapi-runtime';

/**
 * The problem the router makes of a request body that its schema refuses,
 * its issues from the description's own validator: for a unit test of a
 * server's `reject`. Throws when the body is not refused as invalid.
 *
 * @example
 * credentialsCode(invalidBodyProblem(xelion, 'login', 'application/json', '{"password":"p"}')); // 10002
 */
export function invalidBodyProblem(description: AnyDescription, operationId: string, mediaType: string, text: string): RequestProblem {
  const reading = description.plan(operationId).requestBody?.bodyFor(mediaType)?.read(text);
  if (!reading || reading.ok || !('issues' in reading)) throw new Error(`${operationId}: ${text} is not a ${mediaType} body its schema refuses`);
  return { kind: 'invalid-body', message: '', issues: reading.issues };
}
