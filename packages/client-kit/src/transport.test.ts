import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { NetworkError, TimeoutError } from './response-errors.js';
import { fakeServer, json, type paths, refusal } from './testing/fake-api.js';
import { createTransport, type RetryOptions } from './transport.js';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const clock = { now: () => NOW };

/** A client whose waits are recorded instead of waited, against a server answering `answers` in turn. */
function retrying(answers: Response[], retry: boolean | RetryOptions = true) {
  const waits: number[] = [];
  const server = fakeServer(() => answers.shift() ?? json(200, { ok: true }));
  const api = createApiClient<paths>('Fake', { baseUrl: 'http://fake.test', fetch: server.fetch, retry, clock, sleep: async (ms) => void waits.push(ms) });
  return { api, waits, sent: server.sent };
}

describe('the retry of 429 and 503', () => {
  it('is off unless asked for', async () => {
    const { api, sent } = retrying([refusal(503, 1, 'busy', { 'retry-after': '1' })], false);
    expect((await api.POST('/login', { body: { user: 'u', password: 'p' } })).response.status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('waits what Retry-After says, in seconds or as a date, and sends the same body again', async () => {
    const date = new Date(NOW + 4000).toUTCString();
    const { api, waits, sent } = retrying([refusal(429, 1, 'later', { 'retry-after': '2' }), refusal(503, 2, 'busy', { 'retry-after': date })], { attempts: 3 });
    expect((await api.POST('/login', { body: { user: 'u', password: 'p' } })).response.status).toBe(200);
    expect(waits).toEqual([2000, 4000]);
    expect(sent.map((s) => s.body)).toEqual(Array(3).fill('{"user":"u","password":"p"}'));
  });

  it('doubles its own delay when no Retry-After is given', async () => {
    const { api, waits } = retrying([refusal(503, 2, 'busy'), refusal(503, 2, 'busy')], { delayMs: 100 });
    await api.GET('/me');
    expect(waits).toEqual([100, 200]);
  });

  it('stops after its attempts, answering the last refusal', async () => {
    const { api, sent } = retrying([refusal(503, 2, 'busy'), refusal(503, 2, 'busy'), refusal(503, 2, 'busy')], { attempts: 2, delayMs: 1 });
    expect((await api.GET('/me')).response.status).toBe(503);
    expect(sent).toHaveLength(2);
  });

  it('does not wait past its total bound: a Retry-After beyond it is raised at once', async () => {
    const { api, waits, sent } = retrying([refusal(429, 1, 'later', { 'retry-after': '20' }), refusal(429, 1, 'later', { 'retry-after': '900' })], { maxWaitMs: 30_000 });
    const { response } = await api.POST('/login', { body: { user: 'u', password: 'p' } });
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '900']);
    expect(waits).toEqual([20_000]);
    expect(sent).toHaveLength(2);
  });

  it('retries nothing else', async () => {
    const { api, sent } = retrying([refusal(401, 1, 'no')]);
    expect((await api.GET('/me')).response.status).toBe(401);
    expect(sent).toHaveLength(1);
  });
});

describe('no answer', () => {
  it('is a NetworkError naming the API, the method and the URL, without query values', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    const api = createApiClient<paths>('Fake', {
      baseUrl: 'http://127.0.0.1:9',
      fetch: async () => {
        throw refused;
      },
    });
    const error = await api.GET('/me', { params: { query: { token: 'secret-token' } as never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ api: 'Fake', method: 'GET', cause: refused });
    expect((error as Error).message).toBe('Fake: GET http://127.0.0.1:9/me?token=[redacted] failed before an answer arrived (ECONNREFUSED)');
  });

  it('within timeoutMs is a TimeoutError (the signal injected, so that nothing waits)', async () => {
    const timer = new AbortController();
    const hanging = (request: Request) =>
      new Promise<Response>((_, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
        timer.abort(new DOMException('timed out', 'TimeoutError'));
      });
    const transport = createTransport('Fake', hanging, { timeoutMs: 5000, timeoutSignal: () => timer.signal });
    const error = await transport(new Request('http://fake.test/me')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe('Fake: GET http://fake.test/me got no answer within 5000 ms');
  });

  it("leaves the caller's own abort as it is", async () => {
    const caller = new AbortController();
    caller.abort();
    const transport = createTransport('Fake', (request) => Promise.reject(request.signal.reason), { timeoutMs: 5000 });
    const error = await transport(new Request('http://fake.test/me', { signal: caller.signal })).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect((error as Error).name).toBe('AbortError');
  });
});
