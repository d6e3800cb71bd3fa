import { ContractRecorder, exampleExchanges, type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { createEosClient, EosApiError, type LoginResponse } from '@loginspec/eos-client';
import { ManualClock } from '@loginspec/login-kit';
import { DEFAULT_MAX_BODY_BYTES } from '@loginspec/openapi-runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoEosApp } from './app.js';
import { eosContract } from './description.js';
import { documented } from './documented.js';

// Every response goes through one recorder: an undocumented status or body
// fails the test that caused it, and the last test checks coverage.
const recorder = new ContractRecorder(eosContract);
const servers: RunningServer[] = [];
const FORM = 'application/x-www-form-urlencoded';
const login = eosContract.operation('login');
const seed = eosContract.responseExample(login, '200', 'seed') as LoginResponse;
const { lifetimes } = documented;

async function start() {
  const clock = new ManualClock();
  // A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
  const server = await serveOnLoopback(await createDemoEosApp({ clock, scrypt: { N: 2 ** 10, r: 8, p: 1 } }));
  servers.push(server);
  const client = createEosClient({ baseUrl: server.baseUrl, fetch: recorder.fetch });
  const send = (body: RequestInit['body'], contentType = FORM, path = '/client/login') =>
    recorder.fetch(`${server.baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': contentType } });
  const code = async (body: string) => {
    const res = await send(body);
    return `${res.status} ${((await res.json()) as { code?: string }).code}`;
  };
  return { clock, client, send, code };
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
    // The session's expiry and the app tokens are per login; every other field is the page's.
    const anyTokenLike = (apps: LoginResponse['mobilityApps']['user']) =>
      apps.map((app) => ({ ...app, token: expect.stringMatching(new RegExp(`^[A-Za-z0-9]{${app.token.length}}$`)) }));
    const body = (await res.json()) as LoginResponse;
    expect(body).toEqual({
      ...seed,
      expireTime: clock.now() + lifetimes.loginMs,
      mobilityApps: { system: anyTokenLike(seed.mobilityApps.system), user: anyTokenLike(seed.mobilityApps.user) },
    });
    expect(Object.keys(body)).toEqual(Object.keys(seed));
    expect(body.mobilityApps.system[0]?.token).not.toBe(seed.mobilityApps.system[0]?.token);
  });

  it("keeps the page's sample session alive whatever the time, with a fresh expiry on each login", async () => {
    const { client, clock } = await start();
    const sessionId = '9a0b6679-c460-41a3-b26c-26e0d69538c6';
    clock.advance(10 * 365 * 24 * 3_600_000);
    expect((await client.login({ ...credentials, sessionId })).expireTime).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs);
    expect((await client.login({ ...credentials, sessionId })).expireTime).toBe(clock.now() + lifetimes.loginMs);
  });

  it('issues sessions with Hello that Login accepts, sending a form body', async () => {
    const { client, clock } = await start();
    const session = await client.hello();
    expect(session.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(session.expireTime).toBe(clock.now() + lifetimes.helloMs);
    const result = await client.login({ ...credentials, sessionId: session.sessionId });
    expect(result.profile).toEqual(seed.profile);
    expect((await client.hello()).sessionId).not.toBe(session.sessionId);
  });

  it('signs in with hello() then login(), and uses the default domain when none is given', async () => {
    const { client } = await start();
    const { domain: _, ...withoutDomain } = credentials;
    expect(documented.defaultDomain).toBe(credentials.domain);
    expect((await client.signIn(withoutDomain)).secureCode).toBe(seed.secureCode);
    expect((await client.signIn({ ...credentials, domain: '' })).sessionId).toBeTruthy();
  });

  it('refuses an unknown session with 2-1', async () => {
    const { client } = await start();
    const error = await refusal(client.login({ ...credentials, sessionId: 'not-a-session' }));
    const { message } = eosContract.responseExample(login, '403', 'unknownSession') as { message: string };
    expect(error).toMatchObject({ status: 403, code: '2-1', message: `EOS 2-1: ${message}` });
  });

  it('expires a Hello session after its documented lifetime, on the injected clock', async () => {
    const { client, clock } = await start();
    const { sessionId } = await client.hello();
    clock.advance(lifetimes.helloMs);
    expect(await refusal(client.login({ ...credentials, sessionId }))).toMatchObject({ status: 403, code: '2-1' });
  });

  it('extends a session on each login to the documented login lifetime', async () => {
    const { client, clock } = await start();
    const { sessionId } = await client.hello();
    clock.advance(lifetimes.helloMs - 1);
    const first = await client.login({ ...credentials, sessionId });
    expect(first.expireTime).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs - 1);
    expect((await client.login({ ...credentials, sessionId })).expireTime).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs);
    expect(await refusal(client.login({ ...credentials, sessionId }))).toMatchObject({ code: '2-1' });
  });

  it('keeps a session as it was after a failed login', async () => {
    const { client, clock } = await start();
    const { sessionId } = await client.hello();
    await refusal(client.login({ ...credentials, sessionId, password: 'wrong' }));
    clock.advance(lifetimes.helloMs);
    expect(await refusal(client.login({ ...credentials, sessionId }))).toMatchObject({ code: '2-1' });
  });

  it('refuses a domain that names no directory with 3-3, case-sensitively', async () => {
    const { client } = await start();
    const { sessionId } = await client.hello();
    expect(await refusal(client.login({ ...credentials, sessionId, domain: 'Customers' }))).toMatchObject({ status: 403, code: '3-3' });
  });

  it.each([
    ['no loginName', 'password=anypwd'],
    ['no password', 'loginName=foobat'],
    ['an empty loginName', 'loginName=&password=anypwd'],
    ['an empty password', 'loginName=foobat&password='],
  ])('refuses %s with 3-1: there is no anonymous login', async (_, fields) => {
    const { client, code } = await start();
    const { sessionId } = await client.hello();
    expect(await code(`sessionId=${sessionId}&domain=customers&${fields}`)).toBe('403 3-1');
  });

  it('answers a wrong password and an unknown user alike with 3-2: no enumeration', async () => {
    const { client, send } = await start();
    const { sessionId } = await client.hello();
    const wrong = await send(`sessionId=${sessionId}&domain=customers&loginName=foobat&password=nope`);
    const unknown = await send(`sessionId=${sessionId}&domain=customers&loginName=nobody&password=nope`);
    const documentedBody = eosContract.responseExample(login, '403', 'seed');
    expect([wrong.status, unknown.status]).toEqual([403, 403]);
    expect(await wrong.json()).toEqual(documentedBody);
    expect(await unknown.json()).toEqual(documentedBody);
  });

  it('applies the checks in the order the description lists', async () => {
    const { client, code } = await start();
    const { sessionId } = await client.hello();
    expect(await code('domain=nowhere&loginName=nobody')).toBe('403 1-1');
    expect(await code('sessionId=nope&domain=nowhere&loginName=nobody')).toBe('403 2-1');
    expect(await code(`sessionId=${sessionId}&domain=nowhere&loginName=nobody`)).toBe('403 3-3');
    expect(await code(`sessionId=${sessionId}&domain=customers&loginName=nobody`)).toBe('403 3-1');
    expect(await code(`sessionId=${sessionId}&domain=customers&loginName=nobody&password=x`)).toBe('403 3-2');
  });

  it('ignores fields the request schema does not name', async () => {
    const { client, send } = await start();
    const { sessionId } = await client.hello();
    expect((await send(`sessionId=${sessionId}&loginName=foobat&password=anypwd&lang=en&lang=fr`)).status).toBe(200);
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

  it.each([
    ['JSON', 'application/json', JSON.stringify({ sessionId: 'x', ...credentials })],
    ['text', 'text/plain', 'sessionId=x&loginName=foobat&password=anypwd'],
    ['a form in another charset', `${FORM}; charset=ISO-8859-1`, 'sessionId=x&loginName=foobat&password=anypwd'],
  ])('refuses %s with 415 (1-3): the login is a UTF-8 form', async (_, contentType, body) => {
    const { send } = await start();
    const res = await send(body, contentType);
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: '1-3' });
  });

  it.each([
    // Just over the limit: a larger unread body can stall the loopback server's close for seconds.
    ['a JSON body over the size limit', 'application/json', JSON.stringify({ sessionId: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) })],
    ['an empty JSON body', 'application/json', ''],
  ])('judges the media type first: %s is 415, not 413 or 1-1', async (_, contentType, body) => {
    const { send } = await start();
    const res = await send(body, contentType);
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
