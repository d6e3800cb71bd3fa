import { controlledStores, Faults } from '@loginspec/login-kit/controls';
import { ManualClock, memoryStores } from '@loginspec/login-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enos } from './description.js';
import { server } from './server.js';

afterEach(() => vi.restoreAllMocks());

describe('enos, when a store fails', () => {
  it('answers the documented 31500 and reports the cause once with the shared one-line report, without its stack', async () => {
    const clock = new ManualClock();
    const faults = new Faults();
    const app = await server.create({ clock, stores: controlledStores(() => memoryStores(clock), faults), scrypt: { N: 2 ** 10, r: 8, p: 1 } });
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    faults.arm({ kind: 'error' });
    const res = await app.request('/app-portal-service/v2.0/login', { method: 'POST', body: JSON.stringify(server.demoLogins()[0]?.fields), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toEqual(enos.errors('login').answer(31500).body);
    expect(JSON.stringify(answer)).not.toMatch(/fault/i);
    expect(reported).toHaveBeenCalledTimes(1);
    const [line, ...rest] = reported.mock.calls[0] as unknown[];
    expect(rest).toEqual([]);
    expect(String(line)).not.toContain('\n');
    expect(JSON.parse(String(line))).toMatchObject({ level: 'error', event: 'server-error', api: 'enos', operation: 'login', error: 'InjectedFault', message: 'injected fault: a store failed (get)' });
  });
});
