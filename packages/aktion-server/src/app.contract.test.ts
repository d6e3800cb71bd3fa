import { AktionApiError, createAktionClient, createTokenSource } from '@loginspec/aktion-client';
import { ContractRecorder, exampleExchanges, type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { type CredentialDirectory, ExpiringStore, ManualClock, PasswordHasher } from '@loginspec/login-kit';
import { bodyFormat, decodeBody, resolveRef } from '@loginspec/openapi-runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { type AktionUser, createAktionApp, createDemoAktionApp } from './app.js';
import { demoUserDirectory, demoUsers } from './demo-users.js';
import { aktionContract } from './description.js';
import { documented } from './documented.js';

// Every response (JSON and XML) goes through one recorder: an undocumented
// status, media type or body fails the test that caused it.
const recorder = new ContractRecorder(aktionContract);
const login = aktionContract.operation('login');
const servers: RunningServer[] = [];
// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const [demo] = demoUsers();
const { userLogin: USER, apiKey: KEY } = demo as { userLogin: string; apiKey: string };
const LIFETIME_MS = documented.tokenLifetimeSeconds * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The demo user's server; its token store is on a manual clock, so tests can read it and move time. */
async function start(users?: CredentialDirectory<AktionUser>) {
  const clock = new ManualClock();
  const tokens = new ExpiringStore<string>(clock);
  const reported: unknown[] = [];
  users ??= await demoUserDirectory(new PasswordHasher(FAST));
  const server = await serveOnLoopback(createAktionApp({ users, tokens, reportError: (e) => reported.push(e) }));
  servers.push(server);
  const client = (format: 'json' | 'xml' = 'json') => createAktionClient({ baseUrl: server.baseUrl, format, fetch: recorder.fetch });
  const send = (body: RequestInit['body'], contentType: string | undefined, accept?: string) =>
    recorder.fetch(`${server.baseUrl}/login`, {
      method: 'POST',
      body,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(accept ? { accept } : {}) },
    });
  return { clock, tokens, reported, client, send };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An answer's body as the value its schema types (XML scalars coerced, as the recorder reads them). */
function read(status: number, mediaType: string, text: string): unknown {
  const body = aktionContract.responseBodies(login, String(status)).find((b) => b.mediaType === mediaType);
  if (!body) throw new Error(`login ${status} documents no ${mediaType}`);
  const format = bodyFormat(mediaType) ?? 'json';
  const checked = aktionContract.validator.validate(body.pointer, decodeBody(format, text, body.media.schema ?? true, aktionContract.doc), format !== 'json');
  if (!checked.valid) throw new Error(`not a login ${status} ${mediaType} body: ${text}`);
  return checked.value;
}

/** The documented response example `name` of `status` in `mediaType`, read the same way. */
function documentedBody(status: number, mediaType: string, name: string): unknown {
  const examples = aktionContract.responseBodies(login, String(status)).find((b) => b.mediaType === mediaType)?.media.examples;
  const { value } = resolveRef(aktionContract.doc, examples?.[name]) as { value: unknown };
  return read(status, mediaType, typeof value === 'string' ? value : JSON.stringify(value));
}

const JSON_LOGIN = JSON.stringify({ UserLogin: USER, ApiKey: KEY });
const XML_LOGIN = `<Request><UserLogin>${USER}</UserLogin><ApiKey>${KEY}</ApiKey></Request>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE Request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Request><UserLogin>&xxe;</UserLogin><ApiKey>${KEY}</ApiKey></Request>`;
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><Request><UserLogin>&lol9;</UserLogin><ApiKey>${KEY}</ApiKey></Request>`;

describe('aktion login, against the description', () => {
  it.each(exampleExchanges(aktionContract, 'login'))("replays the page's $name sample ($mediaType) with status $status", async (example) => {
    const { send } = await start();
    const res = await send(example.body, example.mediaType);
    expect(res.status).toBe(example.status);
    // No Accept: the answer comes in the request's own media type.
    expect(res.headers.get('content-type')).toBe(`${example.mediaType}; charset=utf-8`);
    const answer = read(res.status, example.mediaType, await res.text());
    if (res.status === 200) expect(answer).toMatchObject({ Token: expect.stringMatching(UUID) });
    else expect(answer).toEqual(documentedBody(example.status, example.mediaType, example.name));
  });

  it.each(['json', 'xml'] as const)('logs John.Doo in over %s with a fresh random token valid 20 seconds', async (format) => {
    const { client, clock } = await start();
    const first = await client(format).login(USER, KEY);
    expect(first.token).toMatch(UUID);
    expect(first.expireInSec).toBe(documented.tokenLifetimeSeconds);
    expect(first.expiresAt).toEqual(new Date(clock.now() + LIFETIME_MS));
    expect((await client(format).login(USER, KEY)).token).not.toBe(first.token);
  });

  it('serves the demo user from createDemoAktionApp', async () => {
    const clock = new ManualClock();
    const server = await serveOnLoopback(await createDemoAktionApp({ clock, scrypt: FAST }));
    servers.push(server);
    const token = await createAktionClient({ baseUrl: server.baseUrl, fetch: recorder.fetch }).login(USER, KEY);
    expect(token.expiresAt).toEqual(new Date(clock.now() + LIFETIME_MS));
  });

  it.each([
    ['application/json', JSON_LOGIN],
    ['text/json', JSON_LOGIN],
    ['application/xml', XML_LOGIN],
    ['text/xml', `<Request xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"> <UserLogin>${USER}</UserLogin> <ApiKey>${KEY}</ApiKey> </Request>`],
  ])('accepts %s and answers in it', async (mediaType, body) => {
    const { send, clock } = await start();
    const res = await send(body, mediaType);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${mediaType}; charset=utf-8`);
    const text = await res.text();
    const expires = clock.now() + LIFETIME_MS;
    if (bodyFormat(mediaType) === 'xml') {
      expect(text).toMatch(new RegExp(`^<Response><Token>[0-9a-f-]{36}</Token><ExpireInSec>20</ExpireInSec><ExpireDate>${new Date(expires).toISOString()}</ExpireDate></Response>$`));
    } else {
      expect(JSON.parse(text)).toEqual({ Token: expect.stringMatching(UUID), ExpireInSec: 20, ExpireDate: `/Date(${expires})/` });
    }
  });

  it.each([
    ['application/json', JSON_LOGIN, 'application/xml', 'application/xml'],
    ['text/xml', XML_LOGIN, 'text/json', 'text/json'],
    ['application/xml', XML_LOGIN, 'application/json;q=0.5, text/xml', 'text/xml'],
    ['text/json', JSON_LOGIN, 'application/*', 'application/json'],
    ['text/xml', XML_LOGIN, 'text/html', 'application/json'],
  ])('answers a %s request with Accept %s as %s', async (type, body, accept, answered) => {
    const { send } = await start();
    const res = await send(body, type, accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${answered}; charset=utf-8`);
  });

  it('keeps a token valid until 20 seconds on the clock, and not after', async () => {
    const { client, clock, tokens } = await start();
    const { token } = await client().login(USER, KEY);
    clock.advance(LIFETIME_MS - 1);
    expect(tokens.get(token)).toBe(USER);
    clock.advance(1);
    expect(tokens.get(token)).toBeUndefined();
  });

  it("lets the client's token source log in again before the token expires", async () => {
    const { client, clock, tokens } = await start();
    const source = createTokenSource(client('xml'), { userLogin: USER, apiKey: KEY }, { clock });
    const first = await source.getToken();
    clock.advance(LIFETIME_MS - 2_001);
    expect(await source.getToken()).toBe(first);
    clock.advance(1);
    const second = await source.getToken();
    expect(second).not.toBe(first);
    expect(tokens.get(first)).toBe(USER);
    clock.advance(2_000);
    expect(tokens.get(first)).toBeUndefined();
    expect(tokens.get(second)).toBe(USER);
  });

  it('answers a missing ApiKey with the documented 1002 example', async () => {
    const { send } = await start();
    for (const mediaType of ['application/json', 'application/xml']) {
      const res = await send(JSON.stringify({ UserLogin: USER }), 'application/json', mediaType);
      expect(res.status).toBe(400);
      expect(read(400, mediaType, await res.text())).toEqual(documentedBody(400, mediaType, 'missingParameter'));
    }
  });

  it.each([
    ['a missing UserLogin', JSON.stringify({ ApiKey: KEY }), 'application/json', 'UserLogin: The UserLogin field is required.'],
    ['both missing', '<Request/>', 'text/xml', 'ApiKey: The ApiKey field is required.'],
    ['an empty UserLogin', JSON.stringify({ UserLogin: '', ApiKey: KEY }), 'application/json', 'UserLogin: must NOT have fewer than 1 characters'],
    ['a null ApiKey', JSON.stringify({ UserLogin: USER, ApiKey: null }), 'text/json', 'ApiKey: must be string'],
    ['an empty body', '', 'application/json', 'request body is required'],
    ['malformed JSON', '{"UserLogin": ', 'application/json', 'not valid application/json'],
    ['a JSON array', '[]', 'application/json', 'body: must be object'],
    ['malformed XML', '<Request><UserLogin>x</Request>', 'application/xml', 'malformed XML'],
    ['the wrong XML root', `<Login><UserLogin>${USER}</UserLogin><ApiKey>${KEY}</ApiKey></Login>`, 'application/xml', 'root element must be <Request>'],
    ['a Result that is not a RequestResult', JSON.stringify({ Result: 'x', UserLogin: USER, ApiKey: KEY }), 'text/json', 'Result: must be object'],
  ])('answers %s with 1002', async (_, body, type, reason) => {
    const { send } = await start();
    const res = await send(body, type);
    expect(res.status).toBe(400);
    const error = read(400, type, await res.text()) as { Code: number; ModelStateErr: string[] };
    expect(error.Code).toBe(1002);
    expect(error.ModelStateErr.join('\n')).toContain(reason);
  });

  it.each([
    ['XXE', XXE],
    ['billion laughs', LAUGHS],
  ])('refuses the classic %s payload with 1002 at once, reading no entity', async (_, payload) => {
    const { send } = await start();
    const started = performance.now();
    const res = await send(payload, 'application/xml');
    expect(performance.now() - started).toBeLessThan(500);
    expect(res.status).toBe(400);
    const body = await res.text();
    const { Message } = documentedBody(400, 'application/xml', 'doctypeRefused') as { Message: string };
    expect(read(400, 'application/xml', body)).toMatchObject({ Code: 1002, Message });
    expect(body).toContain('DOCTYPE');
    expect(body).not.toMatch(/root:|lollol/);
  });

  it.each(['json', 'xml'] as const)('answers a wrong key and an unknown user alike with 1003 (%s): no enumeration', async (format) => {
    const { send } = await start();
    const mediaType = `application/${format}`;
    const as = (user: string, key: string) => (format === 'xml' ? `<Request><UserLogin>${user}</UserLogin><ApiKey>${key}</ApiKey></Request>` : JSON.stringify({ UserLogin: user, ApiKey: key }));
    const wrongKey = await send(as(USER, 'AAAAAAAAAAAAAAAAAAAAAA=='), mediaType);
    const unknownUser = await send(as('Jane.Doe', KEY), mediaType);
    expect([wrongKey.status, unknownUser.status]).toEqual([401, 401]);
    const body = await wrongKey.text();
    expect(await unknownUser.text()).toBe(body);
    expect(read(401, mediaType, body)).toEqual(documentedBody(401, mediaType, 'unknownCredentials'));
  });

  it('raises 1003 as AktionApiError from the client', async () => {
    const { client } = await start();
    const error = await client('xml').login('Jane.Doe', KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AktionApiError);
    expect(error).toMatchObject({ status: 401, code: 1003, modelStateErrors: [], message: 'Aktion 1003: UserLogin or ApiKey are unknown.' });
  });

  it.each(['json', 'xml'] as const)('answers a malformed ApiKey with 1004 (%s)', async (format) => {
    const { client } = await start();
    for (const key of ['not-a-key', `${KEY}=`, KEY.replace('==', '=A'), 'AAAAAAAAAAAAAAAAAAAAAAAA']) {
      await expect(client(format).login(USER, key)).rejects.toMatchObject({ status: 401, code: 1004, modelStateErrors: [] });
    }
  });

  it('checks in the documented order: 415, then 1002, then 1004 before any lookup, then 1003', async () => {
    const lookups: string[] = [];
    const users = await demoUserDirectory(new PasswordHasher(FAST));
    const verify = users.verify.bind(users);
    users.verify = (id, secret) => {
      lookups.push(id);
      return verify(id, secret);
    };
    const { send } = await start(users);
    const codeOf = async (res: Response) => [res.status, (read(res.status, 'application/json', await res.text()) as { Code: number }).Code];
    expect(await codeOf(await send('{', 'text/plain'))).toEqual([415, 415]);
    expect(await codeOf(await send(JSON.stringify({ ApiKey: 'bad' }), 'application/json'))).toEqual([400, 1002]);
    expect(await codeOf(await send(JSON.stringify({ UserLogin: 'Jane.Doe', ApiKey: 'bad' }), 'application/json'))).toEqual([401, 1004]);
    expect(lookups).toEqual([]);
    expect(await codeOf(await send(JSON.stringify({ UserLogin: 'Jane.Doe', ApiKey: KEY }), 'application/json'))).toEqual([401, 1003]);
    expect(lookups).toEqual(['Jane.Doe']);
  });

  it.each([
    ['text/plain', JSON_LOGIN, undefined, 'application/json'],
    ['application/x-www-form-urlencoded', `UserLogin=${USER}&ApiKey=${encodeURIComponent(KEY)}`, 'application/xml', 'application/xml'],
    // A byte body: fetch gives a string body a text/plain Content-Type of its own.
    [undefined, new TextEncoder().encode(JSON_LOGIN), 'text/xml', 'text/xml'],
    ['application/json; charset=iso-8859-1', JSON_LOGIN, undefined, 'application/json'],
  ])('answers a %s body with 415', async (type, body, accept, answered) => {
    const { send } = await start();
    const res = await send(body, type, accept);
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe(`${answered}; charset=utf-8`);
    expect(read(415, answered, await res.text())).toEqual(documentedBody(415, answered, 'unsupportedMediaType'));
  });

  it('answers a 1 MiB body with 413', async () => {
    const { send } = await start();
    const res = await send(JSON.stringify({ UserLogin: 'x'.repeat(1024 * 1024), ApiKey: KEY }), 'application/json');
    expect(res.status).toBe(413);
    expect(read(413, 'application/json', await res.text())).toEqual(documentedBody(413, 'application/json', 'tooLarge'));
  });

  it('answers the documented 500, without details, when a collaborator fails', async () => {
    const users = await demoUserDirectory(new PasswordHasher(FAST));
    const failure = new Error('directory at /var/secret is down');
    users.verify = () => Promise.reject(failure);
    const { send, reported } = await start(users);
    for (const mediaType of ['application/json', 'text/json', 'application/xml', 'text/xml']) {
      const res = await send(JSON_LOGIN, 'application/json', mediaType);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(read(500, mediaType, body)).toEqual(documentedBody(500, mediaType, 'internalError'));
      expect(body).not.toContain('/var/secret');
      expect(body).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(reported).toEqual([failure, failure, failure, failure]);
  });

  // Tests of a file run in order: this one sees every response above.
  it('has exercised every documented status of every operation', () => {
    expect(recorder.missing(), 'documented statuses no test exercised').toEqual([]);
  });
});
