/**
 * The error a documented refusal becomes.
 *
 * @module
 */

/** What an {@link ApiError} is made of. */
export interface ApiErrorInit<Code, Body, Status extends number> {
  /** The API's name as its vendor writes it, e.g. `EnOS`. */
  api: string;
  status: Status;
  code: Code;
  /** The vendor's message, as the answer gave it (credentials sent by the client blanked out). */
  reason: string;
  body: Body;
  headers: Headers;
}

/**
 * A documented refusal: the API answered one of its error bodies with a
 * status its description documents. `code` is the vendor's error code,
 * `reason` its message, `status` the HTTP status, `headers` the answer's
 * headers (e.g. `Retry-After` on an attempt limit). Each client raises a
 * subclass of its own (`EnosApiError`, …) whose `status`, `code` and `body`
 * are typed from its description.
 */
export class ApiError<Code = string | number, Body = unknown, Status extends number = number> extends Error {
  override readonly name: string = 'ApiError';
  readonly api: string;
  readonly status: Status;
  readonly code: Code;
  readonly reason: string;
  readonly body: Body;
  readonly headers: Headers;

  constructor({ api, status, code, reason, body, headers }: ApiErrorInit<Code, Body, Status>) {
    super(`${api} ${String(code)} (HTTP ${status}): ${reason}`);
    this.api = api;
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.body = body;
    this.headers = headers;
  }

  /** `Retry-After` in seconds, when the answer carries it as a number of seconds. */
  get retryAfterSeconds(): number | undefined {
    const value = this.headers.get('retry-after');
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  }
}

/** The constructor of an API's own ApiError subclass, which the error reader builds. */
export type ApiErrorClass<E extends ApiError<unknown, unknown, number>> = new (init: ApiErrorInit<E['code'], E['body'], E['status']>) => E;

type ErrorStatus<Key> = Key extends number ? (`${Key}` extends `4${string}` | `5${string}` ? Key : never) : never;

/**
 * The error statuses (4xx and 5xx) that the operations of a generated
 * `operations` interface document, as a union of literals: what a client's
 * error `status` can be, derived from its description rather than listed.
 *
 * @example
 * type EnosErrorStatus = ErrorStatusOf<operations>; // 400 | 401 | 404 | 413 | 415 | 429 | 503
 */
export type ErrorStatusOf<Operations> = {
  [Id in keyof Operations]: Operations[Id] extends { responses: infer Responses } ? ErrorStatus<keyof Responses> : never;
}[keyof Operations];
