import assert from 'node:assert/strict';
import { clockOf, defineSuite, faultsOf, type ScenarioContext } from '@loginspec/contract-testkit';
import type { AttemptLimitSettings } from '@loginspec/login-kit';
import { ApiError, createAktionClient, type operations } from '@loginspec/aktion-client';
import { aktion } from './description.js';

interface Demo {
  UserLogin: string;
  ApiKey: string;
}
type Context = ScenarioContext<Demo>;

const LIFETIME_MS = aktion.extension<number>('x-token-lifetime-seconds', 'login') * 1000;
const limit = aktion.extension<AttemptLimitSettings>('x-attempt-limit', 'login');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type OperationId = keyof operations & string;

/** An answer's body as the value its schema types, read as the servers read it. */
export function read(status: number, mediaType: string, text: string, operationId: OperationId = 'login'): unknown {
  const body = aktion.plan(operationId).response(status)?.bodies.get(mediaType);
  if (!body) throw new Error(`${operationId} ${status} documents no ${mediaType}`);
  const reading = body.read(text);
  if (!reading.ok) throw new Error(`not a ${operationId} ${status} ${mediaType} body: ${text}`);
  return reading.value;
}

/** The documented response example `name` of `status` in `mediaType`, read the same way. */
export function documentedBody(status: number, mediaType: string, name: string, operationId: OperationId = 'login'): unknown {
  const value = aktion.responseExample<unknown>(operationId, status, name, mediaType);
  return read(status, mediaType, typeof value === 'string' ? value : JSON.stringify(value), operationId);
}

const client = ({ baseUrl, fetch }: Context, format: 'json' | 'xml' = 'json') => createAktionClient({ baseUrl, format, fetch });
const send = ({ baseUrl, fetch }: Context, body: RequestInit['body'], contentType: string | undefined, accept?: string) =>
  fetch(`${baseUrl}/login`, { method: 'POST', body, headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(accept ? { accept } : {}) } });
const json = ({ UserLogin, ApiKey }: Demo) => JSON.stringify({ UserLogin, ApiKey });
const xml = ({ UserLogin, ApiKey }: Demo) => `<Request><UserLogin>${UserLogin}</UserLogin><ApiKey>${ApiKey}</ApiKey></Request>`;
/** This project's `GET /token`, raw, so that any header can be sent. */
const check = ({ baseUrl, fetch }: Context, headers: Record<string, string>) => fetch(`${baseUrl}/token`, { headers });
const codeOf = async (res: Response, mediaType = 'application/json') => [res.status, (read(res.status, mediaType, await res.text()) as { Code: number }).Code];

const XXE = (key: string) => `<?xml version="1.0"?><!DOCTYPE Request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Request><UserLogin>&xxe;</UserLogin><ApiKey>${key}</ApiKey></Request>`;
const LAUGHS = (key: string) => {
  const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  return `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><Request><UserLogin>&lol9;</UserLogin><ApiKey>${key}</ApiKey></Request>`;
};

/** The Aktion login's contract, in JSON and XML, as scenarios any implementation must pass. */
export const aktionSuite = defineSuite<Demo>({
  api: 'aktion',
  description: aktion,
  demo: aktion.requestExample<Demo>('login', 'seed', 'application/json'),
  scenarios: [
    ...(['json', 'xml'] as const).map((format) => ({
      name: `logs the demo user in over ${format} with a fresh random token valid 20 seconds`,
      needs: ['clock'] as const,
      async run(context: Context) {
        const first = await client(context, format).login(context.demo.UserLogin, context.demo.ApiKey);
        assert.match(first.token, UUID);
        assert.equal(first.expireInSec * 1000, LIFETIME_MS);
        assert.deepEqual(first.expiresAt, new Date(clockOf(context).now() + LIFETIME_MS));
        assert.notEqual((await client(context, format).login(context.demo.UserLogin, context.demo.ApiKey)).token, first.token);
      },
    })),
    {
      name: 'accepts each documented media type and answers in it, ExpireDate written in its format',
      needs: ['clock'],
      async run(context) {
        const expires = clockOf(context).now() + LIFETIME_MS;
        const { UserLogin, ApiKey } = context.demo;
        for (const [mediaType, body] of [
          ['application/json', json(context.demo)],
          ['text/json', json(context.demo)],
          ['application/xml', xml(context.demo)],
          ['text/xml', `<Request xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"> <UserLogin>${UserLogin}</UserLogin> <ApiKey>${ApiKey}</ApiKey> </Request>`],
        ] as const) {
          const res = await send(context, body, mediaType);
          assert.equal(res.status, 200, mediaType);
          assert.equal(res.headers.get('content-type'), `${mediaType}; charset=utf-8`);
          const text = await res.text();
          if (mediaType.endsWith('xml')) {
            assert.match(text, new RegExp(`^<Response><Token>[0-9a-f-]{36}</Token><ExpireInSec>20</ExpireInSec><ExpireDate>${new Date(expires).toISOString()}</ExpireDate></Response>$`));
          } else {
            assert.deepEqual({ ...JSON.parse(text), Token: 'uuid' }, { Token: 'uuid', ExpireInSec: 20, ExpireDate: `/Date(${expires})/` });
          }
        }
      },
    },
    {
      name: 'answers in the format Accept prefers, else the request’s, else JSON',
      async run(context) {
        for (const [type, body, accept, answered] of [
          ['application/json', json(context.demo), 'application/xml', 'application/xml'],
          ['text/xml', xml(context.demo), 'text/json', 'text/json'],
          ['application/xml', xml(context.demo), 'application/json;q=0.5, text/xml', 'text/xml'],
          ['text/json', json(context.demo), 'application/*', 'application/json'],
          ['text/xml', xml(context.demo), 'text/html', 'application/json'],
        ] as const) {
          const res = await send(context, body, type, accept);
          assert.equal(res.status, 200);
          assert.equal(res.headers.get('content-type'), `${answered}; charset=utf-8`, `${type} with Accept ${accept}`);
        }
      },
    },
    {
      name: 'answers a missing ApiKey with the documented 1002 example, in JSON and XML',
      async run(context) {
        for (const mediaType of ['application/json', 'application/xml']) {
          const res = await send(context, JSON.stringify({ UserLogin: context.demo.UserLogin }), 'application/json', mediaType);
          assert.equal(res.status, 400);
          assert.deepEqual(read(400, mediaType, await res.text()), documentedBody(400, mediaType, 'missingParameter'));
        }
      },
    },
    {
      name: 'answers every body that fails to bind with 1002, listing what failed',
      async run(context) {
        const { UserLogin, ApiKey } = context.demo;
        for (const [body, type, reason] of [
          [JSON.stringify({ ApiKey }), 'application/json', 'UserLogin: The UserLogin field is required.'],
          ['<Request/>', 'text/xml', 'ApiKey: The ApiKey field is required.'],
          [JSON.stringify({ UserLogin: '', ApiKey }), 'application/json', 'UserLogin: must NOT have fewer than 1 characters'],
          [JSON.stringify({ UserLogin, ApiKey: null }), 'text/json', 'ApiKey: must be string'],
          ['', 'application/json', 'request body is required'],
          ['{"UserLogin": ', 'application/json', 'not valid application/json'],
          ['[]', 'application/json', 'body: must be object'],
          ['<Request><UserLogin>x</Request>', 'application/xml', 'malformed XML'],
          [`<Login><UserLogin>${UserLogin}</UserLogin><ApiKey>${ApiKey}</ApiKey></Login>`, 'application/xml', 'root element must be <Request>'],
          [JSON.stringify({ Result: 'x', UserLogin, ApiKey }), 'text/json', 'Result: must be object'],
        ] as const) {
          const res = await send(context, body, type);
          assert.equal(res.status, 400, body);
          const error = read(400, type, await res.text()) as { Code: number; ModelStateErr: string[] };
          assert.equal(error.Code, 1002);
          assert.ok(error.ModelStateErr.join('\n').includes(reason), `${body}: ${error.ModelStateErr.join('\n')}`);
        }
      },
    },
    {
      name: 'writes a control character of a refused body into an XML answer as an escape, never raw',
      async run(context) {
        const res = await send(context, '\u0001{"UserLogin": 1}', 'application/json', 'application/xml');
        assert.equal(res.status, 400);
        const text = await res.text();
        assert.doesNotMatch(text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        const error = read(400, 'application/xml', text) as { ModelStateErr: string[] };
        assert.match(error.ModelStateErr.join(), /\\u0001/);
      },
    },
    {
      name: 'refuses the classic XXE and billion-laughs payloads with the documented 1002, reading no entity',
      async run(context) {
        for (const payload of [XXE(context.demo.ApiKey), LAUGHS(context.demo.ApiKey)]) {
          const res = await send(context, payload, 'application/xml');
          assert.equal(res.status, 400);
          const body = await res.text();
          assert.deepEqual(read(400, 'application/xml', body), documentedBody(400, 'application/xml', 'doctypeRefused'));
          assert.doesNotMatch(body, /root:|lollol/);
        }
      },
    },
    ...(['json', 'xml'] as const).map((format) => ({
      name: `answers a wrong key and an unknown user alike with 1003 (${format}): no enumeration`,
      changesState: true,
      async run(context: Context) {
        const mediaType = `application/${format}`;
        const as = format === 'xml' ? xml : json;
        const wrongKey = await send(context, as({ ...context.demo, ApiKey: 'AAAAAAAAAAAAAAAAAAAAAA==' }), mediaType);
        const unknownUser = await send(context, as({ ...context.demo, UserLogin: 'Jane.Doe.Nobody' }), mediaType);
        assert.deepEqual([wrongKey.status, unknownUser.status], [401, 401]);
        const body = await wrongKey.text();
        assert.equal(await unknownUser.text(), body);
        assert.deepEqual(read(401, mediaType, body), documentedBody(401, mediaType, 'unknownCredentials'));
      },
    })),
    {
      name: 'raises 1003 from the client as an ApiError',
      changesState: true,
      async run(context) {
        const error = await client(context, 'xml')
          .login('Jane.Doe.Nobody', context.demo.ApiKey)
          .catch((e: unknown) => e);
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 401);
        assert.equal(error.code, 1003);
        assert.deepEqual(error.body, documentedBody(401, 'application/xml', 'unknownCredentials'));
      },
    },
    ...(['json', 'xml'] as const).map((format) => ({
      name: `answers a malformed ApiKey with 1004 (${format})`,
      async run(context: Context) {
        const key = context.demo.ApiKey;
        for (const malformed of ['not-a-key', `${key}=`, key.replace('==', '=A'), 'AAAAAAAAAAAAAAAAAAAAAAAA']) {
          const error = await client(context, format)
            .login(context.demo.UserLogin, malformed)
            .catch((e: unknown) => e);
          assert.ok(error instanceof ApiError, malformed);
          assert.deepEqual([error.status, error.code], [401, 1004]);
        }
      },
    })),
    {
      name: 'checks in the documented order: 415, then 1002, then 1004, then 1003',
      changesState: true,
      async run(context) {
        assert.deepEqual(await codeOf(await send(context, '{', 'text/plain')), [415, 415]);
        assert.deepEqual(await codeOf(await send(context, JSON.stringify({ ApiKey: 'bad' }), 'application/json')), [400, 1002]);
        assert.deepEqual(await codeOf(await send(context, JSON.stringify({ UserLogin: 'Jane.Doe.Nobody', ApiKey: 'bad' }), 'application/json')), [401, 1004]);
        assert.deepEqual(await codeOf(await send(context, JSON.stringify({ UserLogin: 'Jane.Doe.Nobody', ApiKey: context.demo.ApiKey }), 'application/json')), [401, 1003]);
      },
    },
    {
      name: 'answers any other media type with 415, in the format Accept asks for',
      async run(context) {
        const { UserLogin, ApiKey } = context.demo;
        for (const [type, body, accept, answered] of [
          ['text/plain', json(context.demo), undefined, 'application/json'],
          ['application/x-www-form-urlencoded', `UserLogin=${UserLogin}&ApiKey=${encodeURIComponent(ApiKey)}`, 'application/xml', 'application/xml'],
          // A byte body: fetch gives a string body a text/plain Content-Type of its own.
          [undefined, new TextEncoder().encode(json(context.demo)), 'text/xml', 'text/xml'],
          ['application/json; charset=iso-8859-1', json(context.demo), undefined, 'application/json'],
        ] as const) {
          const res = await send(context, body, type, accept);
          assert.equal(res.status, 415, type);
          assert.equal(res.headers.get('content-type'), `${answered}; charset=utf-8`);
          assert.deepEqual(read(415, answered, await res.text()), documentedBody(415, answered, 'unsupportedMediaType'));
        }
      },
    },
    {
      name: 'judges at most the limit of 50 parallel wrong keys, then refuses the right one with 429 until the window passes',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const wrongKey = json({ ...context.demo, ApiKey: 'AAAAAAAAAAAAAAAAAAAAAA==' });
        const burst = await Promise.all(Array.from({ length: 50 }, async () => (await codeOf(await send(context, wrongKey, 'application/json'))).join(' ')));
        assert.equal(burst.filter((c) => c === '401 1003').length, limit.perAccountAndAddress);
        assert.equal(burst.filter((c) => c === '429 429').length, 50 - limit.perAccountAndAddress);
        const refused = await send(context, json(context.demo), 'application/json', 'application/xml');
        assert.equal(refused.status, 429);
        assert.equal(refused.headers.get('retry-after'), String(limit.windowSeconds));
        assert.deepEqual(read(429, 'application/xml', await refused.text()), documentedBody(429, 'application/xml', 'attemptLimit'));
        clockOf(context).advance(limit.windowSeconds * 1000);
        assert.equal((await send(context, json(context.demo), 'application/json')).status, 200);
      },
    },
    ...(['json', 'xml'] as const).map((format) => ({
      name: `checks a live token over ${format}: its user, the seconds it has left and its ExpireDate`,
      needs: ['clock'] as const,
      async run(context: Context) {
        const aktionClient = client(context, format);
        const { token, expiresAt } = await aktionClient.login(context.demo.UserLogin, context.demo.ApiKey);
        assert.deepEqual(await aktionClient.checkToken(token), { userLogin: context.demo.UserLogin, expireInSec: LIFETIME_MS / 1000, expiresAt });
        clockOf(context).advance(5_000);
        assert.deepEqual(await aktionClient.checkToken(token), { userLogin: context.demo.UserLogin, expireInSec: LIFETIME_MS / 1000 - 5, expiresAt });
      },
    })),
    {
      name: 'refuses a token with 401 once its 20 seconds have passed, in the format Accept asks for',
      needs: ['clock'],
      async run(context) {
        const { token } = await client(context).login(context.demo.UserLogin, context.demo.ApiKey);
        clockOf(context).advance(LIFETIME_MS - 1);
        // A millisecond left is still a live token, and counts as a whole second.
        assert.equal((await client(context, 'xml').checkToken(token)).expireInSec, 1);
        clockOf(context).advance(1);
        const expired = await client(context)
          .checkToken(token)
          .catch((e: unknown) => e);
        assert.ok(expired instanceof ApiError);
        assert.deepEqual([expired.status, expired.code], [401, 401]);
        for (const mediaType of ['application/json', 'text/json', 'application/xml', 'text/xml']) {
          const res = await check(context, { authorization: `Bearer ${token}`, accept: mediaType });
          assert.equal(res.status, 401, mediaType);
          assert.equal(res.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
          assert.deepEqual(read(401, mediaType, await res.text(), 'checkToken'), documentedBody(401, mediaType, 'tokenRefused', 'checkToken'));
        }
      },
    },
    {
      name: 'refuses a request without a bearer token with 401 and a WWW-Authenticate challenge',
      async run(context) {
        const { token } = await client(context).login(context.demo.UserLogin, context.demo.ApiKey);
        const pageSample = aktion.responseExample<{ Token: string }>('login', 200, 'seed', 'application/json').Token;
        for (const [headers, challenge] of [
          [{}, 'Bearer'],
          [{ authorization: `Basic ${Buffer.from(`${context.demo.UserLogin}:${context.demo.ApiKey}`).toString('base64')}` }, 'Bearer'],
          // A bare token is not a bearer credential.
          [{ authorization: token }, 'Bearer'],
          // The page's sample token, and one nobody was given.
          [{ authorization: `Bearer ${pageSample}` }, 'Bearer error="invalid_token"'],
          [{ authorization: `Bearer ${token.replace(/^.{8}/, '00000000')}` }, 'Bearer error="invalid_token"'],
        ] as const) {
          const res = await check(context, headers);
          assert.equal(res.status, 401, JSON.stringify(headers));
          assert.equal(res.headers.get('www-authenticate'), challenge, JSON.stringify(headers));
          assert.deepEqual(read(401, 'application/json', await res.text(), 'checkToken'), documentedBody(401, 'application/json', 'tokenRefused', 'checkToken'));
        }
        // None of it touched the token.
        assert.equal((await check(context, { authorization: `Bearer ${token}` })).status, 200);
      },
    },
    {
      name: 'answers a 1 MiB body with 413',
      async run(context) {
        const res = await send(context, JSON.stringify({ UserLogin: 'x'.repeat(1024 * 1024), ApiKey: context.demo.ApiKey }), 'application/json');
        assert.equal(res.status, 413);
        assert.deepEqual(read(413, 'application/json', await res.text()), documentedBody(413, 'application/json', 'tooLarge'));
      },
    },
    {
      name: 'answers a GET of /token that carries a body over 64 KiB with 413, in the format Accept asks for',
      async run(context) {
        const { token } = await client(context).login(context.demo.UserLogin, context.demo.ApiKey);
        const headers = { authorization: `Bearer ${token}`, accept: 'application/xml', 'content-type': 'application/octet-stream' };
        const res = await context.send({ method: 'GET', url: `${context.baseUrl}/token`, headers, body: Buffer.alloc(70 * 1024, 'x') });
        assert.equal(res.status, 413);
        assert.deepEqual(read(413, 'application/xml', await res.text(), 'checkToken'), documentedBody(413, 'application/xml', 'tooLarge', 'checkToken'));
      },
    },
    {
      name: 'answers the documented 500 of login and of the token check, in each format and without details, when a store fails',
      needs: ['faults'],
      async run(context) {
        const { token } = await client(context).login(context.demo.UserLogin, context.demo.ApiKey);
        for (const mediaType of ['application/json', 'text/json', 'application/xml', 'text/xml']) {
          await faultsOf(context).inject({ kind: 'error' });
          const login = await send(context, json(context.demo), 'application/json', mediaType);
          assert.equal(login.status, 500, mediaType);
          assert.deepEqual(read(500, mediaType, await login.text()), documentedBody(500, mediaType, 'internalError'));
          await faultsOf(context).inject({ kind: 'error' });
          const checked = await check(context, { authorization: `Bearer ${token}`, accept: mediaType });
          const text = await checked.text();
          assert.equal(checked.status, 500, mediaType);
          assert.deepEqual(read(500, mediaType, text, 'checkToken'), documentedBody(500, mediaType, 'internalError', 'checkToken'));
          assert.doesNotMatch(text, /fault|stack|at .+:\d+/i);
        }
      },
    },
    {
      name: 'answers a login 503 at once, with Retry-After, when its key checks are busy',
      needs: ['faults'],
      async run(context) {
        await faultsOf(context).inject({ kind: 'busy' });
        const busy = await send(context, json(context.demo), 'application/json');
        assert.equal(busy.status, 503);
        assert.deepEqual(read(503, 'application/json', await busy.text()), documentedBody(503, 'application/json', 'busy'));
        assert.match(busy.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      },
    },
  ],
});
