import assert from 'node:assert/strict';
import { clockOf, defineSuite, faultsOf, fromAddress, inboxOf, type ScenarioContext } from '@loginspec/contract-testkit';
import type { AttemptLimitSettings } from '@loginspec/login-kit';
import { ApiError, createXelionClient, type LoginCredentials, type LoginResponse, parseValidUntil, type XelionErrorCode } from '@loginspec/xelion-client';
import { documented, type TenantUser, xelion } from './description.js';
import { STORES } from './server.js';

type Context = ScenarioContext<LoginCredentials>;

const seed = xelion.responseExample<LoginResponse>('login', 200, 'seed');
const limit = xelion.extension<AttemptLimitSettings>('x-attempt-limit', 'login');
const user = (tenant: string, property: keyof TenantUser) => {
  const found = documented.demoTenants[tenant]?.find((u) => u[property] === true);
  if (!found) throw new Error(`x-demo-tenants has no ${property} user on ${tenant}`);
  return found;
};
const mira = user('master', 'mfa');
const dora = user('master', 'disabled');
const eli = user('master', 'passwordExpired');
const acmeArnon = documented.demoTenants.acme?.[0] as TenantUser;

const client = ({ baseUrl, fetch }: Context, tenant = 'master') => createXelionClient({ baseUrl, fetch, tenant });
const post = ({ baseUrl, fetch }: Context, path: string, body: RequestInit['body'], headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/v1/${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
/** The error code (and message) a promise was refused with. */
async function refusedWith(promise: Promise<unknown>): Promise<ApiError<XelionErrorCode>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ApiError, `expected a refusal, got ${String(error)}`);
  return error as ApiError<XelionErrorCode>;
}
/** The code in the last message delivered to `email`. */
async function lastCode(context: Context, email: string): Promise<string> {
  const code = new RegExp(`\\b(\\d{${documented.mfaCode.digits}})\\b`).exec((await inboxOf(context, email)).at(-1) ?? '')?.[1];
  assert.ok(code, `no code was delivered to ${email}`);
  return code;
}
const codeOf = async (res: Response) => `${res.status} ${((await res.json()) as { errorCode?: number }).errorCode}`;
const vendorMessage = (code: XelionErrorCode) => (xelion.errors('login').answer(code).body as { message: string }).message;

/** The Xelion contract: login, renew, logout, Request MFA, as scenarios any implementation must pass. */
export const xelionSuite = defineSuite<LoginCredentials>({
  api: 'xelion',
  description: xelion,
  demo: xelion.requestExample<LoginCredentials>('login'),
  scenarios: [
    {
      name: "logs the page's example in, then refuses it a second time with 10005: one session per user space",
      changesState: true,
      async run(context) {
        const answer = await client(context).login(context.demo);
        assert.match(answer.authentication, /^[0-9a-f]{64}$/);
        assert.ok(answer.renewalToken.length > 0 && answer.renewalToken.length <= 512);
        assert.ok(parseValidUntil(answer.validUntil), answer.validUntil);
        assert.deepEqual([answer.version, answer.serverVersion, answer.buildNumber], [seed.version, seed.serverVersion, seed.buildNumber]);
        assert.deepEqual([answer.tenant, answer.userName], ['master', context.demo.userName]);
        const again = await refusedWith(client(context).login(context.demo));
        assert.deepEqual([again.status, again.code, again.reason], [401, 10005, vendorMessage(10005)]);
        assert.equal((again.body as { info: string }).info, 'resource=POST /api/v1/master/me/login');
        // Another user space of the same user is another session.
        assert.equal((await client(context).login({ ...context.demo, userSpace: 'desktop-arnon' })).userName, context.demo.userName);
      },
    },
    {
      name: 'checks the user space after the credentials: with a live session, a wrong password and an unknown user get 10004, only the right password 10005',
      changesState: true,
      async run(context) {
        assert.ok((await client(context).login(context.demo)).authentication);
        // One wrong password of the attempt limit's five: the right one is still judged.
        const as = (credentials: LoginCredentials) => refusedWith(client(context).login(credentials));
        const wrongPassword = await as({ ...context.demo, password: 'wrong' });
        assert.deepEqual([wrongPassword.status, wrongPassword.code], [401, 10004], 'a wrong password');
        const unknownUser = await as({ ...context.demo, userName: 'nobody-at-all' });
        assert.deepEqual([unknownUser.status, unknownUser.code], [401, 10004], 'an unknown user');
        const taken = await as(context.demo);
        assert.deepEqual([taken.status, taken.code], [401, 10005], 'the right password');
      },
    },
    {
      name: 'logs out: the token stops working and the user space is free again',
      changesState: true,
      async run(context) {
        const first = client(context);
        const { authentication } = await first.login(context.demo);
        await first.logout();
        const stale = await post(context, 'master/me/logout', undefined, { authorization: `xelion ${authentication}` });
        assert.equal(await codeOf(stale), '401 10000');
        assert.ok((await client(context).login(context.demo)).authentication);
      },
    },
    {
      name: 'ends the session named in Authorization before logging in again',
      changesState: true,
      async run(context) {
        const { authentication } = await client(context).login(context.demo);
        const res = await post(context, 'master/me/login', JSON.stringify(context.demo), { authorization: `xelion ${authentication}` });
        assert.equal(res.status, 200);
        assert.equal(await codeOf(await post(context, 'master/me/logout', undefined, { authorization: `xelion ${authentication}` })), '401 10000');
        // Ended first, it stays ended even when the login then fails.
        const { authentication: current } = (await res.json()) as LoginResponse;
        const failed = await post(context, 'master/me/login', JSON.stringify({ ...context.demo, password: 'wrong' }), { authorization: `xelion ${current}` });
        assert.equal(await codeOf(failed), '401 10004');
        assert.ok((await client(context).login(context.demo)).authentication);
      },
    },
    {
      name: 'renews the session: both tokens rotate, and the old ones stop working',
      changesState: true,
      async run(context) {
        const xelionClient = client(context);
        const before = await xelionClient.login(context.demo);
        const after = await xelionClient.renew();
        assert.notEqual(after.token, before.authentication);
        assert.notEqual(after.renewalToken, before.renewalToken);
        const oldToken = { authorization: `xelion ${before.authentication}` };
        assert.equal(await codeOf(await post(context, 'master/me/renew', JSON.stringify(after.renewalToken), oldToken)), '401 10000');
        const oldRenewal = await post(context, 'master/me/renew', JSON.stringify(before.renewalToken), { authorization: `xelion ${after.token}` });
        assert.equal(await codeOf(oldRenewal), '401 10000');
        // A refused renewal does not end the session.
        await xelionClient.logout();
        assert.equal(await codeOf(await post(context, 'master/me/logout', undefined, { authorization: `xelion ${after.token}` })), '401 10000');
      },
    },
    {
      name: 'gives validUntil as the token lifetime on its clock, and lets an expired session go',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const clock = clockOf(context);
        const answer = await client(context).login(context.demo);
        assert.equal(parseValidUntil(answer.validUntil)?.getTime(), Math.floor((clock.now() + documented.tokenLifetimeSeconds * 1000) / 1000) * 1000);
        clock.advance(documented.tokenLifetimeSeconds * 1000);
        assert.equal(await codeOf(await post(context, 'master/me/renew', JSON.stringify(answer.renewalToken), { authorization: `xelion ${answer.authentication}` })), '401 10000');
        assert.ok((await client(context).login(context.demo)).authentication, 'the user space is free once its session expired');
      },
    },
    {
      name: 'refuses renew and logout without a live session, and a renewal that is not a JSON string',
      async run(context) {
        assert.equal(await codeOf(await post(context, 'master/me/renew', '"asdf77594456f99ac8"')), '401 10000');
        assert.equal(await codeOf(await post(context, 'master/me/renew', '"x"', { authorization: 'xelion not-a-session' })), '401 10000');
        const noHeader = await post(context, 'master/me/logout', undefined);
        assert.equal(noHeader.status, 403);
        assert.deepEqual(await noHeader.json(), xelion.errors('logout').answer(10000, { status: 403 }).body);
        assert.equal(await codeOf(await post(context, 'master/me/logout', undefined, { authorization: 'xelion not-a-session' })), '401 10000');
        const { authentication } = await client(context).login({ ...context.demo, userSpace: 'renewal-checks' });
        // A header is given, only not in the scheme's form: 401, not "No authentication header given".
        for (const authorization of [`Bearer ${authentication}`, `xelion\t${authentication}`, 'xelion ']) {
          assert.equal(await codeOf(await post(context, 'master/me/logout', undefined, { authorization })), '401 10000', authorization);
        }
        const session = { authorization: `xelion ${authentication}` };
        assert.equal(await codeOf(await post(context, 'master/me/renew', '{"renewalToken": "x"}', session)), '400 10202');
        assert.equal(await codeOf(await post(context, 'master/me/renew', '', session)), '400 10200');
        // A session of one tenant is no session of another.
        assert.equal(await codeOf(await post(context, 'acme/me/logout', undefined, session)), '401 10000');
      },
    },
    {
      name: 'answers an unknown tenant, an unknown user and a wrong password alike with 10004',
      changesState: true,
      async run(context) {
        for (const [path, body] of [
          ['nowhere/me/login', context.demo],
          ['NOT_A_TENANT/me/login', context.demo],
          ['master/me/login', { ...context.demo, userName: 'nobody-at-all' }],
          ['master/me/login', { ...context.demo, password: 'wrong' }],
          ['acme/me/login', context.demo],
        ] as const) {
          const res = await post(context, path, JSON.stringify(body));
          const error = (await res.json()) as { errorCode: number; message: string; info: string };
          assert.deepEqual([res.status, error.errorCode, error.message], [401, 10004, vendorMessage(10004)], path);
          assert.equal(error.info, `resource=POST /api/v1/${path}`);
        }
      },
    },
    {
      name: 'keeps tenants apart: the same user name is another user on another tenant',
      changesState: true,
      async run(context) {
        const acme = await client(context, 'acme').login({ userName: acmeArnon.userName, password: acmeArnon.password, userSpace: 'iphone-arnon' });
        assert.equal(acme.tenant, 'acme');
        assert.ok((await client(context).login(context.demo)).authentication, 'a session on acme leaves master’s user space free');
      },
    },
    {
      name: 'reads a login in the documented order: 10200, 10202, 10002, 10003, 10011, 10010',
      async run(context) {
        const { userName, password, userSpace } = context.demo;
        for (const [body, expected] of [
          ['', '400 10200'],
          ['{"userName": ', '400 10202'],
          ['[]', '400 10202'],
          [JSON.stringify({ userName: 5, password, userSpace }), '400 10202'],
          [JSON.stringify({ password }), '400 10002'],
          [JSON.stringify({ userName: '', password: '', userSpace: '' }), '400 10002'],
          [JSON.stringify({ userName }), '400 10003'],
          [JSON.stringify({ userName, password }), '400 10011'],
          [JSON.stringify({ userName, password, userSpace: '' }), '400 10011'],
          [JSON.stringify({ userName, password, userSpace: 'x'.repeat(201) }), '400 10010'],
        ] as const) {
          assert.equal(await codeOf(await post(context, 'master/me/login', body)), expected, body);
        }
        assert.equal(await codeOf(await post(context, 'master/me/login', JSON.stringify({ userName, password, userSpace }), { 'content-type': 'text/plain' })), '415 10415');
        assert.equal(await codeOf(await post(context, 'master/me/login', JSON.stringify({ userName, password: 'x'.repeat(1024 * 1024), userSpace }))), '413 10413');
        assert.equal(await codeOf(await post(context, 'master/me/mfa', JSON.stringify({ userName }))), '400 10003');
        assert.equal(await codeOf(await post(context, 'master/me/mfa', JSON.stringify({ password }))), '400 10002');
        assert.equal(await codeOf(await post(context, 'master/me/mfa', '')), '400 10200');
        assert.equal(await codeOf(await post(context, 'master/me/mfa', '{"userName": ')), '400 10202');
      },
    },
    {
      name: 'bounds and types the body of every operation: 10413 and 10415 on renew, logout and Request MFA, 10004 for MFA with a wrong password',
      changesState: true,
      async run(context) {
        const { authentication, renewalToken } = await client(context).login(context.demo);
        const session = { authorization: `xelion ${authentication}` };
        const huge = JSON.stringify('x'.repeat(1024 * 1024));
        assert.equal(await codeOf(await post(context, 'master/me/renew', JSON.stringify(renewalToken), { ...session, 'content-type': 'text/plain' })), '415 10415');
        assert.equal(await codeOf(await post(context, 'master/me/renew', huge, session)), '413 10413');
        assert.equal(await codeOf(await post(context, 'master/me/logout', huge, session)), '413 10413');
        const mfaRequest = JSON.stringify({ userName: mira.userName, password: mira.password, email: mira.email });
        assert.equal(await codeOf(await post(context, 'master/me/mfa', mfaRequest, { 'content-type': 'text/plain' })), '415 10415');
        assert.equal(await codeOf(await post(context, 'master/me/mfa', JSON.stringify({ userName: mira.userName, password: 'x'.repeat(1024 * 1024), email: mira.email }))), '413 10413');
        assert.equal(await codeOf(await post(context, 'master/me/mfa', JSON.stringify({ userName: mira.userName, password: 'wrong', email: mira.email }))), '401 10004');
        // None of the refusals ended the session.
        assert.equal((await post(context, 'master/me/logout', undefined, session)).status, 204);
      },
    },
    {
      name: 'answers a disabled account 10006 and an expired password 10007, only after the right password',
      changesState: true,
      async run(context) {
        const as = (u: TenantUser, password = u.password) => refusedWith(client(context).login({ userName: u.userName, password, userSpace: 'phone' }));
        assert.equal((await as(dora)).code, 10006);
        assert.equal((await as(eli)).code, 10007);
        assert.equal((await as(dora, 'wrong')).code, 10004);
        assert.equal((await as(eli, 'wrong')).code, 10004);
      },
    },
    {
      name: 'logs a user who needs MFA in with the code sent to their e-mail, once',
      needs: ['inbox'],
      changesState: true,
      async run(context) {
        const xelionClient = client(context);
        const credentials = { userName: mira.userName, password: mira.password, userSpace: 'iphone-mira' };
        const email = mira.email as string;
        assert.equal((await refusedWith(xelionClient.login(credentials))).code, 10013);
        await xelionClient.requestMfa({ userName: mira.userName, password: mira.password, email });
        const code = await lastCode(context, email);
        assert.equal((await refusedWith(xelionClient.login({ ...credentials, mfa: code, email: 'someone@else.example' }))).code, 10013);
        assert.equal((await xelionClient.login({ ...credentials, mfa: code, email })).userName, mira.userName);
        assert.equal((await refusedWith(client(context).login({ ...credentials, mfa: code, email }))).code, 10013, 'a code works once');
        // A right code that opens no session (the user space is taken) is not used up.
        await xelionClient.requestMfa({ userName: mira.userName, password: mira.password, email });
        const next = await lastCode(context, email);
        assert.equal((await refusedWith(client(context).login({ ...credentials, mfa: next, email }))).code, 10005);
        assert.equal((await client(context).login({ ...credentials, userSpace: 'desktop-mira', mfa: next, email })).userName, mira.userName);
        await xelionClient.logout();
      },
    },
    {
      name: 'sends no code to an address that is not the user’s, and answers the same',
      needs: ['inbox'],
      async run(context) {
        const answers = [];
        for (const email of [mira.email as string, 'attacker@example.com']) {
          answers.push(await post(context, 'master/me/mfa', JSON.stringify({ userName: mira.userName, password: mira.password, email })));
        }
        assert.deepEqual(
          answers.map((a) => a.status),
          [202, 202],
        );
        assert.equal((await inboxOf(context, 'attacker@example.com')).length, 0);
        assert.equal((await inboxOf(context, mira.email as string)).length, 1);
      },
    },
    {
      name: 'voids an MFA code after 5 wrong tries, and at the end of its lifetime',
      needs: ['inbox', 'clock', 'addresses'],
      changesState: true,
      async run(context) {
        const email = mira.email as string;
        const credentials = { userName: mira.userName, password: mira.password, userSpace: 'iphone-mira' };
        // Each try from its own address, so that the attempt limit (5 per address) is not what refuses them.
        const from = (i: number) => createXelionClient({ baseUrl: context.baseUrl, fetch: fromAddress(context, `198.51.100.${i}`), tenant: 'master' });
        const fresh = async () => {
          await client(context).requestMfa({ userName: mira.userName, password: mira.password, email });
          return lastCode(context, email);
        };
        const code = await fresh();
        const wrong = code === '000000' ? '111111' : '000000';
        for (let i = 0; i < documented.mfaCode.attempts; i++) assert.equal((await refusedWith(from(i).login({ ...credentials, mfa: wrong, email }))).code, 10013);
        assert.equal((await refusedWith(from(99).login({ ...credentials, mfa: code, email }))).code, 10013, 'void after 5 wrong tries');
        const late = await fresh();
        clockOf(context).advance(documented.mfaCode.lifetimeSeconds * 1000);
        assert.equal((await refusedWith(from(98).login({ ...credentials, mfa: late, email }))).code, 10013, 'void once expired');
      },
    },
    {
      name: 'counts a wrong MFA code as a failed login: after 5 from one address, even the right code is refused with 10429',
      needs: ['inbox'],
      changesState: true,
      async run(context) {
        const email = mira.email as string;
        const credentials = { userName: mira.userName, password: mira.password, userSpace: 'iphone-mira' };
        const wrongTries = async (count: number) => {
          for (let i = 0; i < count; i++) {
            await client(context).requestMfa({ userName: mira.userName, password: mira.password, email });
            const code = await lastCode(context, email);
            assert.equal((await refusedWith(client(context).login({ ...credentials, mfa: code === '000000' ? '111111' : '000000', email }))).code, 10013);
          }
        };
        // Logins that give no code are not failures: the owner asks for a code after one.
        for (let i = 0; i < limit.perAccountAndAddress + 1; i++) assert.equal((await refusedWith(client(context).login(credentials))).code, 10013);
        await wrongTries(limit.perAccountAndAddress);
        // Request MFA checks the same password under the same limit.
        assert.equal((await refusedWith(client(context).requestMfa({ userName: mira.userName, password: mira.password, email }))).code, 10429);
        // The last code is still live (one wrong try of five), and right: the limit refuses it all the same.
        const code = await lastCode(context, email);
        assert.equal((await refusedWith(client(context).login({ ...credentials, mfa: code, email }))).code, 10429);
      },
    },
    {
      name: 'holds at most 20 sessions of one user, in all user spaces, and answers the next 10409',
      changesState: true,
      async run(context) {
        const { perUser } = documented.sessionCapacity;
        const clients = Array.from({ length: perUser + 1 }, () => client(context));
        for (const [i, c] of clients.slice(0, perUser).entries()) await c.login({ ...context.demo, userSpace: `device-${i}` });
        const refused = await refusedWith((clients[perUser] as ReturnType<typeof client>).login({ ...context.demo, userSpace: 'one-too-many' }));
        assert.deepEqual([refused.status, refused.code], [409, 10409]);
        // Another user is not affected; a logout makes room.
        assert.ok((await client(context, 'acme').login({ userName: acmeArnon.userName, password: acmeArnon.password, userSpace: 'device-0' })).authentication);
        await (clients[0] as ReturnType<typeof client>).logout();
        assert.ok((await (clients[perUser] as ReturnType<typeof client>).login({ ...context.demo, userSpace: 'one-too-many' })).authentication);
      },
    },
    {
      name: 'judges at most the limit of 50 parallel wrong passwords, then refuses the right one with 10429 until the window passes',
      needs: ['clock'],
      changesState: true,
      async run(context) {
        const burst = await Promise.all(Array.from({ length: 50 }, async () => codeOf(await post(context, 'master/me/login', JSON.stringify({ ...context.demo, password: 'wrong' })))));
        assert.equal(burst.filter((c) => c === '401 10004').length, limit.perAccountAndAddress);
        assert.equal(burst.filter((c) => c === '429 10429').length, 50 - limit.perAccountAndAddress);
        const refused = await post(context, 'master/me/login', JSON.stringify(context.demo));
        assert.equal(refused.status, 429);
        assert.equal(refused.headers.get('retry-after'), String(limit.windowSeconds));
        // Request MFA checks the same password, so it counts against the same limit.
        const mfaRefused = await post(context, 'master/me/mfa', JSON.stringify({ userName: context.demo.userName, password: context.demo.password, email: 'arnon@example.com' }));
        assert.equal(await codeOf(mfaRefused), '429 10429');
        clockOf(context).advance(limit.windowSeconds * 1000);
        assert.ok((await client(context).login(context.demo)).authentication);
      },
    },
    {
      name: 'answers every operation 11000, and says nothing of the cause, when a store fails',
      needs: ['faults'],
      async run(context) {
        const { authentication, renewalToken } = await client(context).login({ ...context.demo, userSpace: 'failing-store' });
        const session = { authorization: `xelion ${authentication}` };
        for (const [operation, path, body, headers] of [
          ['renew', 'master/me/renew', JSON.stringify(renewalToken), session],
          ['logout', 'master/me/logout', undefined, session],
          ['requestMfa', 'master/me/mfa', JSON.stringify({ userName: mira.userName, password: mira.password, email: mira.email }), {}],
          ['login', 'master/me/login', JSON.stringify(context.demo), {}],
        ] as const) {
          await faultsOf(context).inject({ kind: 'error' });
          const res = await post(context, path, body, headers);
          const text = await res.text();
          assert.equal(res.status, 500, operation);
          assert.deepEqual(JSON.parse(text), xelion.errors(operation).answer(11000).body);
          assert.doesNotMatch(text, /fault|stack|at .+:\d+/i);
        }
      },
    },
    {
      name: 'answers login and Request MFA 10503 at once, with Retry-After, when its password checks are busy',
      needs: ['faults'],
      async run(context) {
        for (const [path, body] of [
          ['master/me/login', context.demo],
          ['master/me/mfa', { userName: mira.userName, password: mira.password, email: mira.email }],
        ] as const) {
          await faultsOf(context).inject({ kind: 'busy' });
          const res = await post(context, path, JSON.stringify(body));
          assert.equal(await codeOf(res.clone()), '503 10503', path);
          assert.match(res.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
        }
      },
    },
    {
      name: 'answers a login 10503, with the documented Retry-After, when it holds as many sessions as it can, and keeps the user space free',
      needs: ['faults'],
      changesState: true,
      async run(context) {
        await faultsOf(context).inject({ kind: 'full', store: STORES.sessions });
        const full = await post(context, 'master/me/login', JSON.stringify(context.demo));
        assert.equal(await codeOf(full.clone()), '503 10503');
        assert.equal(full.headers.get('retry-after'), String(documented.sessionCapacity.retryAfterSeconds));
        assert.ok((await client(context).login(context.demo)).authentication, 'the refused login left its user space free');
      },
    },
  ],
});
