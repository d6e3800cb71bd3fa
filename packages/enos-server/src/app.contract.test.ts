import { createEnosClient, LOGIN_PATH, LOGOUT_PATH, REFRESH_PATH, TOKEN_INFO_PATH } from '@loginspec/enos-client';
import { contractTests } from '@loginspec/contract-testkit/vitest';
import { type AttemptLimitSettings, CredentialDirectory, HashingPool, ManualClock, memoryStores, PasswordHasher, serverKit } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { type AccountProfile, createEnosApp } from './app.js';
import { documented, enos } from './description.js';
import { enosSuite } from './scenarios.js';
import { server } from './server.js';
import { type SessionRecord, Sessions } from './sessions.js';

// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const contract = contractTests(enosSuite, { start: (options) => server.create({ ...options, scrypt: FAST }) });

describe('enos login, inside the reference server', () => {
  it('answers 31503 at once, with Retry-After, when the hashing pool is full, and counts no attempt for it', async () => {
    const hashing = new HashingPool({ concurrency: 1, queue: 0 });
    const { baseUrl } = await contract.serve(await server.create({ clock: new ManualClock(), scrypt: { N: 2 ** 14, r: 8, p: 1 }, hashing }));
    const client = createEnosClient({ baseUrl, fetch: contract.recorder.fetch });
    const wrong = () => client.api.POST(LOGIN_PATH, { body: { ...enosSuite.demo, password: 'wrong' } });
    const burst = await Promise.all(Array.from({ length: 4 }, wrong));
    const busy = burst.filter((r) => r.response.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.error).toMatchObject({ code: 31503 });
    expect(busy[0]?.response.headers.get('retry-after')).toBe('10');
    const judgedInBurst = burst.filter((r) => r.response.status === 400).length;
    // The busy ones were never judged and gave their places back: the pair's allowance is whole but for the judged ones.
    let judgedAfter = 0;
    while ((await wrong()).response.status === 400) judgedAfter++;
    expect(judgedInBurst + judgedAfter).toBe(enos.extension<AttemptLimitSettings>('x-attempt-limit', 'login').perAccountAndAddress);
  });

  it('answers 31503 with the documented Retry-After when it holds as many sessions as it can, and opens one again once a session ends', async () => {
    const clock = new ManualClock();
    const stores = memoryStores(clock);
    const { account, password } = enosSuite.demo;
    const profile: AccountProfile = { user: { id: 'u1', name: account }, organizations: [] };
    const accounts = await CredentialDirectory.create(new PasswordHasher(FAST), [{ id: account, secret: password, profile }]);
    const sessions = new Sessions(stores.expiring<SessionRecord>('sessions', { capacity: 1 }), stores.sessionSlots('slots'), clock, {
      accessLifetimeSeconds: documented.tokenLifetimeSeconds,
      refreshLifetimeSeconds: documented.refreshTokenLifetimeSeconds,
    });
    const app = createEnosApp({ accounts, limits: serverKit({ clock, stores }).loginLimits('enos', enos, 'login'), sessions, sessionsFullRetryAfterSeconds: documented.sessionCapacity.retryAfterSeconds });
    const { baseUrl } = await contract.serve(app);
    const client = createEnosClient({ baseUrl, fetch: contract.recorder.fetch });
    const { accessToken } = await client.login(enosSuite.demo);
    const full = await client.api.POST(LOGIN_PATH, { body: enosSuite.demo });
    expect([full.response.status, full.error?.code, full.response.headers.get('retry-after')]).toEqual([503, 31503, String(documented.sessionCapacity.retryAfterSeconds)]);
    await client.logout(accessToken);
    expect((await client.login(enosSuite.demo)).accessToken).not.toBe(accessToken);
  });
});

contract.expectFullCoverage();
