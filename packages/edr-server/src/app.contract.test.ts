import { contractTests } from '@loginspec/contract-testkit/vitest';
import { createEdrClient, type LoginResponse, TOKEN_PATH, type User } from '@loginspec/edr-client';
import { CredentialDirectory, HashingPool, ManualClock, memoryStores, PasswordHasher, serverKit } from '@loginspec/login-kit';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-tokens.js';
import { AppJwts } from './app-jwts.js';
import { createEdrApp } from './app.js';
import { documented, edr } from './description.js';
import { edrSuite } from './scenarios.js';
import { server } from './server.js';

// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const contract = contractTests(edrSuite, { start: (options) => server.create({ ...options, scrypt: FAST }) });
const KEY = new TextEncoder().encode('the-test-server-key-no-app-holds!!');
const { user } = edr.responseExample<LoginResponse>('login', 200, 'seed').data;

/** The demo server with a token key the test knows, and the hashing pool given. */
async function start(hashing = new HashingPool()) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const stores = memoryStores(clock);
  const users = await CredentialDirectory.create<User>(new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }, hashing), [{ id: edrSuite.demo.username, secret: edrSuite.demo.password, profile: user }]);
  const app = createEdrApp({
    users,
    apps: new AppJwts(documented.demoApps, clock),
    tokens: new AccessTokens(KEY, clock, documented.tokenLifetimeSeconds),
    limits: serverKit({ clock, stores }).loginLimits('edr', edr, 'login'),
    clock,
  });
  const { baseUrl } = await contract.serve(app);
  return { clock, baseUrl, client: createEdrClient({ baseUrl, fetch: contract.recorder.fetch }) };
}


describe('edr login, inside the reference server', () => {
  it('signs the access token with its own key, for the documented lifetime from its clock', async () => {
    const { clock, client } = await start();
    const { accessToken } = await client.login(edrSuite.demo);
    const { payload, protectedHeader } = await jwtVerify(accessToken, KEY, { currentDate: new Date(clock.now()), algorithms: ['HS256'], typ: 'access' });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'access' });
    expect(payload).toEqual({ sub: user._id, iat: clock.now() / 1000, exp: clock.now() / 1000 + documented.tokenLifetimeSeconds, jti: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('answers 503 at once, with Retry-After, when the hashing pool is full', async () => {
    const { client } = await start(new HashingPool({ concurrency: 1, queue: 0 }));
    const answers = await Promise.all(Array.from({ length: 4 }, () => client.api.POST('/mobile/v1/auth/login', { body: edrSuite.demo })));
    const busy = answers.filter((a) => a.response.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.response.headers.get('retry-after')).toBe('10');
  });

  it('checks an access token with its own key only: one signed with another key is refused', async () => {
    const { clock, client } = await start();
    const { accessToken } = await client.login(edrSuite.demo);
    expect(await new AccessTokens(KEY, clock, documented.tokenLifetimeSeconds).verify(accessToken)).toMatchObject({ sub: user._id });
    const otherServer = new AccessTokens(new TextEncoder().encode('another-server-key-of-32-bytes!!'), clock, documented.tokenLifetimeSeconds);
    expect(await otherServer.verify(accessToken)).toBeUndefined();
    expect((await client.api.GET(TOKEN_PATH, { headers: { authorization: `Bearer ${await otherServer.issue(user._id)}` } })).response.status).toBe(401);
  });
});

contract.expectFullCoverage();
