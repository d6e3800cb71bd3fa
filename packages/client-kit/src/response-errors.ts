/**
 * The errors raised when no documented answer arrives: an answer the
 * description does not document, or no answer at all. Their messages name
 * the API, the method and the URL, never a credential (see `safeUrl`).
 *
 * @module
 */

/** Which request an error is about; `url` has no query values and no user info (see `safeUrl`). */
export interface RequestLine {
  method: string;
  url: string;
}

const to = (request: RequestLine | undefined) => (request ? ` to ${request.method} ${request.url}` : '');

/**
 * The server answered something its description does not document for the
 * operation: a wrong base URL (an HTML 404), a proxy's error page, a body
 * without the API's error fields.
 */
export class UndocumentedResponseError extends Error {
  override readonly name = 'UndocumentedResponseError';
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(
    readonly api: string,
    readonly status: number,
    readonly contentType: string | null,
    request?: RequestLine,
  ) {
    super(`${api} answered HTTP ${status} as ${contentType ?? 'no content type'}${to(request)}, which its description does not document for this operation (is the base URL right?)`);
    this.method = request?.method;
    this.url = request?.url;
  }
}

/**
 * No answer arrived: the connection was refused or cut, the name did not
 * resolve, TLS failed. `cause` is what `fetch` threw.
 */
export class NetworkError extends Error {
  override readonly name: string = 'NetworkError';
  readonly method: string;
  readonly url: string;

  constructor(
    readonly api: string,
    request: RequestLine,
    cause: unknown,
    what = `failed before an answer arrived (${describe(cause)})`,
  ) {
    super(`${api}: ${request.method} ${request.url} ${what}`, { cause });
    this.method = request.method;
    this.url = request.url;
  }
}

/** No answer arrived within the client's `timeoutMs`. */
export class TimeoutError extends NetworkError {
  override readonly name: string = 'TimeoutError';

  constructor(
    api: string,
    request: RequestLine,
    readonly timeoutMs: number,
    cause?: unknown,
  ) {
    super(api, request, cause, `got no answer within ${timeoutMs} ms`);
  }
}

/** Why fetch failed, in a few words: undici hides the system error (ECONNREFUSED, …) in its cause. */
function describe(error: unknown): string {
  const inner = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof inner?.code === 'string') return inner.code;
  if (typeof inner?.message === 'string') return inner.message;
  return error instanceof Error ? error.message : String(error);
}
