import type { components } from './generated/openapi.js';

export type EosErrorBody = components['schemas']['Error'];

/** A documented refusal of the EOS login API: `code` says why (see the description's `Error.code`). */
export class EosApiError extends Error {
  override readonly name = 'EosApiError';
  readonly status: number;
  readonly code: EosErrorBody['code'];

  constructor(status: number, body: EosErrorBody) {
    super(`EOS ${body.code}: ${body.message}`);
    this.status = status;
    this.code = body.code;
  }
}
