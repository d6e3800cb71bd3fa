import { ApiError, type ErrorStatusOf } from '@loginspec/client-kit';
import type { components, operations } from './generated/openapi.js';

export type XelionErrorBody = components['schemas']['Error'];
export type XelionErrorCode = XelionErrorBody['errorCode'];
/** Every error status an operation of the description documents. */
export type XelionErrorStatus = ErrorStatusOf<operations>;

/** A refusal of the Xelion API: `code` is the Xelion error code (10013 or 10012: MFA required), `reason` its message. */
export class XelionApiError extends ApiError<XelionErrorCode, XelionErrorBody, XelionErrorStatus> {
  override readonly name: string = 'XelionApiError';
}
