import { storeFailureHarness, theOneReport } from '@loginspec/contract-testkit/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { edr } from './description.js';
import { server } from './server.js';

afterEach(() => vi.restoreAllMocks());

describe('edr, when a store fails', () => {
  it('answers the documented 500 and reports the cause once with the shared one-line report, without its stack', async () => {
    const { clock, app, failStores } = await storeFailureHarness(server);
    const reported = failStores();
    const res = await app.request('/mobile/v1/auth/login', { method: 'POST', body: JSON.stringify(server.demoLogins()[0]?.fields), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, unknown>;
    // The envelope's timestamp is the server's time of the answer; the rest is the description's example.
    const documented = edr.errors('login').answer(500).body as { response: Record<string, unknown> };
    expect(answer).toEqual({ ...documented, response: { ...documented.response, timestamp: new Date(clock.now()).toISOString() } });
    expect(JSON.stringify(answer)).not.toMatch(/fault/i);
    expect(theOneReport(reported)).toMatchObject({ level: 'error', event: 'server-error', api: 'edr', operation: 'login', error: 'InjectedFault', message: 'injected fault: a store failed (get)' });
  });

  it('answers a token check the documented 500, not a refused token, and reports the cause once', async () => {
    const { clock, app, failStores } = await storeFailureHarness(server);
    const login = await app.request('/mobile/v1/auth/login', { method: 'POST', body: JSON.stringify(server.demoLogins()[0]?.fields), headers: { 'content-type': 'application/json' } });
    const { accessToken } = ((await login.json()) as { data: { accessToken: string } }).data;
    const reported = failStores();
    const res = await app.request('/mobile/v1/auth/token', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(res.status).toBe(500);
    expect(res.headers.get('www-authenticate')).toBeNull();
    const documented = edr.errors('checkToken').answer(500).body as { response: Record<string, unknown> };
    expect(await res.json()).toEqual({ ...documented, response: { ...documented.response, timestamp: new Date(clock.now()).toISOString() } });
    expect(reported).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(reported.mock.calls[0]?.[0]))).toMatchObject({ event: 'server-error', api: 'edr', operation: 'checkToken', error: 'InjectedFault' });
  });
});
