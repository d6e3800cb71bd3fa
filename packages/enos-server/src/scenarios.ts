import assert from 'node:assert/strict';
import { clockOf, defineSuite, fromAddress, type ScenarioContext } from '@loginspec/contract-testkit';
import { ApiError, createEnosClient, LOGIN_PATH, type LoginRequest, type LoginResponse } from '@loginspec/enos-client';
import { enos } from './description.js';
import type { AttemptLimitSettings } from '@loginspec/login-kit';

type Context = ScenarioContext<LoginRequest>;

const client = ({ baseUrl, fetch }: Context) => createEnosClient({ baseUrl, fetch });
const send = ({ baseUrl, fetch }: Context, body: RequestInit['body'], contentType = 'application/json') =>
  fetch(`${baseUrl}${LOGIN_PATH}`, { method: 'POST', body, headers: { 'content-type': contentType } });
const attempt = (context: Context, password: string, account = context.demo.account) => client(context).api.POST(LOGIN_PATH, { body: { account, password } });
const seed = enos.responseExample<LoginResponse>('login', 200, 'seed').data;
const limit = enos.extension<AttemptLimitSettings>('x-attempt-limit', 'login');

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
  ],
});
