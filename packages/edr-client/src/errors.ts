import { ApiError, type ErrorStatusOf } from '@loginspec/client-kit';
import type { components, operations } from './generated/openapi.js';

export type EdrErrorBody = components['schemas']['ErrorResponse'];
/** An error's `response.code`: its HTTP status. */
export type EdrErrorCode = components['schemas']['ErrorStatus']['code'];
/** Every error status an operation of the description documents. */
export type EdrErrorStatus = ErrorStatusOf<operations>;

/** A refusal of the EDR API (every one is this project's; see the description): `code` is the HTTP status, `reason` the message. */
export class EdrApiError extends ApiError<EdrErrorCode, EdrErrorBody, EdrErrorStatus> {
  override readonly name: string = 'EdrApiError';
}
