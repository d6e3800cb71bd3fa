/**
 * The errors a loginspec client raises for an answer that is not a success.
 *
 * @module
 */
import { type ErrorFields, memberAt } from '@loginspec/codec';

/**
 * A documented refusal: the API answered one of its error bodies. `code` is
 * the vendor's error code, `status` the HTTP status, `headers` the answer's
 * headers (e.g. `Retry-After` on an attempt limit).
 */
export class ApiError<Code = string | number, Body = unknown> extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The API's name as its vendor writes it, e.g. `EnOS`. */
    readonly api: string,
    readonly status: number,
    readonly code: Code,
    /** The vendor's message, as the answer gave it. */
    readonly reason: string,
    readonly body: Body,
    readonly headers: Headers,
  ) {
    super(`${api} ${String(code)} (HTTP ${status}): ${reason}`);
  }

  /** `Retry-After` in seconds, when the answer carries it as a number of seconds. */
  get retryAfterSeconds(): number | undefined {
    const value = this.headers.get('retry-after');
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  }
}

/**
 * The server answered something its description does not document for the
 * operation: a wrong base URL (an HTML 404), a proxy's error page, a body
 * without the API's error fields.
 */
export class UndocumentedResponseError extends Error {
  override readonly name = 'UndocumentedResponseError';

  constructor(
    readonly api: string,
    readonly status: number,
    readonly contentType: string | null,
  ) {
    super(`${api} answered HTTP ${status} as ${contentType ?? 'no content type'}, which its description does not document for this operation (is the base URL right?)`);
  }
}

/**
 * How one API's error bodies carry their code and message, by member path.
 * A body without both (a proxy's page, a wrong base URL) is undocumented.
 *
 * @example
 * const errors = errorReader<EnosErrorCode>('EnOS', errorFieldsOf(description));
 * if (!data) throw errors.from(response, error);
 */
export function errorReader<Code extends string | number>(api: string, paths: ErrorFields) {
  return {
    /** The error to raise for a failed answer and its parsed body. */
    from(response: Response, body: unknown): ApiError<Code> | UndocumentedResponseError {
      const code = memberAt(body, paths.code);
      const message = memberAt(body, paths.message);
      if ((typeof code !== 'string' && typeof code !== 'number') || typeof message !== 'string') {
        return new UndocumentedResponseError(api, response.status, response.headers.get('content-type'));
      }
      return new ApiError(api, response.status, code as Code, message, body, response.headers);
    },
  };
}
