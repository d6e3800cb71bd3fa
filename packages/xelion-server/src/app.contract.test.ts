import { contractTests } from '@loginspec/contract-testkit/vitest';
import { CredentialDirectory, ManualClock, memoryStores, PasswordHasher, serverKit } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { createXelionApp, type UserRecord } from './app.js';
import { documented, xelion } from './description.js';
import { MfaCodes } from './mfa-codes.js';
import { xelionSuite } from './scenarios.js';
import { server } from './server.js';
import { Sessions } from './sessions.js';

// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const contract = contractTests(xelionSuite, { start: (options) => server.create({ ...options, scrypt: FAST }) });
const demo = xelionSuite.demo;

describe('xelion, inside the reference server', () => {
  it('tells reportError of the failure behind an 11000, which the answer does not reveal', async () => {
    const clock = new ManualClock();
    const stores = memoryStores(clock);
    const hasher = new PasswordHasher(FAST);
    const users = [{ id: demo.userName, secret: demo.password, profile: { userName: demo.userName } }];
    const tenants = new Map([['master', await CredentialDirectory.create<UserRecord>(hasher, users)]]);
    const failure = new Error('store at redis://10.0.0.7 is down');
    (tenants.get('master') as CredentialDirectory<UserRecord>).verify = () => Promise.reject(failure);
    const reported: unknown[] = [];
    const app = createXelionApp({
      tenants,
      nobody: await CredentialDirectory.create<UserRecord>(hasher, []),
      sessions: new Sessions(stores.expiring('sessions'), stores.sessionSlots('slots'), clock, { lifetimeSeconds: documented.tokenLifetimeSeconds, perUser: documented.sessionCapacity.perUser }),
      mfa: new MfaCodes(stores.expiring('mfa'), { send() {} }, clock, documented.mfaCode),
      limits: serverKit({ clock, stores }).loginLimits('xelion', xelion, 'login'),
      reportError: (e) => reported.push(e),
    });
    const { baseUrl } = await contract.serve(app);
    const res = await contract.recorder.fetch(`${baseUrl}/api/v1/master/me/login`, { method: 'POST', body: JSON.stringify(demo), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('10.0.0.7');
    expect(reported).toEqual([failure]);
  });
});

contract.expectFullCoverage();
