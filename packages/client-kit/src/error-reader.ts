import { errorFieldsOf, memberAt } from '@loginspec/codec';
import { answerOf } from './answers.js';
import type { ApiError, ApiErrorClass } from './api-error.js';
import { type Described, documentsStatus } from './description.js';
import { UndocumentedResponseError } from './response-errors.js';

/** What the reader needs of a description: its paths, and the one error schema with `x-error-fields`. */
export type ErrorDescription = Described & { components?: { schemas?: Record<string, unknown> } };

export interface ErrorReader<E extends ApiError<unknown, unknown, number>> {
  /** The error to raise for a failed answer and its parsed body. */
  from(response: Response, body: unknown): E | UndocumentedResponseError;
}

/**
 * Reads one API's refusals. An answer becomes the API's own error (`E`) when
 * its operation documents its status and the body carries the code and the
 * message where the description's `x-error-fields` says; anything else (a
 * wrong base URL's 404 page, a proxy's 502, a body without the fields) is an
 * `UndocumentedResponseError`, never an error whose code is `undefined`.
 * Credentials the client sent are blanked out of the reason and the body.
 *
 * @example
 * const errors = errorReader(EnosApiError, 'EnOS', description);
 * if (!data) throw errors.from(response, error);
 */
export function errorReader<E extends ApiError<unknown, unknown, number>>(ErrorClass: ApiErrorClass<E>, api: string, description: ErrorDescription): ErrorReader<E> {
  const fields = errorFieldsOf(description);
  return {
    from(response, body) {
      const answered = answerOf(response);
      const undocumented = () => new UndocumentedResponseError(api, response.status, response.headers.get('content-type'), answered);
      if (answered?.schemaPath && documentsStatus(description, answered.method, answered.schemaPath, response.status) === false) return undocumented();
      const code = memberAt(body, fields.code);
      const message = memberAt(body, fields.message);
      if ((typeof code !== 'string' && typeof code !== 'number') || typeof message !== 'string') return undocumented();
      const secrets = answered?.secrets;
      return new ErrorClass({
        api,
        status: response.status as E['status'],
        code: code as E['code'],
        reason: secrets ? secrets.scrub(message) : message,
        body: (secrets ? secrets.scrubDeep(body) : body) as E['body'],
        headers: response.headers,
      });
    },
  };
}
