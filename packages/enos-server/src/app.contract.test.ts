import { ContractRecorder, exampleExchanges, type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { createEnosClient, EnosApiError, LOGIN_PATH } from '@loginspec/enos-client';
import { ManualClock } from '@loginspec/login-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoEnosApp } from './app.js';
import { demoAccounts } from './demo-accounts.js';
import { enosContract, enosDescription } from './description.js';
import { documentedAttemptLimit } from './throttle.js';

// Every response of this file goes through one recorder: it fails a test on
// any status or body the description does not document, and the last test
// checks that every documented status was seen.
const recorder = new ContractRecorder(enosContract);
const [demo] = demoAccounts(enosDescription);
const limit = documentedAttemptLimit(enosDescription);
const servers: RunningServer[] = [];

async function start() {
  const clock = new ManualClock();
  // A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
  const app = await createDemoEnosApp({ clock, scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const server = await serveOnLoopback(app);
  servers.push(server);
  const client = createEnosClient({ baseUrl: server.baseUrl, fetch: recorder.fetch });
  const send = (body: RequestInit['body'], contentType = 'application/json') =>
    recorder.fetch(`${server.baseUrl}${LOGIN_PATH}`, { method: 'POST', body, headers: { 'content-type': contentType } });
  return { clock, client, send };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('enos login, against the description', () => {
  it.each(exampleExchanges(enosContract, 'login'))('replays the $name example ($mediaType) with status $status', async (example) => {
    const { send } = await start();
    const res = await send(example.body, example.mediaType);
    expect(res.status).toBe(example.status);
  });

  it("logs the seed's demo account in with a fresh token and its organizations", async () => {
    const { client } = await start();
    const data = await client.login({ account: 'portal_demo', password: 'yourPassword' });
    expect(data.accessToken).toMatch(/^APP_PORTAL_S_[A-Za-z0-9]{32}$/);
    expect(data.user).toEqual(demo?.profile.user);
    expect(data.organizations.map((o) => o.name)).toEqual(['Portal Demo', 'rm_0726_001']);
    const again = await client.login({ account: 'portal_demo', password: 'yourPassword' });
    expect(again.accessToken).not.toBe(data.accessToken);
  });

  it('answers a wrong password and an unknown account alike: 31400, no enumeration', async () => {
    const { client } = await start();
    const wrong = await client.api.POST(LOGIN_PATH, { body: { account: 'portal_demo', password: 'nope' } });
    const unknown = await client.api.POST(LOGIN_PATH, { body: { account: 'nobody', password: 'nope' } });
    expect(wrong.response.status).toBe(400);
    expect(wrong.error).toEqual({ code: 31400, message: 'User password is missing or not valid.', data: null });
    expect(unknown.error).toEqual(wrong.error);
    expect(unknown.response.status).toBe(400);
  });

  it('raises EnosApiError from the login helper', async () => {
    const { client } = await start();
    await expect(client.login({ account: 'portal_demo', password: 'nope' })).rejects.toMatchObject({
      name: 'EnosApiError',
      status: 400,
      code: 31400,
    } satisfies Partial<EnosApiError>);
  });

  it.each([
    ['no body', ''],
    ['malformed JSON', '{"account": "portal_demo", '],
    ['a JSON array', '[]'],
    ['a JSON string', '"portal_demo"'],
    ['wrong types', '{"account": 42, "password": true}'],
    ['a missing password', '{"account": "portal_demo"}'],
    ['an empty password', '{"account": "portal_demo", "password": ""}'],
  ])('answers %s with 31400', async (_, body) => {
    const { send } = await start();
    const res = await send(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 31400, data: null });
  });

  it.each([
    ['text/plain', '{"account":"portal_demo","password":"yourPassword"}'],
    ['application/x-www-form-urlencoded', 'account=portal_demo&password=yourPassword'],
    ['application/xml', '<LoginRequest><account>portal_demo</account></LoginRequest>'],
  ])('answers a %s body with 31415', async (type, body) => {
    const { send } = await start();
    const res = await send(body, type);
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 31415 });
  });

  it('answers a 1 MiB body with 31413', async () => {
    const { send } = await start();
    const res = await send(JSON.stringify({ account: 'portal_demo', password: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 31413 });
  });

  it('refuses an account after the documented number of failures with 31429, until the window passes', async () => {
    const { client, clock } = await start();
    const attempt = (password: string) => client.api.POST(LOGIN_PATH, { body: { account: 'portal_demo', password } });
    for (let i = 0; i < limit.perAccount; i++) expect((await attempt('wrong')).response.status).toBe(400);
    const refused = await attempt('yourPassword');
    expect(refused.response.status).toBe(429);
    expect(refused.error).toMatchObject({ code: 31429 });
    expect(refused.response.headers.get('retry-after')).toBe(String(limit.windowSeconds));
    clock.advance(limit.windowSeconds * 1000);
    expect((await attempt('yourPassword')).response.status).toBe(200);
  });

  it('refuses a client address after the documented number of failures, whatever the account', async () => {
    const { client } = await start();
    for (let i = 0; i < limit.perClientAddress; i++) {
      await client.api.POST(LOGIN_PATH, { body: { account: `guess-${i}`, password: 'wrong' } });
    }
    const res = await client.api.POST(LOGIN_PATH, { body: { account: 'portal_demo', password: 'yourPassword' } });
    expect(res.response.status).toBe(429);
  });

  it('clears an account’s failures on success', async () => {
    const { client } = await start();
    const attempt = (password: string) => client.api.POST(LOGIN_PATH, { body: { account: 'portal_demo', password } });
    for (let i = 0; i < limit.perAccount - 1; i++) await attempt('wrong');
    expect((await attempt('yourPassword')).response.status).toBe(200);
    for (let i = 0; i < limit.perAccount - 1; i++) await attempt('wrong');
    expect((await attempt('yourPassword')).response.status).toBe(200);
  });

  it('marks every answer as not cacheable', async () => {
    const { client } = await start();
    const res = await client.api.POST(LOGIN_PATH, { body: { account: 'portal_demo', password: 'yourPassword' } });
    expect(res.response.headers.get('cache-control')).toBe('no-store');
  });

  // Tests of a file run in order: this one sees every response above.
  it('has exercised every documented status of every operation', () => {
    expect(recorder.missing(), 'documented statuses no test exercised').toEqual([]);
  });
});
