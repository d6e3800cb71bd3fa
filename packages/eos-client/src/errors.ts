import { ApiError, type ErrorStatusOf } from '@loginspec/client-kit';
import type { components, operations } from './generated/openapi.js';

export type EosErrorBody = components['schemas']['Error'];
export type EosErrorCode = EosErrorBody['code'];
/** Every error status an operation of the description documents. */
export type EosErrorStatus = ErrorStatusOf<operations>;

/** A documented refusal of the EOS login API: `code` says why (see the description's `Error.code`), `reason` is the message. */
export class EosApiError extends ApiError<EosErrorCode, EosErrorBody, EosErrorStatus> {
  override readonly name: string = 'EosApiError';
}
