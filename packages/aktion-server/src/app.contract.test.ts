import { createAktionClient, createTokenSource } from '@loginspec/aktion-client';
import { contractTests } from '@loginspec/contract-testkit/vitest';
import { type CredentialDirectory, HashingPool, ManualClock, memoryStores, PasswordHasher, serverKit } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { type AktionUser, createAktionApp, type IssuedToken } from './app.js';
import { aktion } from './description.js';
import { aktionSuite, documentedBody, read } from './scenarios.js';
import { demoUserDirectory, server } from './server.js';

// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const contract = contractTests(aktionSuite, { start: (options) => server.create({ ...options, scrypt: FAST }) });
const { UserLogin: USER, ApiKey: KEY } = aktionSuite.demo;
const LIFETIME_MS = aktion.extension<number>('x-token-lifetime-seconds', 'login') * 1000;
const JSON_LOGIN = JSON.stringify({ UserLogin: USER, ApiKey: KEY });

/** The demo server with its collaborators in the test's hands: the token store on a manual clock, the user directory, the error report. */
async function start(users?: CredentialDirectory<AktionUser>) {
  const clock = new ManualClock();
  const stores = memoryStores(clock);
  const tokens = stores.expiring<IssuedToken>('tokens');
  const reported: unknown[] = [];
  const limits = serverKit({ clock, stores }).loginLimits('aktion', aktion, 'login');
  users ??= await demoUserDirectory(new PasswordHasher(FAST));
  const { baseUrl } = await contract.serve(createAktionApp({ users, tokens, limits, clock, reportError: (e) => reported.push(e) }));
  const send = (body: string, accept?: string) =>
    contract.recorder.fetch(`${baseUrl}/login`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } });
  return { clock, tokens, reported, baseUrl, send };
}


describe('aktion login, inside the reference server', () => {
  it('answers 503 at once, with Retry-After, when the hashing pool is full', async () => {
    const users = await demoUserDirectory(new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }, new HashingPool({ concurrency: 1, queue: 0 })));
    const { send } = await start(users);
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(JSON_LOGIN)));
    const busy = answers.filter((res) => res.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.headers.get('retry-after')).toBe('10');
    expect(read(503, 'application/json', await (busy[0] as Response).text())).toEqual(documentedBody(503, 'application/json', 'busy'));
  });

  it('keeps a token valid until 20 seconds on the clock, and not after', async () => {
    const { baseUrl, clock, tokens } = await start();
    const { token } = await createAktionClient({ baseUrl, fetch: contract.recorder.fetch }).login(USER, KEY);
    clock.advance(LIFETIME_MS - 1);
    expect(await tokens.get(token)).toEqual({ userLogin: USER, expiresAt: clock.now() + 1 });
    clock.advance(1);
    expect(await tokens.get(token)).toBeUndefined();
  });

  it("lets the client's token source log in again before the token expires", async () => {
    const { baseUrl, clock, tokens } = await start();
    const source = createTokenSource(createAktionClient({ baseUrl, format: 'xml', fetch: contract.recorder.fetch }), { userLogin: USER, apiKey: KEY }, { clock });
    const first = await source.getToken();
    clock.advance(LIFETIME_MS - 2_001);
    expect(await source.getToken()).toBe(first);
    clock.advance(1);
    const second = await source.getToken();
    expect(second).not.toBe(first);
    expect((await tokens.get(first))?.userLogin).toBe(USER);
    clock.advance(2_000);
    expect(await tokens.get(first)).toBeUndefined();
    expect((await tokens.get(second))?.userLogin).toBe(USER);
  });

  it('looks no user up before the key is found well-formed (1004 first)', async () => {
    const lookups: string[] = [];
    const users = await demoUserDirectory(new PasswordHasher(FAST));
    const verify = users.verify.bind(users);
    users.verify = (id, secret) => {
      lookups.push(id);
      return verify(id, secret);
    };
    const { send } = await start(users);
    expect((await send(JSON.stringify({ UserLogin: 'Jane.Doe', ApiKey: 'bad' }))).status).toBe(401);
    expect(lookups).toEqual([]);
    expect((await send(JSON.stringify({ UserLogin: 'Jane.Doe', ApiKey: KEY }))).status).toBe(401);
    expect(lookups).toEqual(['Jane.Doe']);
  });

  it('answers the documented 500, without details, when a collaborator fails', async () => {
    const users = await demoUserDirectory(new PasswordHasher(FAST));
    const failure = new Error('directory at /var/secret is down');
    users.verify = () => Promise.reject(failure);
    const { send, reported } = await start(users);
    for (const mediaType of ['application/json', 'text/json', 'application/xml', 'text/xml']) {
      const res = await send(JSON_LOGIN, mediaType);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(read(500, mediaType, body)).toEqual(documentedBody(500, mediaType, 'internalError'));
      expect(body).not.toContain('/var/secret');
      expect(body).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(reported).toEqual([failure, failure, failure, failure]);
  });

  it('answers the documented 500 of the token check, without details, when the token store fails', async () => {
    const { baseUrl, tokens, reported } = await start();
    const { token } = await createAktionClient({ baseUrl, fetch: contract.recorder.fetch }).login(USER, KEY);
    const failure = new Error('token store at redis://secret is down');
    tokens.get = () => Promise.reject(failure);
    for (const mediaType of ['application/json', 'text/json', 'application/xml', 'text/xml']) {
      const res = await contract.recorder.fetch(`${baseUrl}/token`, { headers: { authorization: `Bearer ${token}`, accept: mediaType } });
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(read(500, mediaType, body, 'checkToken')).toEqual(documentedBody(500, mediaType, 'internalError', 'checkToken'));
      expect(body).not.toContain('redis://secret');
    }
    expect(reported).toEqual([failure, failure, failure, failure]);
  });
});

contract.expectFullCoverage();
