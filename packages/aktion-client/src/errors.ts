import type { ErrorResult } from './wire.js';

/** A documented refusal of the Aktion login API (1002, 1003, 1004, 413, 415, 500). */
export class AktionApiError extends Error {
  override readonly name = 'AktionApiError';
  readonly status: number;
  readonly code: ErrorResult['Code'];
  /** The binding errors behind a 1002 (ASP.NET's model state); empty otherwise. */
  readonly modelStateErrors: string[];

  constructor(status: number, body: ErrorResult) {
    super(`Aktion ${body.Code}: ${body.Message}`);
    this.status = status;
    this.code = body.Code;
    this.modelStateErrors = body.ModelStateErr;
  }
}
