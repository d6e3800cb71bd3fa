import type { components } from '@loginspec/eos-client';
import { resolveRef } from '@loginspec/openapi-runtime';
import { eosContract, eosDescription } from './description.js';

type LoginRequest = components['schemas']['LoginRequest'];
type LoginResponse = components['schemas']['LoginResponse'];
export type ErrorBody = components['schemas']['Error'];
export type ErrorCode = ErrorBody['code'];

const hello = eosContract.operation('hello');
const login = eosContract.operation('login');

function extension<T>(operation: typeof hello, name: string): T {
  const value = operation.operation[name];
  if (value === undefined) throw new Error(`the eos description has no ${name} on ${operation.operationId}`);
  return value as T;
}

/** What the description states and the server obeys: every number and text comes from here. */
export const documented = {
  helloLifetimeMs: extension<number>(hello, 'x-session-lifetime-seconds') * 1000,
  loginLifetimeMs: extension<number>(login, 'x-session-lifetime-seconds') * 1000,
  defaultDomain: extension<string>(login, 'x-default-domain'),
  seedRequest: requestExample('seed'),
  seedResponse: eosContract.responseExample(login, '200', 'seed') as LoginResponse,
  seedError: eosContract.responseExample(login, '403', 'seed') as ErrorBody,
};

function requestExample(name: string): LoginRequest {
  const example = login.operation.requestBody?.content?.['application/x-www-form-urlencoded']?.examples?.[name];
  if (!example?.value) throw new Error(`the eos description has no login request example "${name}"`);
  return example.value as LoginRequest;
}

/** The documented error for a code: the message of its example, the status of the response that shows it. */
export function documentedError(code: ErrorCode): { status: 403 | 413 | 415; body: ErrorBody } {
  for (const op of [login, hello]) {
    for (const status of ['403', '413', '415'] as const) {
      for (const { media } of eosContract.responseBodies(op, status)) {
        const bodies = Object.values(media.examples ?? {}).map((e) => resolveRef(eosDescription, e).value as ErrorBody | undefined);
        const body = bodies.find((b) => b?.code === code);
        if (body) return { status: Number(status) as 403 | 413 | 415, body };
      }
    }
  }
  throw new Error(`the eos description documents no example for code ${code}`);
}
