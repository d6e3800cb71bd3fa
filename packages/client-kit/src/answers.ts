/**
 * What a client knows of the request behind each answer, kept beside the
 * Response (openapi-fetch hands helpers the Response only): so that an
 * error can name the method, the URL and the operation, and blank out the
 * credentials the request carried.
 *
 * @module
 */
import type { Middleware } from 'openapi-fetch';
import { type Secrets, safeUrl } from './redact.js';
import type { RequestLine } from './response-errors.js';

export interface Answered extends RequestLine {
  /** The operation's path template (`/api/v1/{tenant}/me/login`), once the middleware has seen the answer. */
  schemaPath?: string;
  secrets?: Secrets;
}

const answers = new WeakMap<Response, Answered>();

/** Notes which request a response answers (the transport does, for each fetch). */
export function noteAnswer(response: Response, request: Request, secrets?: Secrets): void {
  answers.set(response, { method: request.method, url: safeUrl(request.url), secrets });
}

/** What is known of the request behind `response`, if it came through a client of this kit. */
export function answerOf(response: Response): Answered | undefined {
  return answers.get(response);
}

/**
 * Adds the operation to the answer's note. Installed first on every client,
 * so its `onResponse` runs last and sees the answer the helpers get, a
 * retried one included.
 */
export const operationNote: Middleware = {
  onResponse({ request, response, schemaPath }) {
    const known = answers.get(response);
    if (known) known.schemaPath = schemaPath;
    else answers.set(response, { method: request.method, url: safeUrl(request.url), schemaPath });
  },
};
