import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, type ErrorStatusOf } from './api-error.js';

const error = (headers: Record<string, string> = {}) =>
  new ApiError({ api: 'EnOS', status: 429, code: 31429, reason: 'Try later', body: { code: 31429 }, headers: new Headers(headers) });

describe('ApiError', () => {
  it('says the API, the code, the status and the vendor message', () => {
    expect(error().message).toBe('EnOS 31429 (HTTP 429): Try later');
    expect(error()).toMatchObject({ name: 'ApiError', api: 'EnOS', status: 429, code: 31429, reason: 'Try later' });
  });

  it('reads Retry-After in seconds, and nothing else', () => {
    expect(error({ 'retry-after': '900' }).retryAfterSeconds).toBe(900);
    expect(error({ 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }).retryAfterSeconds).toBeUndefined();
    expect(error().retryAfterSeconds).toBeUndefined();
  });

  it('takes each API its own name', () => {
    class EnosApiError extends ApiError<31429, unknown, 429> {
      override readonly name: string = 'EnosApiError';
    }
    const enos = new EnosApiError({ api: 'EnOS', status: 429, code: 31429, reason: 'r', body: null, headers: new Headers() });
    expect(enos).toBeInstanceOf(ApiError);
    expect(enos.name).toBe('EnosApiError');
  });
});

describe('ErrorStatusOf', () => {
  it('is the union of the 4xx and 5xx statuses the operations document, successes left out', () => {
    interface operations {
      login: { responses: { 200: unknown; 400: unknown; 429: unknown } };
      logout: { responses: { 204: unknown; 401: unknown; 503: unknown } };
      redirect: { responses: { 302: unknown } };
    }
    expectTypeOf<ErrorStatusOf<operations>>().toEqualTypeOf<400 | 401 | 429 | 503>();
  });
});
