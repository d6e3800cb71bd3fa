import { ApiError, type ErrorStatusOf } from '@loginspec/client-kit';
import type { components, operations } from './generated/openapi.js';

export type EnosErrorBody = components['schemas']['ErrorResponse'];
export type EnosErrorCode = EnosErrorBody['code'];
/** Every error status an operation of the description documents. */
export type EnosErrorStatus = ErrorStatusOf<operations>;

/** A documented refusal of the EnOS Application Portal API: `code` is 31 followed by the HTTP status, `reason` the vendor's message. */
export class EnosApiError extends ApiError<EnosErrorCode, EnosErrorBody, EnosErrorStatus> {
  override readonly name: string = 'EnosApiError';
}
