import { contractTests } from '@loginspec/contract-testkit/vitest';
import { CredentialDirectory, HashingPool, ManualClock, memoryStores, PasswordHasher, serverKit } from '@loginspec/login-kit';
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
const mira = documented.demoTenants.master?.find((u) => u.mfa) as UserRecord & { password: string };

/** The server with its collaborators in the test's hands: the hasher, the session store's capacity, the error report. */
async function start({ hasher = new PasswordHasher(FAST), sessionCapacity = 100 } = {}) {
  const clock = new ManualClock();
  const stores = memoryStores(clock);
  const kit = serverKit({ clock, stores });
  const users = [demo, mira].map(({ password, ...user }) => ({ id: user.userName, secret: password, profile: user as UserRecord }));
  const tenants = new Map([['master', await CredentialDirectory.create(hasher, users)]]);
  const sessions = new Sessions(stores.expiring('sessions', { capacity: sessionCapacity }), stores.sessionSlots('slots'), clock, { lifetimeSeconds: documented.tokenLifetimeSeconds, perUser: documented.sessionCapacity.perUser });
  const reported: unknown[] = [];
  const app = createXelionApp({
    tenants,
    nobody: await CredentialDirectory.create<UserRecord>(hasher, []),
    sessions,
    mfa: new MfaCodes(stores.expiring('mfa'), { send() {} }, clock, documented.mfaCode),
    limits: kit.loginLimits('xelion', xelion, 'login'),
    reportError: (e) => reported.push(e),
  });
  const { baseUrl } = await contract.serve(app);
  const post = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
    contract.recorder.fetch(`${baseUrl}/api/v1/master/me/${operation}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { tenants, sessions, reported, post };
}

const answerOf = async (res: Response) => ({ status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') });
const mfaRequest = { userName: mira.userName, password: mira.password, email: mira.email };

describe('xelion, inside the reference server', () => {
  it('answers login and Request MFA with 10503 at once, with Retry-After, when the hashing pool is full', async () => {
    const { post } = await start({ hasher: new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }, new HashingPool({ concurrency: 1, queue: 0 })) });
    for (const [operation, body] of [
      ['login', { ...demo, password: 'wrong' }],
      ['mfa', { ...mfaRequest, password: 'wrong' }],
    ] as const) {
      const answers = await Promise.all(Array.from({ length: 4 }, async () => answerOf(await post(operation, body))));
      const busy = answers.filter((a) => a.status === 503);
      expect(busy.length, operation).toBeGreaterThan(0);
      expect(busy[0]).toMatchObject({ retryAfter: '10', body: { errorCode: 10503, info: `resource=POST /api/v1/master/me/${operation}` } });
    }
  });

  it('answers a login 10503, with the documented Retry-After, when the session store is full, and keeps the user space free', async () => {
    const { post } = await start({ sessionCapacity: 1 });
    const { authentication } = (await (await post('login', demo)).json()) as { authentication: string };
    const elsewhere = { ...demo, userSpace: 'another-space' };
    const full = await answerOf(await post('login', elsewhere));
    expect(full).toMatchObject({ status: 503, retryAfter: String(documented.sessionCapacity.retryAfterSeconds), body: { errorCode: 10503 } });
    expect((await post('logout', undefined, { authorization: `xelion ${authentication}` })).status).toBe(204);
    expect((await post('login', elsewhere)).status).toBe(200);
  });

  it('answers every operation with 11000, without details, when a collaborator fails, and reports the error', async () => {
    const { post, tenants, sessions, reported } = await start();
    const { authentication, renewalToken } = (await (await post('login', demo)).json()) as { authentication: string; renewalToken: string };
    const session = { authorization: `xelion ${authentication}` };
    const failure = new Error('store at redis://10.0.0.7 is down');
    const fail = () => Promise.reject(failure);
    sessions.renew = fail;
    sessions.end = fail;
    (tenants.get('master') as CredentialDirectory<UserRecord>).verify = fail;
    const answers = [
      ['renew', await post('renew', renewalToken, session)],
      ['logout', await post('logout', undefined, session)],
      ['requestMfa', await post('mfa', mfaRequest)],
      // The login ends the named session first: that fails too.
      ['login', await post('login', demo, session)],
      ['login', await post('login', demo)],
    ] as const;
    for (const [operation, res] of answers) {
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual(xelion.errors(operation).answer(11000).body);
      expect(text).not.toContain('10.0.0.7');
    }
    expect(reported).toEqual(answers.map(() => failure));
  });
});

contract.expectFullCoverage();
