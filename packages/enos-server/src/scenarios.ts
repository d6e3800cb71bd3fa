import assert from 'node:assert/strict';
import { clockOf, defineSuite, faultsOf, fromAddress, type ScenarioContext } from '@loginspec/contract-testkit';
import {
  ApiError,
  CHOOSE_ORGANIZATION_PATH,
  createEnosClient,
  type EnosErrorCode,
  LOGIN_PATH,
  LOGOUT_PATH,
  type LoginRequest,
  type LoginResponse,
  REFRESH_PATH,
  TOKEN_INFO_PATH,
} from '@loginspec/enos-client';
import { documented, enos } from './description.js';
import { STORES } from './server.js';
import type { AttemptLimitSettings } from '@loginspec/login-kit';

type Context = ScenarioContext<LoginRequest>;

const client = ({ baseUrl, fetch }: Context) => createEnosClient({ baseUrl, fetch });
const send = ({ baseUrl, fetch }: Context, body: RequestInit['body'], contentType = 'application/json') =>
  fetch(`${baseUrl}${LOGIN_PATH}`, { method: 'POST', body, headers: { 'content-type': contentType } });
const attempt = (context: Context, password: string, account = context.demo.account) => client(context).api.POST(LOGIN_PATH, { body: { account, password } });
const seed = enos.responseExample<LoginResponse>('login', 200, 'seed').data;
const limit = enos.extension<AttemptLimitSettings>('x-attempt-limit', 'login');
const ACCESS_MS = documented.tokenLifetimeSeconds * 1000;
const REFRESH_MS = documented.refreshTokenLifetimeSeconds * 1000;
const [firstOrganization, secondOrganization] = seed.organizations;
if (!firstOrganization || !secondOrganization) throw new Error("the enos login's seed example has fewer than two organizations");

/** The refusal a helper of the client raised. */
async function refusedWith(promise: Promise<unknown>): Promise<ApiError<EnosErrorCode>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ApiError, `expected a refusal, got ${String(error)}`);
  return error as ApiError<EnosErrorCode>;
}
const codeOf = (error: ApiError<EnosErrorCode>) => [error.status, error.code, error.reason];
/** A request of the operations that take no body, raw, so that any header can be sent. */
const get = ({ baseUrl, fetch }: Context, path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers });
const post = ({ baseUrl, fetch }: Context, path: string, body: RequestInit['body'], headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
/** Status, code and message of a raw refusal, and the challenge it carries. */
async function refusal(res: Response): Promise<[number, number, string, string | null]> {
  const { code, message } = (await res.json()) as { code: number; message: string };
  return [res.status, code, message, res.headers.get('www-authenticate')];
}
const message = (operationId: 'logout' | 'refreshAccessToken' | 'getTokenInformation' | 'chooseOrganization', code: EnosErrorCode) =>
  (enos.errors(operationId).answer(code).body as { message: string }).message;
/** Logs the demo account in and chooses an organization: a session with a refresh token. */
async function sessionWithRefreshToken(context: Context, organization = firstOrganization as { id: string }) {
  const enosClient = client(context);
  const login = await enosClient.login(context.demo);
  return { login, chosen: await enosClient.chooseOrganization(login.accessToken, organization.id) };
}

/** The EnOS login's contract, as scenarios any implementation must pass. */
export const enosSuite = defineSuite<LoginRequest>({
  api: 'enos',
  description: enos,
  demo: enos.requestExample<LoginRequest>('login'),
  scenarios: [
    {
      name: "logs the seed's demo account in with a fresh token and its organizations",
      async run(context) {
        const data = await client(context).login(context.demo);
        assert.match(data.accessToken, /^APP_PORTAL_S_[A-Za-z0-9]{32}$/);
        assert.deepEqual(data.user, seed.user);
        assert.deepEqual(data.organizations, seed.organizations);
        assert.notEqual((await client(context).login(context.demo)).accessToken, data.accessToken);
      },
    },
    {
      name: 'answers a wrong password and an unknown account alike: 31400, no enumeration',
      changesState: true,
      async run(context) {
        const wrong = await attempt(context, 'nope');
        const unknown = await attempt(context, 'nope', 'nobody-at-all');
        assert.equal(wrong.response.status, 400);
        assert.deepEqual(wrong.error, enos.errors('login').answer(31400).body);
        assert.equal(unknown.response.status, 400);
        assert.deepEqual(unknown.error, wrong.error);
      },
    },
    {
      name: 'raises a refusal from the login helper as an ApiError with its code',
      changesState: true,
      async run(context) {
        const error = await client(context)
          .login({ ...context.demo, password: 'nope' })
          .catch((e: unknown) => e);
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 400);
        assert.equal(error.code, 31400);
      },
    },
    {
      name: 'answers every body it cannot read as credentials with 31400',
      async run(context) {
        for (const body of ['', '{"account": "portal_demo", ', '[]', '"portal_demo"', '{"account": 42, "password": true}', '{"account": "portal_demo"}', '{"account": "portal_demo", "password": ""}']) {
          const res = await send(context, body);
          assert.equal(res.status, 400, `body ${JSON.stringify(body)}`);
          assert.deepEqual(await res.json(), enos.errors('login').answer(31400).body);
        }
      },
    },
    {
      name: 'answers a body that is not JSON with 31415',
      async run(context) {
        const { account, password } = context.demo;
        for (const [type, body] of [
          ['text/plain', JSON.stringify({ account, password })],
          ['application/x-www-form-urlencoded', `account=${account}&password=${password}`],
          ['application/xml', `<LoginRequest><account>${account}</account></LoginRequest>`],
        ] as const) {
          const res = await send(context, body, type);
          assert.equal(res.status, 415, type);
          assert.equal(((await res.json()) as { code: number }).code, 31415);
        }
      },
    },
    {
      name: 'answers a 1 MiB body with 31413',
      async run(context) {
        const res = await send(context, JSON.stringify({ account: context.demo.account, password: 'x'.repeat(1024 * 1024) }));
        assert.equal(res.status, 413);
        assert.equal(((await res.json()) as { code: number }).code, 31413);
      },
    },
    {
      name: 'judges at most the limit of 50 parallel wrong passwords, then refuses the right one with 31429 until the window passes',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const burst = await Promise.all(Array.from({ length: 50 }, () => attempt(context, 'wrong')));
        const statuses = burst.map((r) => r.response.status);
        assert.equal(statuses.filter((s) => s === 400).length, limit.perAccountAndAddress);
        assert.equal(statuses.filter((s) => s === 429).length, 50 - limit.perAccountAndAddress);
        const refused = await attempt(context, context.demo.password);
        assert.equal(refused.response.status, 429);
        assert.deepEqual(refused.error, enos.errors('login').answer(31429).body);
        assert.equal(refused.response.headers.get('retry-after'), String(limit.windowSeconds));
        clockOf(context).advance(limit.windowSeconds * 1000);
        assert.equal((await attempt(context, context.demo.password)).response.status, 200);
      },
    },
    {
      name: 'locks an account against strangers after perAccount failures from many addresses, but not its owner at a known address',
      needs: ['addresses'],
      changesState: true,
      async run(context) {
        const as = (address: string, password: string) =>
          createEnosClient({ baseUrl: context.baseUrl, fetch: fromAddress(context, address) }).api.POST(LOGIN_PATH, { body: { account: context.demo.account, password } });
        assert.equal((await as('192.0.2.10', context.demo.password)).response.status, 200);
        const strangers = Math.ceil(limit.perAccount / limit.perAccountAndAddress);
        for (let s = 0; s < strangers; s++) {
          for (let i = 0; i < limit.perAccountAndAddress; i++) await as(`198.51.100.${s}`, 'wrong');
        }
        assert.equal((await as('203.0.113.77', context.demo.password)).response.status, 429);
        assert.equal((await as('192.0.2.10', context.demo.password)).response.status, 200);
      },
    },
    {
      name: 'limits an address guessing at many accounts, but not the accounts that logged in from it',
      needs: ['addresses'],
      changesState: true,
      async run(context) {
        const nat = fromAddress(context, '203.0.113.200');
        const as = (account: string, password: string) => createEnosClient({ baseUrl: context.baseUrl, fetch: nat }).api.POST(LOGIN_PATH, { body: { account, password } });
        assert.equal((await as(context.demo.account, context.demo.password)).response.status, 200);
        for (let i = 0; i < limit.perAddress; i++) assert.equal((await as(`guess-${i}`, 'wrong')).response.status, 400);
        assert.equal((await as('someone-new', 'whatever')).response.status, 429);
        assert.equal((await as(context.demo.account, context.demo.password)).response.status, 200);
      },
    },
    {
      name: "ends an account's run of failures with a success",
      changesState: true,
      async run(context) {
        for (let round = 0; round < 3; round++) {
          for (let i = 0; i < limit.perAccountAndAddress - 1; i++) assert.equal((await attempt(context, 'wrong')).response.status, 400);
          assert.equal((await attempt(context, context.demo.password)).response.status, 200);
        }
      },
    },
    {
      name: 'marks every answer as not cacheable',
      changesState: true,
      async run(context) {
        for (const password of [context.demo.password, 'wrong']) {
          assert.equal((await attempt(context, password)).response.headers.get('cache-control'), 'no-store');
        }
      },
    },
    {
      name: 'answers the user of a live token, and its organization only once one is chosen',
      async run(context) {
        const enosClient = client(context);
        const { accessToken, user } = await enosClient.login(context.demo);
        assert.deepEqual(await enosClient.getTokenInformation(accessToken), { userId: user.id, userName: user.name });
        // The second organization, so that the one answered is the one chosen, not the first of the list.
        const chosen = await enosClient.chooseOrganization(accessToken, secondOrganization.id);
        // "The access token in the request", and a refresh token of the page's opaque kind.
        assert.equal(chosen.accessToken, accessToken);
        assert.match(chosen.refreshToken, /^[A-Za-z0-9]{64}$/);
        assert.deepEqual([chosen.userId, chosen.userName, chosen.currentOrgId, chosen.currentOrgName], [user.id, user.name, secondOrganization.id, secondOrganization.name]);
        const current = { userId: user.id, userName: user.name, currentOrgId: secondOrganization.id, currentOrgName: secondOrganization.name };
        assert.deepEqual(await enosClient.getTokenInformation(accessToken), current);
      },
    },
    {
      name: 'refreshes with a refresh token once: both tokens rotate, and the old ones are refused with 31401',
      needs: ['clock'],
      async run(context) {
        const enosClient = client(context);
        const { login, chosen } = await sessionWithRefreshToken(context);
        const renewed = await enosClient.refreshAccessToken(chosen.refreshToken);
        assert.match(renewed.accessToken, /^APP_PORTAL_S_[A-Za-z0-9]{32}$/);
        assert.notEqual(renewed.accessToken, login.accessToken);
        assert.notEqual(renewed.refreshToken, chosen.refreshToken);
        assert.equal(renewed.refreshTokenExpire, clockOf(context).now() + REFRESH_MS);
        assert.deepEqual([renewed.userId, renewed.currentOrgId, renewed.currentOrgName], [seed.user.id, firstOrganization.id, firstOrganization.name]);
        // A token that leaked before the refresh is worth nothing after it.
        assert.deepEqual(codeOf(await refusedWith(enosClient.getTokenInformation(login.accessToken))), [401, 31401, message('getTokenInformation', 31401)]);
        assert.deepEqual(codeOf(await refusedWith(enosClient.refreshAccessToken(chosen.refreshToken))), [401, 31401, message('refreshAccessToken', 31401)]);
        assert.equal((await enosClient.getTokenInformation(renewed.accessToken)).currentOrgId, firstOrganization.id);
        assert.notEqual((await enosClient.refreshAccessToken(renewed.refreshToken)).refreshToken, renewed.refreshToken);
      },
    },
    {
      name: 'uses a refresh token once, however many refreshes race with it',
      async run(context) {
        const { chosen } = await sessionWithRefreshToken(context);
        const api = client(context).api;
        const race = await Promise.all(Array.from({ length: 10 }, () => api.GET(REFRESH_PATH, { params: { query: { refreshToken: chosen.refreshToken } } })));
        assert.deepEqual(race.map((r) => r.response.status).sort(), [200, ...Array(9).fill(401)]);
      },
    },
    {
      name: 'chooses another organization: it becomes current, and the previous refresh token stops working',
      async run(context) {
        const enosClient = client(context);
        const { login, chosen } = await sessionWithRefreshToken(context);
        const again = await enosClient.chooseOrganization(login.accessToken, secondOrganization.id);
        assert.notEqual(again.refreshToken, chosen.refreshToken);
        assert.equal((await enosClient.getTokenInformation(login.accessToken)).currentOrgId, secondOrganization.id);
        assert.equal((await refusedWith(enosClient.refreshAccessToken(chosen.refreshToken))).code, 31401);
        assert.equal((await enosClient.refreshAccessToken(again.refreshToken)).currentOrgId, secondOrganization.id);
      },
    },
    {
      name: 'logs out: the access token and its refresh token are refused with 31401, other sessions live on',
      async run(context) {
        const enosClient = client(context);
        const other = await enosClient.login(context.demo);
        const { login, chosen } = await sessionWithRefreshToken(context);
        await enosClient.logout(login.accessToken);
        assert.deepEqual(codeOf(await refusedWith(enosClient.getTokenInformation(login.accessToken))), [401, 31401, message('getTokenInformation', 31401)]);
        assert.deepEqual(codeOf(await refusedWith(enosClient.refreshAccessToken(chosen.refreshToken))), [401, 31401, message('refreshAccessToken', 31401)]);
        assert.deepEqual(codeOf(await refusedWith(enosClient.chooseOrganization(login.accessToken, firstOrganization.id))), [401, 31401, message('chooseOrganization', 31401)]);
        // Log Out's own page words its 31401 otherwise.
        const again = await get(context, LOGOUT_PATH, { authorization: `Bearer ${login.accessToken}` });
        assert.deepEqual(await refusal(again), [401, 31401, message('logout', 31401), 'Bearer error="invalid_token"']);
        assert.equal((await enosClient.getTokenInformation(other.accessToken)).userId, seed.user.id);
      },
    },
    {
      name: 'expires an access token after 7,200 seconds and a refresh token 30 days after its issue, on the server clock',
      needs: ['clock'],
      async run(context) {
        const enosClient = client(context);
        const clock = clockOf(context);
        const { login, chosen } = await sessionWithRefreshToken(context);
        assert.equal(chosen.refreshTokenExpire, clock.now() + REFRESH_MS);
        clock.advance(ACCESS_MS - 1);
        assert.equal((await enosClient.getTokenInformation(login.accessToken)).userId, seed.user.id);
        clock.advance(1);
        assert.equal((await refusedWith(enosClient.getTokenInformation(login.accessToken))).code, 31401);
        // The session outlives its access token as long as its refresh token: that is what refreshing is for.
        const renewed = await enosClient.refreshAccessToken(chosen.refreshToken);
        assert.equal((await enosClient.getTokenInformation(renewed.accessToken)).userId, seed.user.id);
        clock.advance(REFRESH_MS - 1);
        const last = await enosClient.refreshAccessToken(renewed.refreshToken);
        clock.advance(REFRESH_MS);
        assert.deepEqual(codeOf(await refusedWith(enosClient.refreshAccessToken(last.refreshToken))), [401, 31401, message('refreshAccessToken', 31401)]);
      },
    },
    {
      name: 'refuses a request without a bearer access token with 31401 and a WWW-Authenticate challenge',
      async run(context) {
        const { accessToken } = await client(context).login(context.demo);
        const unknown = `APP_PORTAL_S_${'x'.repeat(32)}`;
        for (const [path, operationId] of [
          [TOKEN_INFO_PATH, 'getTokenInformation'],
          [LOGOUT_PATH, 'logout'],
        ] as const) {
          const refused = (challenge: string) => [401, 31401, message(operationId, 31401), challenge];
          assert.deepEqual(await refusal(await get(context, path)), refused('Bearer'), `${path} without Authorization`);
          assert.deepEqual(await refusal(await get(context, path, { authorization: 'Basic cG9ydGFsX2RlbW86eW91clBhc3N3b3Jk' })), refused('Bearer'), `${path} with Basic`);
          // The 2.3.0 samples' `{"Authorization":"yourBearerToken"}`: a bare token is not a bearer credential.
          assert.deepEqual(await refusal(await get(context, path, { authorization: accessToken })), refused('Bearer'), `${path} with a bare token`);
          assert.deepEqual(await refusal(await get(context, path, { authorization: `Bearer ${unknown}` })), refused('Bearer error="invalid_token"'), `${path} with an unknown token`);
        }
        // The session is untouched by all of it, and a lower-case scheme is the same scheme (RFC 9110 §11.1).
        assert.equal((await get(context, TOKEN_INFO_PATH, { authorization: `bearer ${accessToken}` })).status, 200);
      },
    },
    {
      name: 'answers a missing or empty refreshToken with 31400, and one that is no live refresh token with 31401',
      async run(context) {
        const required = [400, 31400, message('refreshAccessToken', 31400), null];
        assert.deepEqual(await refusal(await get(context, REFRESH_PATH)), required);
        assert.deepEqual(await refusal(await get(context, `${REFRESH_PATH}?refreshToken=`)), required);
        // The page's own sample, and an access token in its place.
        const { accessToken } = await client(context).login(context.demo);
        for (const token of ['yourRefreshToken', accessToken]) {
          assert.deepEqual(await refusal(await get(context, `${REFRESH_PATH}?refreshToken=${encodeURIComponent(token)}`)), [401, 31401, message('refreshAccessToken', 31401), null], token);
        }
      },
    },
    {
      name: "answers an organization that is not the user's with 31404, and a body that names none with 31400",
      async run(context) {
        const enosClient = client(context);
        const { accessToken } = await enosClient.login(context.demo);
        const auth = { authorization: `Bearer ${accessToken}` };
        // The page's own sample names an organization the demo account does not belong to.
        assert.deepEqual(codeOf(await refusedWith(enosClient.chooseOrganization(accessToken, 'yourOrgId'))), [404, 31404, message('chooseOrganization', 31404)]);
        for (const body of ['{}', '{"orgId": ""}', '{"orgId": 1}', '[]', '{"orgId": ', '']) {
          assert.deepEqual(await refusal(await post(context, CHOOSE_ORGANIZATION_PATH, body, auth)), [400, 31400, message('chooseOrganization', 31400), null], body);
        }
        // Nothing was chosen by any of them.
        assert.equal((await enosClient.getTokenInformation(accessToken)).currentOrgId, undefined);
      },
    },
    {
      name: 'checks Choose Organization in the documented order: 31401, then 31415, then 31413',
      async run(context) {
        const { accessToken } = await client(context).login(context.demo);
        const auth = { authorization: `Bearer ${accessToken}` };
        const orgId = JSON.stringify({ orgId: firstOrganization.id });
        assert.deepEqual((await refusal(await post(context, CHOOSE_ORGANIZATION_PATH, orgId, { 'content-type': 'text/plain' }))).slice(0, 2), [401, 31401]);
        assert.deepEqual((await refusal(await post(context, CHOOSE_ORGANIZATION_PATH, orgId, { ...auth, 'content-type': 'text/plain' }))).slice(0, 2), [415, 31415]);
        const large = JSON.stringify({ orgId: 'x'.repeat(1024 * 1024) });
        assert.deepEqual((await refusal(await post(context, CHOOSE_ORGANIZATION_PATH, large, auth))).slice(0, 2), [413, 31413]);
      },
    },
    {
      name: 'answers a GET that carries a body over 64 KiB with 31413, before or after the token',
      async run(context) {
        const { accessToken } = await client(context).login(context.demo);
        const bearer = { authorization: `Bearer ${accessToken}` };
        for (const [path, headers] of [
          [LOGOUT_PATH, bearer],
          [TOKEN_INFO_PATH, bearer],
          [`${REFRESH_PATH}?refreshToken=some-token`, {}],
        ] as const) {
          const res = await context.send({ method: 'GET', url: `${context.baseUrl}${path}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, body: Buffer.alloc(70 * 1024, 'x') });
          assert.equal(res.status, 413, path);
          assert.deepEqual(await res.json(), enos.errors('login').answer(31413).body);
        }
      },
    },
    {
      name: 'answers a login 31503 at once, with Retry-After, when its password checks are busy, and counts no attempt for it',
      needs: ['faults'],
      async run(context) {
        await faultsOf(context).inject({ kind: 'busy', count: limit.perAccountAndAddress + 1 });
        for (let i = 0; i <= limit.perAccountAndAddress; i++) {
          const busy = await attempt(context, 'wrong');
          assert.deepEqual([busy.response.status, busy.error?.code], [503, 31503]);
          assert.match(busy.response.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
        }
        assert.ok((await client(context).login(context.demo)).accessToken, 'no busy answer counted as a failure');
      },
    },
    {
      name: 'answers a login 31503, with the documented Retry-After, when it holds as many sessions as it can',
      needs: ['faults'],
      async run(context) {
        await faultsOf(context).inject({ kind: 'full', store: STORES.sessions });
        const full = await client(context).api.POST(LOGIN_PATH, { body: context.demo });
        assert.deepEqual([full.response.status, full.error?.code, full.response.headers.get('retry-after')], [503, 31503, String(documented.sessionCapacity.retryAfterSeconds)]);
        assert.ok((await client(context).login(context.demo)).accessToken);
      },
    },
    {
      name: 'answers every operation 31500, and says nothing of the cause, when a store fails, and the session is as it was',
      needs: ['faults'],
      async run(context) {
        const { login, chosen } = await sessionWithRefreshToken(context);
        const bearer = { authorization: `Bearer ${login.accessToken}` };
        for (const [operation, request] of [
          ['chooseOrganization', () => post(context, CHOOSE_ORGANIZATION_PATH, JSON.stringify({ orgId: (secondOrganization as { id: string }).id }), bearer)],
          ['getTokenInformation', () => get(context, TOKEN_INFO_PATH, bearer)],
          ['refreshAccessToken', () => get(context, `${REFRESH_PATH}?refreshToken=${encodeURIComponent(chosen.refreshToken)}`)],
          ['logout', () => get(context, LOGOUT_PATH, bearer)],
          ['login', () => post(context, LOGIN_PATH, JSON.stringify(context.demo))],
        ] as const) {
          await faultsOf(context).inject({ kind: 'error' });
          const res = await request();
          const text = await res.text();
          assert.equal(res.status, 500, operation);
          assert.deepEqual(JSON.parse(text), enos.errors(operation).answer(31500).body, operation);
          assert.doesNotMatch(text, /fault|stack|at .+:\d+/i);
        }
        // The failed calls changed nothing: the token and the organization chosen are the session's still.
        const information = await client(context).getTokenInformation(login.accessToken);
        assert.equal(information.currentOrgId, (firstOrganization as { id: string }).id);
      },
    },
  ],
});
