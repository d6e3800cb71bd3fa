import { storeFailureHarness, theOneReport } from '@loginspec/contract-testkit/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eos } from './description.js';
import { server } from './server.js';

afterEach(() => vi.restoreAllMocks());

describe('eos, when a store fails', () => {
  it('answers the documented 4-2 and reports the cause once with the shared one-line report, without its stack', async () => {
    const { app, failStores } = await storeFailureHarness(server);
    const reported = failStores();
    const res = await app.request('/client/login', { method: 'POST', body: new URLSearchParams(server.demoLogins()[0]?.fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toEqual(eos.errors('login').answer('4-2').body);
    expect(JSON.stringify(answer)).not.toMatch(/fault/i);
    expect(theOneReport(reported)).toMatchObject({ level: 'error', event: 'server-error', api: 'eos', operation: 'login', error: 'InjectedFault', message: 'injected fault: a store failed (get)' });
  });
});
