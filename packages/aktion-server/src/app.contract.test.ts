import { ContractRecorder, exampleExchanges, type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { AktionApiError, createAktionClient } from '@loginspec/aktion-client';
import { CredentialDirectory, ExpiringStore, ManualClock, PasswordHasher } from '@loginspec/login-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createAktionApp, createDemoAktionApp } from './app.js';
import { aktionContract } from './description.js';
import { documented } from './documented.js';

// Every response (JSON and XML) goes through one recorder: an undocumented
// status, media type or body fails the test that caused it.
const recorder = new ContractRecorder(aktionContract);
const servers: RunningServer[] = [];
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const { UserLogin: USER, ApiKey: KEY } = documented.seedRequest;

async function start() {
  const clock = new ManualClock();
  const tokens = new ExpiringStore<string>(clock);
  const server = await serveOnLoopback(await createDemoAktionApp({ clock, tokens, scrypt: FAST }));
  servers.push(server);
  const client = (format: 'json' | 'xml' = 'json') => createAktionClient({ baseUrl: server.baseUrl, format, fetch: recorder.fetch });
  const send = (body: RequestInit['body'], contentType: string, accept?: string) =>
    recorder.fetch(`${server.baseUrl}/login`, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, ...(accept ? { accept } : {}) },
    });
  return { clock, tokens, client, send };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const XXE = `<?xml version="1.0"?><!DOCTYPE Request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Request><UserLogin>&xxe;</UserLogin><ApiKey>${KEY}</ApiKey></Request>`;
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><Request><UserLogin>&lol9;</UserLogin><ApiKey>${KEY}</ApiKey></Request>`;

describe('aktion login, against the description', () => {
  it.each(exampleExchanges(aktionContract, 'login'))("replays the page's $name sample ($mediaType) with status $status", async (example) => {
    const { send } = await start();
    const res = await send(example.body, example.mediaType);
    expect(res.status).toBe(example.status);
    // No Accept: the answer comes in the request's own media type.
    expect(res.headers.get('content-type')).toBe(`${example.mediaType}; charset=utf-8`);
  });

  it.each(['json', 'xml'] as const)('logs John.Doo in over %s with a random token valid 20 seconds', async (format) => {
    const { client, clock } = await start();
    const first = await client(format).login(USER, KEY);
    expect(first.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first.expireInSec).toBe(20);
    expect(first.expiresAt.getTime()).toBe(clock.now() + 20_000);
    expect((await client(format).login(USER, KEY)).token).not.toBe(first.token);
  });

  it('answers in the format Accept asks for, whatever the request format', async () => {
    const { send } = await start();
    const asXml = await send(JSON.stringify({ UserLogin: USER, ApiKey: KEY }), 'application/json', 'application/xml');
    expect(asXml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await asXml.text()).toMatch(/^<Response><Token>[0-9a-f-]{36}<\/Token><ExpireInSec>20<\/ExpireInSec><ExpireDate>\d{4}-\d\d-\d\dT[\d:.]+Z<\/ExpireDate><\/Response>$/);
    const asJson = await send(`<Request><UserLogin>${USER}</UserLogin><ApiKey>${KEY}</ApiKey></Request>`, 'text/xml', 'text/json');
    expect(asJson.headers.get('content-type')).toMatch(/^text\/json/);
    expect(await asJson.json()).toMatchObject({ ExpireInSec: 20, ExpireDate: expect.stringMatching(/^\/Date\(\d+\)\/$/) });
  });

  it('keeps a token valid until 20 seconds on the clock, and not after', async () => {
    const { client, clock, tokens } = await start();
    const { token } = await client().login(USER, KEY);
    clock.advance(documented.tokenLifetimeSeconds * 1000 - 1);
    expect(tokens.get(token)).toBe(USER);
    clock.advance(1);
    expect(tokens.get(token)).toBeUndefined();
  });

  it.each([
    ['a missing ApiKey', JSON.stringify({ UserLogin: USER }), 'application/json', 'ApiKey: The ApiKey field is required.'],
    ['an empty body', '', 'application/json', 'request body is required'],
    ['malformed JSON', '{"UserLogin": ', 'application/json', 'not valid application/json'],
    ['malformed XML', '<Request><UserLogin>x</Request>', 'application/xml', 'malformed XML'],
    ['the wrong XML root', `<Login><UserLogin>${USER}</UserLogin><ApiKey>${KEY}</ApiKey></Login>`, 'application/xml', 'root element must be'],
    ['a Result that is not a RequestResult', JSON.stringify({ Result: 'x', UserLogin: USER, ApiKey: KEY }), 'text/json', 'Result'],
  ])('answers %s with 1002', async (_, body, type, reason) => {
    const { send } = await start();
    const res = await send(body, type);
    expect(res.status).toBe(400);
    const error = await res.text();
    expect(error).toContain('1002');
    expect(error).toContain(reason);
  });

  it.each([
    ['XXE', XXE],
    ['billion laughs', LAUGHS],
  ])('refuses the classic %s payload with 1002, fast', async (_, payload) => {
    const { send } = await start();
    const started = performance.now();
    const res = await send(payload, 'application/xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('<Code>1002</Code>');
    expect(body).toContain('DOCTYPE is not accepted');
    expect(body).not.toContain('root:');
  });

  it('answers a wrong key and an unknown user alike with 1003: no enumeration', async () => {
    const { client } = await start();
    const wrongKey = await client().login(USER, 'AAAAAAAAAAAAAAAAAAAAAA==').catch((e: unknown) => e);
    const unknownUser = await client().login('Jane.Doe', KEY).catch((e: unknown) => e);
    expect(wrongKey).toBeInstanceOf(AktionApiError);
    expect(wrongKey).toMatchObject({ status: 401, code: 1003 });
    expect(unknownUser).toEqual(wrongKey);
  });

  it.each(['json', 'xml'] as const)('answers a malformed ApiKey with 1004 (%s)', async (format) => {
    const { client } = await start();
    await expect(client(format).login(USER, 'not-a-key')).rejects.toMatchObject({ status: 401, code: 1004, modelStateErrors: [] });
  });

  it.each([
    ['text/plain', 'UserLogin=John.Doo'],
    ['application/x-www-form-urlencoded', `UserLogin=${USER}&ApiKey=${encodeURIComponent(KEY)}`],
  ])('answers %s with 415', async (type, body) => {
    const { send } = await start();
    const res = await send(body, type, 'application/xml');
    expect(res.status).toBe(415);
    expect(await res.text()).toContain('<Code>415</Code>');
  });

  it('answers a 1 MiB body with 413', async () => {
    const { send } = await start();
    const res = await send(JSON.stringify({ UserLogin: 'x'.repeat(1024 * 1024), ApiKey: KEY }), 'application/json');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ Code: 413 });
  });

  it('answers the documented 500, without details, when a collaborator fails', async () => {
    const clock = new ManualClock();
    const users = await CredentialDirectory.create<{ userLogin: string }>(new PasswordHasher(FAST), []);
    users.verify = () => Promise.reject(new Error('directory at /var/secret is down'));
    const server = await serveOnLoopback(createAktionApp({ clock, users, tokens: new ExpiringStore(clock) }));
    servers.push(server);
    for (const format of ['json', 'xml'] as const) {
      const error = await createAktionClient({ baseUrl: server.baseUrl, format, fetch: recorder.fetch }).login(USER, KEY).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 500, code: 500, message: 'Aktion 500: An error has occurred.' });
    }
  });

  // Tests of a file run in order: this one sees every response above.
  it('has exercised every documented status of every operation', () => {
    expect(recorder.missing(), 'documented statuses no test exercised').toEqual([]);
  });
});
