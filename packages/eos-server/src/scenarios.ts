import assert from 'node:assert/strict';
import { clockOf, defineSuite, faultsOf, fromAddress, type ScenarioContext } from '@loginspec/contract-testkit';
import type { AttemptLimitSettings } from '@loginspec/login-kit';
import { ApiError, createEosClient, type EosErrorCode, type LoginRequest, type LoginResponse } from '@loginspec/eos-client';
import { documented, eos } from './description.js';
import { STORES } from './server.js';

type Demo = LoginRequest & { loginName: string; password: string };
type Context = ScenarioContext<Demo>;

const FORM = 'application/x-www-form-urlencoded';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const seed = eos.responseExample<LoginResponse>('login', 200, 'seed');
const { lifetimes, helloRate } = documented;
const limit = eos.extension<AttemptLimitSettings>('x-attempt-limit', 'login');
const refusal = (code: EosErrorCode) => eos.errors('login').answer(code).body;

const client = ({ baseUrl, fetch }: Context) => createEosClient({ baseUrl, fetch });
const send = ({ baseUrl, fetch }: Context, body: RequestInit['body'], contentType = FORM, path = '/client/login') =>
  fetch(`${baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': contentType } });
/** `status code` of a raw login form. */
const code = async (context: Context, body: string) => {
  const res = await send(context, body);
  return `${res.status} ${((await res.json()) as { code?: string }).code}`;
};
/** The demo credentials on a new session (Hello), or on the one given. */
const credentials = async (context: Context, sessionId?: string) => {
  const { domain, loginName, password } = context.demo;
  return { sessionId: sessionId ?? (await client(context).hello()).sessionId, domain, loginName, password };
};
async function refused(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  assert.ok(error instanceof ApiError, `expected a refusal, got ${String(error)}`);
  return error;
}

/** The EOS Hello and Login contract, as scenarios any implementation must pass. */
export const eosSuite = defineSuite<Demo>({
  api: 'eos',
  description: eos,
  demo: eos.requestExample<Demo>('login'),
  scenarios: [
    {
      name: "accepts the page's curl request byte for byte and answers the documented body",
      needs: ['clock'],
      async run(context) {
        const { sessionId, domain, loginName, password } = context.demo;
        const res = await send(context, `sessionId=${sessionId}&domain=${domain}&loginName=${loginName}&password=${password}`);
        assert.equal(res.status, 200);
        const body = (await res.json()) as LoginResponse;
        // The session's expiry and the app tokens are per login; every other field is the page's.
        const tokensOf = (apps: LoginResponse['mobilityApps']) => [...apps.system, ...apps.user].map((app) => app.token);
        const withoutTokens = (apps: LoginResponse['mobilityApps']) => [...apps.system, ...apps.user].map(({ token: _, ...app }) => app);
        assert.equal(body.expireTime, clockOf(context).now() + lifetimes.loginMs);
        assert.deepEqual(Object.keys(body), Object.keys(seed));
        assert.deepEqual({ ...body, expireTime: 0, mobilityApps: withoutTokens(body.mobilityApps) }, { ...seed, expireTime: 0, mobilityApps: withoutTokens(seed.mobilityApps) });
        const fresh = tokensOf(body.mobilityApps);
        tokensOf(seed.mobilityApps).forEach((token, i) => {
          assert.match(fresh[i] as string, new RegExp(`^[A-Za-z0-9]{${token.length}}$`));
          assert.notEqual(fresh[i], token);
        });
      },
    },
    {
      name: "keeps the page's sample session alive whatever the time, with a fresh expiry on each login",
      needs: ['clock'],
      async run(context) {
        const clock = clockOf(context);
        clock.advance(10 * 365 * 24 * 3_600_000);
        const login = await credentials(context, context.demo.sessionId);
        assert.equal((await client(context).login(login)).expireTime, clock.now() + lifetimes.loginMs);
        clock.advance(lifetimes.loginMs);
        assert.equal((await client(context).login(login)).expireTime, clock.now() + lifetimes.loginMs);
      },
    },
    {
      name: 'issues sessions with Hello that Login accepts, sending a form body',
      async run(context) {
        const session = await client(context).hello();
        assert.match(session.sessionId, UUID);
        const result = await client(context).login(await credentials(context, session.sessionId));
        assert.deepEqual(result.profile, seed.profile);
        assert.notEqual((await client(context).hello()).sessionId, session.sessionId);
      },
    },
    {
      name: 'gives a Hello session the documented lifetime',
      needs: ['clock'],
      async run(context) {
        const { expireTime } = await client(context).hello();
        assert.equal(expireTime, clockOf(context).now() + lifetimes.helloMs);
      },
    },
    {
      name: 'signs in with hello() then login(), and uses the default domain when none is given',
      async run(context) {
        const { loginName, password } = context.demo;
        assert.equal((await client(context).signIn({ loginName, password })).secureCode, seed.secureCode);
        assert.ok((await client(context).signIn({ loginName, password, domain: '' })).sessionId);
      },
    },
    {
      name: 'refuses an unknown session with 2-1',
      async run(context) {
        const error = await refused(client(context).login(await credentials(context, 'not-a-session')));
        assert.equal(error.status, 403);
        assert.equal(error.code, '2-1');
        assert.deepEqual(error.body, refusal('2-1'));
      },
    },
    {
      name: 'expires a Hello session after its documented lifetime',
      needs: ['clock'],
      async run(context) {
        const login = await credentials(context);
        clockOf(context).advance(lifetimes.helloMs);
        assert.equal((await refused(client(context).login(login))).code, '2-1');
      },
    },
    {
      name: 'extends a session on each login to the documented login lifetime',
      needs: ['clock'],
      async run(context) {
        const clock = clockOf(context);
        const login = await credentials(context);
        clock.advance(lifetimes.helloMs - 1);
        assert.equal((await client(context).login(login)).expireTime, clock.now() + lifetimes.loginMs);
        clock.advance(lifetimes.loginMs - 1);
        assert.equal((await client(context).login(login)).expireTime, clock.now() + lifetimes.loginMs);
        clock.advance(lifetimes.loginMs);
        assert.equal((await refused(client(context).login(login))).code, '2-1');
      },
    },
    {
      name: 'keeps a session as it was after a failed login',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const login = await credentials(context);
        await refused(client(context).login({ ...login, password: 'wrong' }));
        clockOf(context).advance(lifetimes.helloMs);
        assert.equal((await refused(client(context).login(login))).code, '2-1');
      },
    },
    {
      name: 'refuses a domain that names no directory with 3-3, case-sensitively',
      async run(context) {
        const login = await credentials(context);
        const error = await refused(client(context).login({ ...login, domain: login.domain?.toUpperCase() }));
        assert.equal(error.status, 403);
        assert.equal(error.code, '3-3');
      },
    },
    {
      name: 'refuses a login without loginName or password (absent or empty) with 3-1: there is no anonymous login',
      async run(context) {
        const { sessionId, domain, loginName, password } = await credentials(context);
        for (const fields of [`password=${password}`, `loginName=${loginName}`, `loginName=&password=${password}`, `loginName=${loginName}&password=`]) {
          assert.equal(await code(context, `sessionId=${sessionId}&domain=${domain}&${fields}`), '403 3-1', fields);
        }
      },
    },
    {
      name: 'answers a wrong password and an unknown user alike with 3-2: no enumeration',
      changesState: true,
      async run(context) {
        const { sessionId, domain, loginName } = await credentials(context);
        const wrong = await send(context, `sessionId=${sessionId}&domain=${domain}&loginName=${loginName}&password=nope`);
        const unknown = await send(context, `sessionId=${sessionId}&domain=${domain}&loginName=nobody-at-all&password=nope`);
        assert.deepEqual([wrong.status, unknown.status], [403, 403]);
        assert.deepEqual(await wrong.json(), refusal('3-2'));
        assert.deepEqual(await unknown.json(), refusal('3-2'));
      },
    },
    {
      name: 'applies the checks in the order the description lists',
      changesState: true,
      async run(context) {
        const { sessionId, domain } = await credentials(context);
        assert.equal(await code(context, 'domain=nowhere&loginName=nobody'), '403 1-1');
        assert.equal(await code(context, 'sessionId=nope&domain=nowhere&loginName=nobody'), '403 2-1');
        assert.equal(await code(context, `sessionId=${sessionId}&domain=nowhere&loginName=nobody`), '403 3-3');
        assert.equal(await code(context, `sessionId=${sessionId}&domain=${domain}&loginName=nobody`), '403 3-1');
        assert.equal(await code(context, `sessionId=${sessionId}&domain=${domain}&loginName=nobody&password=x`), '403 3-2');
      },
    },
    {
      name: 'ignores fields the request schema does not name',
      async run(context) {
        const { sessionId, loginName, password } = await credentials(context);
        assert.equal((await send(context, `sessionId=${sessionId}&loginName=${loginName}&password=${password}&lang=en&lang=fr`)).status, 200);
      },
    },
    {
      name: 'refuses a body without sessionId, with a repeated field, or empty, as malformed (1-1)',
      async run(context) {
        const { loginName, password } = context.demo;
        for (const body of [`loginName=${loginName}&password=${password}`, `sessionId=a&sessionId=b&loginName=${loginName}&password=${password}`, '']) {
          const res = await send(context, body);
          assert.equal(res.status, 403, body);
          assert.deepEqual(await res.json(), refusal('1-1'));
        }
      },
    },
    {
      name: 'refuses JSON, text and a form in another charset with 415 (1-3): the login is a UTF-8 form',
      async run(context) {
        const form = `sessionId=x&loginName=${context.demo.loginName}&password=${context.demo.password}`;
        for (const [contentType, body] of [
          ['application/json', JSON.stringify(context.demo)],
          ['text/plain', form],
          [`${FORM}; charset=ISO-8859-1`, form],
          // The media type is judged first: a body over the limit, or an empty one, of the wrong type is a 415.
          ['application/json', JSON.stringify({ sessionId: 'x'.repeat(64 * 1024) })],
          ['application/json', ''],
        ] as const) {
          const res = await send(context, body, contentType);
          assert.equal(res.status, 415, contentType);
          assert.equal(((await res.json()) as { code: string }).code, '1-3');
        }
      },
    },
    {
      name: 'judges at most the limit of 50 parallel wrong passwords, then refuses the right one with 3-4 until the window passes',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const { sessionId, domain, loginName, password } = await credentials(context);
        const form = (pw: string) => `sessionId=${sessionId}&domain=${domain}&loginName=${loginName}&password=${pw}`;
        const burst = await Promise.all(Array.from({ length: 50 }, () => code(context, form('wrong'))));
        assert.equal(burst.filter((c) => c === '403 3-2').length, limit.perAccountAndAddress);
        assert.equal(burst.filter((c) => c === '429 3-4').length, 50 - limit.perAccountAndAddress);
        const refused = await send(context, form(password));
        assert.equal(refused.status, 429);
        assert.equal(refused.headers.get('retry-after'), String(limit.windowSeconds));
        assert.deepEqual(await refused.json(), refusal('3-4'));
        clockOf(context).advance(limit.windowSeconds * 1000);
        const login = await credentials(context);
        assert.ok((await client(context).login(login)).expireTime > 0);
      },
    },
    {
      name: 'opens at most the documented number of sessions a minute for one client address, with 2-2 after',
      needs: ['addresses'],
      changesState: true,
      async run(context) {
        const hello = (address: string) => createEosClient({ baseUrl: context.baseUrl, fetch: fromAddress(context, address) }).api.POST('/client/hello');
        for (let i = 0; i < helloRate.perAddress; i++) assert.equal((await hello('198.51.100.1')).response.status, 200);
        const refused = await hello('198.51.100.1');
        assert.equal(refused.response.status, 429);
        assert.deepEqual(refused.error, eos.errors('hello').answer('2-2').body);
        assert.equal(refused.response.headers.get('retry-after'), String(helloRate.windowSeconds));
        assert.equal((await hello('198.51.100.2')).response.status, 200);
      },
    },
    {
      name: 'refuses a 1 MiB body on Hello and on Login with 413 (1-2)',
      async run(context) {
        for (const path of ['/client/login', '/client/hello']) {
          const res = await send(context, `sessionId=${'x'.repeat(1024 * 1024)}`, FORM, path);
          assert.equal(res.status, 413, path);
          assert.equal(((await res.json()) as { code: string }).code, '1-2');
        }
      },
    },
    {
      name: 'answers Hello 2-3, with Retry-After, when it holds as many sessions as it can',
      needs: ['faults'],
      async run(context) {
        await faultsOf(context).inject({ kind: 'full', store: STORES.sessions });
        const full = await client(context).api.POST('/client/hello');
        assert.equal(full.response.status, 503);
        assert.deepEqual(full.error, eos.errors('hello').answer('2-3').body);
        assert.equal(full.response.headers.get('retry-after'), String(documented.lifetimes.helloMs / 1000));
        assert.equal((await client(context).api.POST('/client/hello')).response.status, 200);
      },
    },
    {
      name: 'answers Login 4-1 at once, with Retry-After, when its password checks are busy, and counts no attempt for it',
      needs: ['faults'],
      async run(context) {
        const login = await credentials(context);
        await faultsOf(context).inject({ kind: 'busy' });
        const busy = await refused(client(context).login(login));
        assert.deepEqual([busy.status, busy.code], [503, '4-1']);
        assert.ok((busy.retryAfterSeconds ?? 0) >= 1);
        assert.ok((await client(context).login(login)).expireTime > 0);
      },
    },
    {
      name: 'answers Hello and Login 4-2, and says nothing of the cause, when a store fails, and the session is as it was',
      needs: ['faults'],
      async run(context) {
        const login = await credentials(context);
        const form = new URLSearchParams({ ...login, domain: login.domain ?? '' }).toString();
        for (const [operation, path, body] of [
          ['hello', '/client/hello', undefined],
          ['login', '/client/login', form],
        ] as const) {
          await faultsOf(context).inject({ kind: 'error' });
          const res = await send(context, body, FORM, path);
          const text = await res.text();
          assert.equal(res.status, 500, operation);
          assert.deepEqual(JSON.parse(text), eos.errors(operation).answer('4-2').body, operation);
          assert.doesNotMatch(text, /fault|stack|at .+:\d+/i);
        }
        // The failed login changed nothing: its session is live and logs in.
        assert.ok((await client(context).login(login)).expireTime > 0);
      },
    },
  ],
});
