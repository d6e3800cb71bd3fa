import type { RequestProblem } from '@loginspec/openapi-runtime';
import { describe, expect, it } from 'vitest';
import { xelion } from './description.js';
import { credentialsCode } from './refusals.js';

const body = xelion.plan('login').requestBody?.bodyFor('application/json');

/** The problem the router makes of a JSON login body, its issues from the description's own validator. */
function problemOf(text: string): RequestProblem {
  const reading = body?.read(text);
  if (!reading || reading.ok || !('issues' in reading)) throw new Error(`${text} is not an invalid body`);
  return { kind: 'invalid-body', message: '', issues: reading.issues };
}

describe('credentialsCode', () => {
  it('answers each body its own code when bad bodies alternate, and a repeated one the same', () => {
    const noUserName = '{"password":"p","userSpace":"s"}';
    const noPassword = '{"userName":"u","userSpace":"s"}';
    const codes = [noUserName, noPassword, noUserName, noUserName, noPassword].map((text) => credentialsCode(problemOf(text)));
    expect(codes).toEqual([10002, 10003, 10002, 10002, 10003]);
  });
});
