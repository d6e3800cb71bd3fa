import { describe, expect, it } from 'vitest';
import { ApiError, errorReader, UndocumentedResponseError } from './errors.js';

const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('errorReader', () => {
  const enos = errorReader<31400 | 31429>('EnOS', { code: 'code', message: 'message' });

  it('turns a documented error body into an ApiError with its code, message and headers', () => {
    const error = enos.from(answer(429, { 'retry-after': '900' }), { code: 31429, message: 'Try later', data: null });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ api: 'EnOS', status: 429, code: 31429, reason: 'Try later', retryAfterSeconds: 900 });
    expect(error.message).toBe('EnOS 31429 (HTTP 429): Try later');
  });

  it('reads a code nested in an envelope', () => {
    const edr = errorReader<number>('EDR', { code: 'response.code', message: 'response.message' });
    expect(edr.from(answer(401), { response: { code: 401, message: 'no' }, data: null })).toMatchObject({ code: 401, reason: 'no' });
  });

  it.each([
    ['an HTML page', '<h1>Not Found</h1>'],
    ['no body', undefined],
    ['an object without the fields', { error: 'nope' }],
    ['a code of the wrong type', { code: null, message: 'x' }],
  ])('answers UndocumentedResponseError for %s, never "undefined"', (_, body) => {
    const error = enos.from(answer(404, { 'content-type': 'text/html' }), body);
    expect(error).toBeInstanceOf(UndocumentedResponseError);
    expect(error.message).toBe('EnOS answered HTTP 404 as text/html, which its description does not document for this operation (is the base URL right?)');
    expect(error.message).not.toContain('undefined');
  });

  it('has no retry delay without a Retry-After in seconds', () => {
    expect((enos.from(answer(429, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }), { code: 31429, message: 'm' }) as ApiError).retryAfterSeconds).toBeUndefined();
  });
});
