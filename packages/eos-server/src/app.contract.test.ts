import { ContractRecorder, exampleExchanges, type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { createEosClient, EosApiError, type LoginResponse } from '@loginspec/eos-client';
import { ManualClock } from '@loginspec/login-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoEosApp } from './app.js';
import { eosContract } from './description.js';
import { documented } from './documented.js';

// Every response goes through one recorder: an undocumented status or body
// fails the test that caused it, and the last test checks coverage.
const recorder = new ContractRecorder(eosContract);
const servers: RunningServer[] = [];
const FORM = 'application/x-www-form-urlencoded';

async function start() {
  const clock = new ManualClock();
  // A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
  const server = await serveOnLoopback(await createDemoEosApp({ clock, scrypt: { N: 2 ** 10, r: 8, p: 1 } }));
  servers.push(server);
  const client = createEosClient({ baseUrl: server.baseUrl, fetch: recorder.fetch });
  const send = (body: RequestInit['body'], contentType = FORM, path = '/client/login') =>
    recorder.fetch(`${server.baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': contentType } });
  return { clock, client, send };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const credentials = { domain: 'customers', loginName: 'foobat', password: 'anypwd' };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(EosApiError);
  return error as EosApiError;
}

describe('eos hello and login, against the description', () => {
  it.each(exampleExchanges(eosContract, 'login'))('replays the $name example with status $status', async (example) => {
    const { send } = await start();
    expect((await send(example.body, example.mediaType)).status).toBe(example.status);
  });

  it("accepts the page's curl request byte for byte and answers the documented body", async () => {
    const { send, clock } = await start();
    const res = await send('sessionId=9a0b6679-c460-41a3-b26c-26e0d69538c6&domain=customers&loginName=foobat&password=anypwd');
    expect(res.status).toBe(200);
    const body = (await res.json()) as LoginResponse;
    const { seedResponse } = documented;
    expect(body).toMatchObject({ secureCode: seedResponse.secureCode, profile: seedResponse.profile, expireTime: clock.now() + documented.loginLifetimeMs });
    expect(body.mobilityApps.user.map((a) => a.id)).toEqual(seedResponse.mobilityApps.user.map((a) => a.id));
    expect(body.mobilityApps.system[0]?.token).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(body.mobilityApps.system[0]?.token).not.toBe(seedResponse.mobilityApps.system[0]?.token);
  });

  it('issues sessions with Hello that Login accepts, sending a form body', async () => {
    const { client, clock } = await start();
    const session = await client.hello();
    expect(session.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.expireTime).toBe(clock.now() + documented.helloLifetimeMs);
    const result = await client.login({ ...credentials, sessionId: session.sessionId });
    expect(result.profile.displayName).toBe('Foo Bar');
    expect((await client.hello()).sessionId).not.toBe(session.sessionId);
  });

  it('signs in with hello() then login(), and uses the default domain when none is given', async () => {
    const { client } = await start();
    const { domain: _, ...withoutDomain } = credentials;
    expect((await client.signIn(withoutDomain)).secureCode).toBe(documented.seedResponse.secureCode);
    expect((await client.signIn({ ...credentials, domain: '' })).sessionId).toBeTruthy();
  });

  it('refuses an unknown session with 2-1', async () => {
    const { client } = await start();
    const error = await refusal(client.login({ ...credentials, sessionId: 'not-a-session' }));
    expect(error).toMatchObject({ status: 403, code: '2-1' });
  });

  it('expires a Hello session after its documented lifetime, on the injected clock', async () => {
    const { client, clock } = await start();
    const { sessionId } = await client.hello();
    clock.advance(documented.helloLifetimeMs);
    expect(await refusal(client.login({ ...credentials, sessionId }))).toMatchObject({ code: '2-1' });
  });

  it('extends a session on login to the documented login lifetime', async () => {
    const { client, clock } = await start();
    const { sessionId } = await client.hello();
    clock.advance(documented.helloLifetimeMs - 1);
    const first = await client.login({ ...credentials, sessionId });
    expect(first.expireTime).toBe(clock.now() + documented.loginLifetimeMs);
    clock.advance(documented.loginLifetimeMs - 1);
    expect((await client.login({ ...credentials, sessionId })).expireTime).toBe(clock.now() + documented.loginLifetimeMs);
    clock.advance(documented.loginLifetimeMs);
    expect(await refusal(client.login({ ...credentials, sessionId }))).toMatchObject({ code: '2-1' });
  });

  it('keeps a session as it was after a failed login', async () => {
    const { client, clock } = await start();
    const { sessionId } = await client.hello();
    await refusal(client.login({ ...credentials, sessionId, password: 'wrong' }));
    clock.advance(documented.helloLifetimeMs);
    expect(await refusal(client.login({ ...credentials, sessionId }))).toMatchObject({ code: '2-1' });
  });

  it('refuses an unknown domain with 3-3', async () => {
    const { client } = await start();
    const { sessionId } = await client.hello();
    expect(await refusal(client.login({ ...credentials, sessionId, domain: 'Customers' }))).toMatchObject({ status: 403, code: '3-3' });
  });

  it.each([
    ['no loginName', { password: 'anypwd' }],
    ['no password', { loginName: 'foobat' }],
    ['an empty password', { loginName: 'foobat', password: '' }],
  ])('refuses %s with 3-1', async (_, fields) => {
    const { client } = await start();
    const { sessionId } = await client.hello();
    expect(await refusal(client.login({ sessionId, domain: 'customers', ...fields }))).toMatchObject({ status: 403, code: '3-1' });
  });

  it('answers a wrong password and an unknown user alike with 3-2: no enumeration', async () => {
    const { client, send } = await start();
    const { sessionId } = await client.hello();
    const wrong = await send(`sessionId=${sessionId}&domain=customers&loginName=foobat&password=nope`);
    const unknown = await send(`sessionId=${sessionId}&domain=customers&loginName=nobody&password=nope`);
    expect(wrong.status).toBe(403);
    expect(unknown.status).toBe(403);
    expect(await wrong.json()).toEqual(documented.seedError);
    expect(await unknown.json()).toEqual(documented.seedError);
  });

  it.each([
    ['no sessionId', 'domain=customers&loginName=foobat&password=anypwd'],
    ['a repeated field', 'sessionId=a&sessionId=b&loginName=foobat&password=anypwd'],
    ['an empty body', ''],
  ])('refuses a body with %s as malformed (1-1)', async (_, body) => {
    const { send } = await start();
    const res = await send(body);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: '1-1' });
  });

  it('refuses JSON with 415 (1-3): the login is a form', async () => {
    const { send } = await start();
    const res = await send(JSON.stringify({ sessionId: 'x', ...credentials }), 'application/json');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: '1-3' });
  });

  it.each(['/client/login', '/client/hello'])('refuses a 1 MiB body on %s with 413 (1-2)', async (path) => {
    const { send } = await start();
    const res = await send(`sessionId=${'x'.repeat(1024 * 1024)}`, FORM, path);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: '1-2' });
  });

  // Tests of a file run in order: this one sees every response above.
  it('has exercised every documented status of every operation', () => {
    expect(recorder.missing(), 'documented statuses no test exercised').toEqual([]);
  });
});
