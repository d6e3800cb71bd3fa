import type { RequestProblem } from '@loginspec/openapi-runtime';
import { describe, expect, it } from 'vitest';
import { aktion } from './description.js';
import { refusal } from './refusals.js';

const body = aktion.plan('login').requestBody?.bodyFor('application/json');
const target = { method: 'POST', path: '/login' };

/** The problem the router makes of a JSON login body, its issues from the description's own validator. */
function problemOf(text: string): RequestProblem {
  const reading = body?.read(text);
  if (!reading || reading.ok || !('issues' in reading)) throw new Error(`${text} is not an invalid body`);
  return { kind: 'invalid-body', message: '', issues: reading.issues };
}

describe('refusal', () => {
  it('lists each body its own binding errors when bad bodies alternate, and a repeated one the same', () => {
    const noUserLogin = '{"ApiKey":"k"}';
    const noApiKey = '{"UserLogin":"u"}';
    const listed = [noUserLogin, noApiKey, noUserLogin, noUserLogin, noApiKey].map((text) => (refusal(problemOf(text), target).body as { ModelStateErr: string[] }).ModelStateErr);
    const userLogin = ['UserLogin: The UserLogin field is required.'];
    const apiKey = ['ApiKey: The ApiKey field is required.'];
    expect(listed).toEqual([userLogin, apiKey, userLogin, userLogin, apiKey]);
  });
});
