import { storeFailureHarness, theOneReport } from '@loginspec/contract-testkit/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enos } from './description.js';
import { server } from './server.js';

afterEach(() => vi.restoreAllMocks());

describe('enos, when a store fails', () => {
  it('answers the documented 31500 and reports the cause once with the shared one-line report, without its stack', async () => {
    const { app, failStores } = await storeFailureHarness(server);
    const reported = failStores();
    const res = await app.request('/app-portal-service/v2.0/login', { method: 'POST', body: JSON.stringify(server.demoLogins()[0]?.fields), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toEqual(enos.errors('login').answer(31500).body);
    expect(JSON.stringify(answer)).not.toMatch(/fault/i);
    expect(theOneReport(reported)).toMatchObject({ level: 'error', event: 'server-error', api: 'enos', operation: 'login', error: 'InjectedFault', message: 'injected fault: a store failed (get)' });
  });
});
