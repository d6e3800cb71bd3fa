import type { components } from '@loginspec/aktion-client';
import { aktionContract } from './description.js';

export type ErrorResult = components['schemas']['ErrorResult'];
export type ErrorCode = ErrorResult['Code'];
type LoginRequest = components['schemas']['LoginRequest'];

const login = aktionContract.operation('login');

export type ErrorStatus = 400 | 401 | 413 | 415 | 500;

function tokenLifetimeSeconds(): number {
  const value = login.operation['x-token-lifetime-seconds'];
  if (typeof value !== 'number') throw new Error('the aktion description has no x-token-lifetime-seconds on login');
  return value;
}

function seedRequest(): LoginRequest {
  const value = login.operation.requestBody?.content?.['application/json']?.examples?.seed?.value;
  if (!value) throw new Error('the aktion description has no application/json login example "seed"');
  return value as LoginRequest;
}

/** Where the description shows an error code: the status of the response whose JSON example carries it, and its message. */
function documentedCode(code: ErrorCode): { status: ErrorStatus; message: string } {
  for (const status of Object.keys(login.operation.responses ?? {})) {
    const json = aktionContract.responseBodies(login, status).find((b) => b.mediaType === 'application/json');
    for (const name of Object.keys(json?.media.examples ?? {})) {
      const example = aktionContract.responseExample(login, status, name) as ErrorResult;
      if (example.Code === code) return { status: Number(status) as ErrorStatus, message: example.Message };
    }
  }
  throw new Error(`the aktion description shows no example of code ${code}`);
}

/** What the description states and the server obeys. */
export const documented = {
  tokenLifetimeSeconds: tokenLifetimeSeconds(),
  seedRequest: seedRequest(),
};

/** A documented error answer; `ModelStateErr` lists binding errors (1002 only). */
export function documentedError(code: ErrorCode, modelStateErrors: string[] = []) {
  const { status, message } = documentedCode(code);
  const body: ErrorResult = { Message: message, Code: code, ModelStateErr: modelStateErrors };
  return { status, body };
}
