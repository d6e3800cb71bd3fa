import assert from 'node:assert/strict';
import { clockOf, defineSuite, type ScenarioContext } from '@loginspec/contract-testkit';
import type { AttemptLimitSettings } from '@loginspec/login-kit';
import { ApiError, createAktionClient } from '@loginspec/aktion-client';
import { aktion } from './description.js';

interface Demo {
  UserLogin: string;
  ApiKey: string;
}
type Context = ScenarioContext<Demo>;

const LIFETIME_MS = aktion.extension<number>('x-token-lifetime-seconds', 'login') * 1000;
const limit = aktion.extension<AttemptLimitSettings>('x-attempt-limit', 'login');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const plan = aktion.plan('login');

/** An answer's body as the value its schema types, read as the servers read it. */
export function read(status: number, mediaType: string, text: string): unknown {
  const body = plan.response(status)?.bodies.get(mediaType);
  if (!body) throw new Error(`login ${status} documents no ${mediaType}`);
  const reading = body.read(text);
  if (!reading.ok) throw new Error(`not a login ${status} ${mediaType} body: ${text}`);
  return reading.value;
}

/** The documented response example `name` of `status` in `mediaType`, read the same way. */
export function documentedBody(status: number, mediaType: string, name: string): unknown {
  const value = aktion.responseExample<unknown>('login', status, name, mediaType);
  return read(status, mediaType, typeof value === 'string' ? value : JSON.stringify(value));
}

const client = ({ baseUrl, fetch }: Context, format: 'json' | 'xml' = 'json') => createAktionClient({ baseUrl, format, fetch });
const send = ({ baseUrl, fetch }: Context, body: RequestInit['body'], contentType: string | undefined, accept?: string) =>
  fetch(`${baseUrl}/login`, { method: 'POST', body, headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(accept ? { accept } : {}) } });
const json = ({ UserLogin, ApiKey }: Demo) => JSON.stringify({ UserLogin, ApiKey });
const xml = ({ UserLogin, ApiKey }: Demo) => `<Request><UserLogin>${UserLogin}</UserLogin><ApiKey>${ApiKey}</ApiKey></Request>`;
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
    {
      name: 'answers a 1 MiB body with 413',
      async run(context) {
        const res = await send(context, JSON.stringify({ UserLogin: 'x'.repeat(1024 * 1024), ApiKey: context.demo.ApiKey }), 'application/json');
        assert.equal(res.status, 413);
        assert.deepEqual(read(413, 'application/json', await res.text()), documentedBody(413, 'application/json', 'tooLarge'));
      },
    },
  ],
});
