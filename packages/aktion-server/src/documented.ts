import type { components } from '@loginspec/aktion-client';
import { aktionContract, aktionDescription } from './description.js';

export type ErrorResult = components['schemas']['ErrorResult'];
export type ErrorCode = ErrorResult['Code'];
type ErrorStatus = 400 | 401 | 413 | 415 | 500;

const login = aktionContract.operation('login');

function tokenLifetimeSeconds(): number {
  const value = login.operation['x-token-lifetime-seconds'];
  if (typeof value !== 'number') throw new Error('the aktion description has no x-token-lifetime-seconds on login');
  return value;
}

/**
 * Each error code with the status of the response whose examples show it and
 * the message they give. Read once, at start-up: a code of the `ErrorResult`
 * enum that no example shows stops the server before it answers anything.
 */
function errorTable(): Map<ErrorCode, { status: ErrorStatus; message: string }> {
  const table = new Map<ErrorCode, { status: ErrorStatus; message: string }>();
  for (const status of Object.keys(login.operation.responses ?? {}).filter((s) => s !== '200')) {
    const json = aktionContract.responseBodies(login, status).find((b) => b.mediaType === 'application/json');
    for (const name of Object.keys(json?.media.examples ?? {})) {
      const example = aktionContract.responseExample(login, status, name) as ErrorResult;
      table.set(example.Code, { status: Number(status) as ErrorStatus, message: example.Message });
    }
  }
  const schema = aktionDescription.components?.schemas?.ErrorResult as { properties: { Code: { enum: ErrorCode[] } } };
  const undocumented = schema.properties.Code.enum.filter((code) => !table.has(code));
  if (undocumented.length > 0) throw new Error(`the aktion description shows no example of code ${undocumented.join(', ')}`);
  return table;
}

/** What the description states and the server obeys: every number and text comes from here. */
export const documented = {
  tokenLifetimeSeconds: tokenLifetimeSeconds(),
  errors: errorTable(),
};

/** A documented error answer; `ModelStateErr` lists binding errors (1002 only). */
export function documentedError(code: ErrorCode, modelStateErrors: string[] = []) {
  const { status, message } = documented.errors.get(code) as { status: ErrorStatus; message: string };
  const body: ErrorResult = { Message: message, Code: code, ModelStateErr: modelStateErrors };
  return { status, body };
}
