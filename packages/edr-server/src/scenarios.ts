import assert from 'node:assert/strict';
import { clockOf, defineSuite, faultsOf, type ScenarioContext } from '@loginspec/contract-testkit';
import { ApiError, accessTokenClaims, createEdrClient, type EdrErrorCode, LOGIN_PATH, type LoginRequest, type LoginResponse, mintAppJwt, TOKEN_PATH } from '@loginspec/edr-client';
import type { AttemptLimitSettings } from '@loginspec/login-kit';
import { SignJWT, UnsecuredJWT } from 'jose';
import { documented, edr } from './description.js';

type Context = ScenarioContext<LoginRequest>;

const seed = edr.responseExample<LoginResponse>('login', 200, 'seed').data;
const limit = edr.extension<AttemptLimitSettings>('x-attempt-limit', 'login');
const [demoApp] = documented.demoApps;
if (!demoApp) throw new Error('the edr description has no demo app in x-demo-apps');
const ACCESS_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9';

const client = ({ baseUrl, fetch }: Context) => createEdrClient({ baseUrl, fetch });
const post = (context: Context, body: unknown) => client(context).api.POST(LOGIN_PATH, { body: body as LoginRequest });
const send = ({ baseUrl, fetch }: Context, body: RequestInit['body'], contentType = 'application/json') =>
  fetch(`${baseUrl}${LOGIN_PATH}`, { method: 'POST', body, headers: { 'content-type': contentType } });
/** The body of a refusal, its timestamp checked and set aside. */
function withoutTimestamp(body: unknown): unknown {
  const { response, data } = body as { response: { timestamp: string }; data: unknown };
  assert.ok(!Number.isNaN(Date.parse(response.timestamp)), `not a timestamp: ${response.timestamp}`);
  return { response: { ...response, timestamp: undefined }, data };
}
const documentedRefusal = (code: EdrErrorCode) => withoutTimestamp(edr.errors('login').answer(code).body);
/** This project's token check's 401, as the description shows it. */
const tokenRefused = () => withoutTimestamp(edr.errors('checkToken').answer(401).body);
/** This project's token check, raw, so that any header can be sent. */
const check = ({ baseUrl, fetch }: Context, headers: Record<string, string> = {}) => fetch(`${baseUrl}${TOKEN_PATH}`, { headers });
/** A JWT of the demo app issued at `now` (ms). */
const mint = (now: number, claims: Record<string, unknown> = {}, secret = demoApp.secret, lifetimeSeconds = 300) =>
  new SignJWT({ iss: demoApp.iss, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'access' })
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + lifetimeSeconds)
    .sign(new TextEncoder().encode(secret));
const header = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/**
 * The server's time, as an answer's `response.timestamp` states it (here a
 * 400's, which changes nothing): app JWTs are judged on the server's clock,
 * which a reference server under test keeps where the test put it.
 */
async function serverNow(context: Context): Promise<number> {
  const { response } = (await (await send(context, '{}')).json()) as { response: { timestamp: string } };
  return Date.parse(response.timestamp);
}
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** `jwt` with the unused low bits of its last character changed: the same signature's bytes, spelled otherwise. */
const respelledLastBits = (jwt: string) => `${jwt.slice(0, -1)}${BASE64URL_ALPHABET[BASE64URL_ALPHABET.indexOf(jwt.at(-1) as string) ^ 1]}`;

/** The EDR mobile login's contract, as scenarios any implementation must pass. */
export const edrSuite = defineSuite<LoginRequest>({
  api: 'edr',
  description: edr,
  demo: edr.requestExample<LoginRequest>('login'),
  scenarios: [
    {
      name: "logs the sample's user in with the demo app's JWT, answering exactly the sample's user and an access token",
      async run(context) {
        const { data, response } = await post(context, context.demo);
        assert.equal(response.status, 200);
        assert.deepEqual(data?.data.user, seed.user);
        assert.equal(data?.response.code, 200);
        assert.match(data?.response.timestamp as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        const token = data?.data.accessToken as string;
        assert.equal(Buffer.from(token.split('.')[0] as string, 'base64url').toString(), '{"alg":"HS256","typ":"access"}');
        assert.ok(token.startsWith(`${ACCESS_HEADER}.`));
        const claims = accessTokenClaims(token);
        assert.equal(claims.sub, seed.user._id);
        assert.equal(claims.exp - claims.iat, documented.tokenLifetimeSeconds);
        assert.equal(typeof claims.jti, 'string');
        assert.equal('iss' in claims, false);
        assert.notEqual((await client(context).login(context.demo)).accessToken, token);
      },
    },
    {
      name: 'logs in with a JWT the client mints from the app id and secret',
      async run(context) {
        const now = await serverNow(context);
        const jwt = await mintAppJwt({ appId: demoApp.iss, secret: demoApp.secret, clock: { now: () => now } });
        assert.deepEqual((await client(context).login({ ...context.demo, jwt })).user, seed.user);
      },
    },
    {
      name: 'refuses every bad app JWT with the same 403, before looking at the credentials',
      async run(context) {
        const secret = new TextEncoder().encode(demoApp.secret);
        const { data } = await post(context, context.demo);
        // On the server's clock, so that each JWT below is wrong for its stated reason only.
        const nowMs = Date.parse(data?.response.timestamp as string);
        const now = Math.floor(nowMs / 1000);
        const refused: [string, string][] = [
          ['unsigned (alg: none)', new UnsecuredJWT({ iss: demoApp.iss, iat: now, exp: now + 300 }).encode()],
          ['signed with another key', await mint(nowMs, {}, 'some-other-secret-that-is-long-enough')],
          ['expired', await mint(Date.UTC(2020, 0, 1), {}, demoApp.secret, 60)],
          ['issued a year ahead', await mint(nowMs + 365 * 24 * 3600 * 1000)],
          ['padded', `${context.demo.jwt}=`],
          ["respelled in its last character's unused bits", respelledLastBits(context.demo.jwt)],
          ['of another algorithm', await new SignJWT({ iss: demoApp.iss }).setProtectedHeader({ alg: 'HS512' }).setIssuedAt(now).setExpirationTime(now + 300).sign(secret)],
          ['an access token', data?.data.accessToken as string],
          ['malformed (the page\'s own)', 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9. . .'],
          ['oversized', await mint(nowMs, { pad: 'x'.repeat(documented.appJwt.maxLength) })],
          ['pointing at a key elsewhere (jku)', await new SignJWT({ iss: demoApp.iss }).setProtectedHeader({ alg: 'HS256', jku: 'https://attacker.test/k' }).setIssuedAt(now).setExpirationTime(now + 300).sign(secret)],
          ['demanding an extension (crit)', `${header({ alg: 'HS256', crit: ['exp'] })}.${Buffer.from(JSON.stringify({ iss: demoApp.iss, iat: now, exp: now + 300 })).toString('base64url')}.x`],
          ['of an unknown app', await mint(nowMs, { iss: 'no-such-app' })],
          ['naming no app', await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now).setExpirationTime(now + 300).sign(secret)],
        ];
        for (const [why, jwt] of refused) {
          // An unknown user with a wrong password: the JWT answers first.
          const res = await post(context, { username: 'nobody-at-all', password: 'nope', jwt });
          assert.equal(res.response.status, 403, why);
          assert.deepEqual(withoutTimestamp(res.error), documentedRefusal(403), why);
        }
      },
    },
    {
      name: 'answers a wrong password and an unknown user alike with 401: no enumeration',
      changesState: true,
      async run(context) {
        const wrong = await post(context, { ...context.demo, password: 'nope' });
        const unknown = await post(context, { ...context.demo, username: 'nobody-at-all', password: 'nope' });
        assert.deepEqual([wrong.response.status, unknown.response.status], [401, 401]);
        assert.deepEqual(withoutTimestamp(wrong.error), documentedRefusal(401));
        assert.deepEqual(withoutTimestamp(unknown.error), documentedRefusal(401));
        const error = await client(context)
          .login({ ...context.demo, password: 'nope' })
          .catch((e: unknown) => e);
        assert.ok(error instanceof ApiError);
        assert.deepEqual([error.status, error.code], [401, 401]);
      },
    },
    {
      name: 'answers a body that is not a login with 400, saying what is wrong',
      async run(context) {
        const { username, password, jwt } = context.demo;
        for (const [body, reason] of [
          [JSON.stringify({ username, password }), "must have required property 'jwt'"],
          [JSON.stringify({ username: '', password, jwt }), 'must NOT have fewer than 1 characters'],
          [JSON.stringify({ username: 1, password, jwt }), 'must be string'],
          ['[]', 'must be object'],
          ['{"username": ', 'not valid application/json'],
          ['', 'request body is required'],
        ] as const) {
          const res = await send(context, body);
          assert.equal(res.status, 400, body);
          const error = (await res.json()) as { response: { code: number; message: string } };
          assert.equal(error.response.code, 400);
          assert.ok(error.response.message.includes(reason), `${body}: ${error.response.message}`);
        }
      },
    },
    {
      name: 'answers a body that is not JSON with 415, and a 1 MiB body with 413',
      async run(context) {
        assert.equal((await send(context, 'username=rrath', 'application/x-www-form-urlencoded')).status, 415);
        const large = await send(context, JSON.stringify({ ...context.demo, password: 'x'.repeat(1024 * 1024) }));
        assert.equal(large.status, 413);
        assert.deepEqual(withoutTimestamp(await large.json()), documentedRefusal(413));
      },
    },
    {
      name: "checks an access token: its claims until its exp on the server's clock, then 401",
      needs: ['clock'],
      async run(context) {
        const edrClient = client(context);
        const { accessToken } = await edrClient.login(context.demo);
        const claims = accessTokenClaims(accessToken);
        assert.deepEqual(await edrClient.checkToken(accessToken), claims);
        const clock = clockOf(context);
        clock.advance(claims.exp * 1000 - 1 - clock.now());
        assert.deepEqual(await edrClient.checkToken(accessToken), claims);
        clock.advance(1);
        const expired = await edrClient.checkToken(accessToken).catch((e: unknown) => e);
        assert.ok(expired instanceof ApiError);
        assert.deepEqual([expired.status, expired.code], [401, 401]);
        assert.deepEqual(withoutTimestamp(expired.body), tokenRefused());
        assert.equal(expired.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
      },
    },
    {
      name: 'refuses an app JWT as an access token, and every token the server did not sign, with 401 and a challenge',
      async run(context) {
        const now = await serverNow(context);
        const appJwt = await mintAppJwt({ appId: demoApp.iss, secret: demoApp.secret, clock: { now: () => now } });
        const { accessToken } = await client(context).login({ ...context.demo, jwt: appJwt });
        const { sub, iat, exp, jti } = accessTokenClaims(accessToken);
        const refused: [string, string][] = [
          ["the seed's app JWT", context.demo.jwt],
          ['the app JWT this login took', appJwt],
          // What an app could forge: the claims of an access token, signed with its own secret.
          [
            "an access token's claims signed with the app's secret",
            await new SignJWT({ sub, jti }).setProtectedHeader({ alg: 'HS256', typ: 'access' }).setIssuedAt(iat).setExpirationTime(exp).sign(new TextEncoder().encode(demoApp.secret)),
          ],
          ['unsigned (alg: none)', new UnsecuredJWT({ sub, iat, exp, jti }).encode()],
          ['padded', `${accessToken}=`],
          ["respelled in its last character's unused bits", respelledLastBits(accessToken)],
          ["the page's truncated sample", 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9. . .'],
        ];
        for (const [why, token] of refused) {
          const res = await check(context, { authorization: `Bearer ${token}` });
          assert.equal(res.status, 401, why);
          assert.equal(res.headers.get('www-authenticate'), 'Bearer error="invalid_token"', why);
          assert.deepEqual(withoutTimestamp(await res.json()), tokenRefused(), why);
        }
        for (const [why, headers] of [
          ['no Authorization', {}],
          ['another scheme', { authorization: `Basic ${Buffer.from('rrath:rrath-demo-password').toString('base64')}` }],
          ['a bare token', { authorization: accessToken }],
        ] as const) {
          const res = await check(context, headers);
          assert.deepEqual([res.status, res.headers.get('www-authenticate')], [401, 'Bearer'], why);
          assert.deepEqual(withoutTimestamp(await res.json()), tokenRefused(), why);
        }
        assert.equal((await check(context, { authorization: `Bearer ${accessToken}` })).status, 200);
      },
    },
    {
      name: 'judges at most the limit of 50 parallel wrong passwords, then refuses the right one with 429 until the window passes',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const burst = await Promise.all(Array.from({ length: 50 }, () => post(context, { ...context.demo, password: 'wrong' })));
        const statuses = burst.map((r) => r.response.status);
        assert.equal(statuses.filter((s) => s === 401).length, limit.perAccountAndAddress);
        assert.equal(statuses.filter((s) => s === 429).length, 50 - limit.perAccountAndAddress);
        const refused = await post(context, context.demo);
        assert.equal(refused.response.status, 429);
        assert.equal(refused.response.headers.get('retry-after'), String(limit.windowSeconds));
        clockOf(context).advance(limit.windowSeconds * 1000);
        assert.equal((await post(context, context.demo)).response.status, 200);
      },
    },
    {
      name: 'answers a GET of the token check that carries a body over 64 KiB with 413',
      async run(context) {
        const { accessToken } = await client(context).login(context.demo);
        const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/octet-stream' };
        const res = await context.send({ method: 'GET', url: `${context.baseUrl}${TOKEN_PATH}`, headers, body: Buffer.alloc(70 * 1024, 'x') });
        assert.equal(res.status, 413);
        assert.deepEqual(withoutTimestamp(await res.json()), withoutTimestamp(edr.errors('checkToken').answer(413).body));
      },
    },
    {
      name: 'answers a login 503 at once, with Retry-After, when its password checks are busy',
      needs: ['faults'],
      async run(context) {
        await faultsOf(context).inject({ kind: 'busy' });
        const { response, error } = await post(context, context.demo);
        assert.equal(response.status, 503);
        assert.deepEqual(withoutTimestamp(error), documentedRefusal(503));
        assert.match(response.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      },
    },
    {
      name: 'answers a login 500, and says nothing of the cause, when a store fails',
      needs: ['faults'],
      async run(context) {
        await faultsOf(context).inject({ kind: 'error' });
        const res = await send(context, JSON.stringify(context.demo));
        const text = await res.text();
        assert.equal(res.status, 500);
        assert.deepEqual(withoutTimestamp(JSON.parse(text)), documentedRefusal(500));
        assert.doesNotMatch(text, /fault|stack|at .+:\d+/i);
        assert.ok((await client(context).login(context.demo)).accessToken, 'the failed login changed nothing');
      },
    },
    {
      name: 'answers a token check 500, not a refused token, when a store fails, and says nothing of the cause',
      needs: ['faults'],
      async run(context) {
        const { accessToken } = await client(context).login(context.demo);
        await faultsOf(context).inject({ kind: 'error' });
        const res = await check(context, { authorization: `Bearer ${accessToken}` });
        const text = await res.text();
        assert.equal(res.status, 500);
        assert.equal(res.headers.get('www-authenticate'), null);
        assert.deepEqual(withoutTimestamp(JSON.parse(text)), withoutTimestamp(edr.errors('checkToken').answer(500).body));
        assert.doesNotMatch(text, /fault|stack|at .+:\d+/i);
        assert.deepEqual(await client(context).checkToken(accessToken), accessTokenClaims(accessToken), 'the token is live once the store is back');
      },
    },
  ],
});
