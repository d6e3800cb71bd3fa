import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { errorReader } from './error-reader.js';
import { UndocumentedResponseError } from './response-errors.js';
import { description, fakeServer, json, type paths, refusal } from './testing/fake-api.js';

class FakeApiError extends ApiError<number, unknown, 401 | 429 | 503> {
  override readonly name: string = 'FakeApiError';
}
const errors = errorReader(FakeApiError, 'Fake', description);

/** Logs in through a client of the kit against a server answering `answer`, and answers the error raised. */
async function refusedLogin(answer: Response, baseUrl = 'http://fake.test/api', password = 'hunter2-password') {
  const api = createApiClient<paths>('Fake', { baseUrl, fetch: fakeServer(() => answer).fetch });
  const { error, response } = await api.POST('/login', { body: { user: 'ann', password } });
  return errors.from(response, error);
}

describe('errorReader', () => {
  it("turns a documented refusal into the API's own error, with its code, reason and headers", async () => {
    const error = await refusedLogin(refusal(429, 42, 'Try later', { 'retry-after': '900' }));
    expect(error).toBeInstanceOf(FakeApiError);
    expect(error).toMatchObject({ name: 'FakeApiError', api: 'Fake', status: 429, code: 42, reason: 'Try later', retryAfterSeconds: 900 });
    expect(error.message).toBe('Fake 42 (HTTP 429): Try later');
  });

  it.each([
    ['an HTML page', new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }), 'text/html'],
    ['the error body under a status the operation does not document', refusal(404, 404, 'not here'), 'application/json'],
    ['no body', new Response(null, { status: 401 }), 'no content type'],
    ['an object without the fields', json(401, { error: 'nope' }), 'application/json'],
    ['a code of the wrong type', json(401, { error: { code: null, message: 'x' } }), 'application/json'],
  ])('answers UndocumentedResponseError for %s, naming the method and the URL, never "undefined"', async (_, answer, contentType) => {
    const error = await refusedLogin(answer);
    expect(error).toBeInstanceOf(UndocumentedResponseError);
    expect(error.message).toBe(
      `Fake answered HTTP ${answer.status} as ${contentType} to POST http://fake.test/api/login, which its description does not document for this operation (is the base URL right?)`,
    );
    expect(error).toMatchObject({ method: 'POST', url: 'http://fake.test/api/login' });
  });

  it('blanks out of the reason, the message and the body what the request sent as a credential', async () => {
    const echo = refusal(401, 41, 'no user ann with password hunter2-password');
    const error = await refusedLogin(echo);
    expect(error.message).toBe('Fake 41 (HTTP 401): no user ann with password [redacted]');
    expect(JSON.stringify(error)).not.toContain('hunter2-password');
    expect((error as FakeApiError).body).toEqual({ error: { code: 41, message: 'no user ann with password [redacted]' } });
  });

  it('reads a response that came from elsewhere, without its request', () => {
    const error = errors.from(new Response('<h1>x</h1>', { status: 502, headers: { 'content-type': 'text/html' } }), '<h1>x</h1>');
    expect(error.message).toBe('Fake answered HTTP 502 as text/html, which its description does not document for this operation (is the base URL right?)');
  });
});
