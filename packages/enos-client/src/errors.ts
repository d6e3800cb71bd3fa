import type { components } from './generated/openapi.js';

export type EnosErrorBody = components['schemas']['ErrorResponse'];

/** A documented error answer of the EnOS login API: `code` is 31 followed by the HTTP status. */
export class EnosApiError extends Error {
  override readonly name = 'EnosApiError';
  readonly status: number;
  readonly code: EnosErrorBody['code'];

  constructor(status: number, body: Pick<EnosErrorBody, 'code' | 'message'>) {
    super(`EnOS ${body.code}: ${body.message}`);
    this.status = status;
    this.code = body.code;
  }
}
