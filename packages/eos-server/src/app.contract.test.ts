import { contractTests } from '@loginspec/contract-testkit/vitest';
import { createEosClient, type LoginResponse } from '@loginspec/eos-client';
import { CredentialDirectory, HashingPool, ManualClock, memoryStores, PasswordHasher, serverKit } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { createEosApp } from './app.js';
import { documented, eos } from './description.js';
import { eosSuite } from './scenarios.js';
import { server } from './server.js';
import { Sessions } from './sessions.js';

// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const contract = contractTests(eosSuite, { start: (options) => server.create({ ...options, scrypt: FAST }) });

/** The demo user's server, with as few live sessions as `capacity` and the hashing pool given. */
async function start({ capacity = 10, hashing = new HashingPool() } = {}) {
  const clock = new ManualClock();
  const stores = memoryStores(clock);
  const { domain = documented.defaultDomain, loginName = '', password = '' } = eosSuite.demo;
  const { secureCode, profile, mobilityApps } = eos.responseExample<LoginResponse>('login', 200, 'seed');
  const user = { id: loginName, secret: password, profile: { secureCode, profile, mobilityApps } };
  const users = await CredentialDirectory.create(new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }, hashing), [user]);
  const app = createEosApp({
    domains: new Map([[domain, users]]),
    defaultDomain: documented.defaultDomain,
    sessions: new Sessions(stores.expiring<true>('sessions', { capacity }), clock, documented.lifetimes),
    hellos: stores.attempts('hello'),
    limits: serverKit({ clock, stores }).loginLimits('eos', eos, 'login'),
  });
  const { baseUrl } = await contract.serve(app);
  return { clock, client: createEosClient({ baseUrl, fetch: contract.recorder.fetch }) };
}

describe('eos, inside the reference server', () => {
  it('answers Hello with 2-3 and Retry-After when it holds as many sessions as it may, and opens them again as they expire', async () => {
    const { clock, client } = await start({ capacity: 3 });
    for (let i = 0; i < 3; i++) expect((await client.api.POST('/client/hello')).response.status).toBe(200);
    const full = await client.api.POST('/client/hello');
    expect(full.response.status).toBe(503);
    expect(full.error).toEqual(eos.errors('hello').answer('2-3').body);
    expect(full.response.headers.get('retry-after')).toBe(String(documented.lifetimes.helloMs / 1000));
    clock.advance(documented.lifetimes.helloMs);
    expect((await client.api.POST('/client/hello')).response.status).toBe(200);
  });

  it('answers Login with 4-1 at once, with Retry-After, when the hashing pool is full', async () => {
    const { client } = await start({ hashing: new HashingPool({ concurrency: 1, queue: 0 }) });
    const { sessionId } = await client.hello();
    const { domain, loginName, password } = eosSuite.demo;
    const logins = await Promise.all(Array.from({ length: 4 }, () => client.login({ sessionId, domain, loginName, password }).catch((e: unknown) => e)));
    const busy = logins.filter((r) => (r as { code?: string }).code === '4-1');
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]).toMatchObject({ status: 503, retryAfterSeconds: 10 });
  });
});

contract.expectFullCoverage();
