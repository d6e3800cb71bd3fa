import { ApiError, type ErrorStatusOf } from '@loginspec/client-kit';
import type { operations } from './generated/openapi.js';
import type { ErrorResult } from './wire.js';

export type AktionErrorCode = ErrorResult['Code'];
/** Every error status an operation of the description documents. */
export type AktionErrorStatus = ErrorStatusOf<operations>;

/** A documented refusal of the Aktion API (1002, 1003, 1004, 401, 413, 415, 429, 500, 503); `reason` is its `Message`, `body.ModelStateErr` lists binding errors. */
export class AktionApiError extends ApiError<AktionErrorCode, ErrorResult, AktionErrorStatus> {
  override readonly name: string = 'AktionApiError';
}
