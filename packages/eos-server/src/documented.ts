import type { components } from '@loginspec/eos-client';
import { type OperationRef, resolveRef } from '@loginspec/openapi-runtime';
import { eosContract, eosDescription } from './description.js';
import type { SessionLifetimes } from './sessions.js';

type LoginRequest = components['schemas']['LoginRequest'];
type LoginResponse = components['schemas']['LoginResponse'];
export type ErrorBody = components['schemas']['Error'];
export type ErrorCode = ErrorBody['code'];

const ops = { hello: eosContract.operation('hello'), login: eosContract.operation('login') };

function extension<T>(op: OperationRef, name: string): T {
  const value = op.operation[name];
  if (value === undefined) throw new Error(`the eos description has no ${name} on ${op.operationId}`);
  return value as T;
}

function seedRequest(): LoginRequest {
  const example = ops.login.operation.requestBody?.content?.['application/x-www-form-urlencoded']?.examples?.seed;
  const value = example && resolveRef(eosDescription, example).value;
  if (!value) throw new Error('the eos description has no login request example "seed"');
  return value as LoginRequest;
}

/** What the description states and the server obeys: every number and text comes from here. */
export const documented = {
  lifetimes: {
    helloMs: extension<number>(ops.hello, 'x-session-lifetime-seconds') * 1000,
    loginMs: extension<number>(ops.login, 'x-session-lifetime-seconds') * 1000,
  } satisfies SessionLifetimes,
  defaultDomain: extension<string>(ops.login, 'x-default-domain'),
  /** The page's curl request: the demo user's credentials and the demo session. */
  seedRequest: seedRequest(),
  /** The page's (repaired) answer: the demo user's profile and apps. */
  seedResponse: eosContract.responseExample(ops.login, '200', 'seed') as LoginResponse,
};

export interface Refusal {
  status: 403 | 413 | 415;
  body: ErrorBody;
}

/**
 * An operation's documented refusals by code: the body of the example that
 * shows the code, and the status of the response it is documented under.
 */
function documentedRefusals(op: OperationRef): ReadonlyMap<ErrorCode, Refusal> {
  const refusals = new Map<ErrorCode, Refusal>();
  for (const status of Object.keys(op.operation.responses ?? {}).filter((s) => Number(s) >= 400)) {
    for (const { media } of eosContract.responseBodies(op, status)) {
      for (const example of Object.values(media.examples ?? {})) {
        const body = resolveRef(eosDescription, example).value as ErrorBody;
        refusals.set(body.code, { status: Number(status) as Refusal['status'], body });
      }
    }
  }
  return refusals;
}

const refusals = { hello: documentedRefusals(ops.hello), login: documentedRefusals(ops.login) };

/** The documented answer of `operationId` for an error `code`. */
export function refusal(operationId: keyof typeof refusals, code: ErrorCode): Refusal {
  const found = refusals[operationId].get(code);
  if (!found) throw new Error(`the eos description shows no example of code ${code} for ${operationId}`);
  return found;
}
