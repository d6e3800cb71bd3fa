import { tmpdir } from 'node:os';
import type { ScenarioSuite } from '@loginspec/contract-testkit';
import { serveOnLoopback } from '@loginspec/contract-testkit';
import { enos as enosDescription, server as enos } from '@loginspec/enos-server';
import { enosSuite } from '@loginspec/enos-server/scenarios';
import { createControlsApp, createGateway, TestHarness } from '@loginspec/gateway';
import type { AttemptCounter, ReferenceServerOptions, Stores } from '@loginspec/login-kit';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { negativeCampaign } from './negative/campaign-adapter.js';
import { RemoteControls } from './remote-controls.js';
import { type ApiReport, type NegativeCampaign, runApi } from './run-api.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
/** The test controls' token, known to the test. */
const TOKEN = 'broken-servers-test-controls-token-0123456789';
const LOGIN = '/enos/app-portal-service/v2.0/login';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** An answer changed on its way out: how a server departs from its description. */
type Breakage = (request: Request, response: Response) => Promise<Response | undefined>;

/** Attempts that are never counted: a lockout that never triggers. */
const neverLimited = (stores: Stores): Stores => ({
  ...stores,
  attempts: (): AttemptCounter => ({ reserve: async () => ({ granted: true, id: 'x', keys: [] }), release: async () => {}, clear: async () => {} }),
});

/** The enos reference server behind pnpm start's test controls, broken as `breakage` says; the suite's report of it (of the scenarios `only` names, and a negative campaign, when given). */
async function reportOn({
  breakage,
  options = (o) => o,
  vendor = false,
  only,
  negative,
}: {
  breakage?: Breakage;
  options?: (o: ReferenceServerOptions) => ReferenceServerOptions;
  vendor?: boolean;
  only?: RegExp;
  negative?: NegativeCampaign;
}): Promise<ApiReport> {
  const harness = new TestHarness(TOKEN);
  const app = await enos.create(options(harness.optionsFor('enos', { scrypt: FAST })));
  const broken = new Hono();
  if (breakage) {
    broken.use('*', async (c, next) => {
      await next();
      c.res = (await breakage(c.req.raw, c.res)) ?? c.res;
    });
  }
  broken.route('/', app);
  const running = await serveOnLoopback(createGateway({ apis: [{ name: 'enos', app: broken }], docsDir: tmpdir(), controls: createControlsApp(harness) }));
  closers.push(running.close);
  const { controls } = await RemoteControls.find(running.baseUrl, TOKEN);
  const suite = { ...enosSuite, scenarios: enosSuite.scenarios.filter((s) => only?.test(s.name) ?? true) } as ScenarioSuite<unknown>;
  return runApi({ suite, baseUrl: `${running.baseUrl}/enos`, controls, vendor, negative });
}

const failures = (report: ApiReport) => report.cases.filter((c) => c.outcome === 'failed').map((c) => `${c.name}: ${c.error}`);
const isLogin = (request: Request) => request.method === 'POST' && new URL(request.url).pathname === LOGIN;
const loginBody = async (response: Response) => (await response.clone().json()) as { data: Record<string, unknown> };

describe('the conformance suite against broken servers', () => {
  it('passes the reference server itself', async () => {
    expect(failures(await reportOn({}))).toEqual([]);
  });

  it('names a wrong status', async () => {
    const report = await reportOn({ breakage: async (request, response) => (isLogin(request) && response.status === 200 ? new Response(response.body, { status: 201, headers: response.headers }) : undefined) });
    expect(failures(report).join('\n')).toMatch(/login \(POST \/enos\/app-portal-service\/v2\.0\/login\) answered 201, which the description does not document/);
  });

  it('names a missing field', async () => {
    const report = await reportOn({
      breakage: async (request, response) => {
        if (!isLogin(request) || response.status !== 200) return undefined;
        const body = await loginBody(response);
        delete body.data.accessToken;
        return Response.json(body, { headers: response.headers });
      },
    });
    expect(failures(report).join('\n')).toMatch(/body\/data must have required property 'accessToken'/);
  });

  it('names an extra, undocumented field, and only warns of it against a vendor', async () => {
    const extra: Breakage = async (request, response) => {
      if (!isLogin(request) || response.status !== 200) return undefined;
      const body = await loginBody(response);
      return Response.json({ ...body, debug: 'build 42' }, { headers: response.headers });
    };
    expect(failures(await reportOn({ breakage: extra })).join('\n')).toMatch(/must NOT have additional properties/);
    const vendor = await reportOn({ breakage: extra, vendor: true });
    expect(failures(vendor)).toEqual([]);
    expect(vendor.warnings).toContain('login 200: the member /debug is not documented');
  });

  it('names an extra, undocumented field in the answer to a negative case, and only warns of it against a vendor', async () => {
    const extra: Breakage = async (request, response) => {
      if (!isLogin(request) || response.status !== 400) return undefined;
      return Response.json({ ...((await response.clone().json()) as object), debug: 'build 42' }, { status: 400, headers: response.headers });
    };
    // No scenario: the campaign's own judgement is under test.
    const run = (vendor: boolean) => reportOn({ breakage: extra, vendor, only: /^$/, negative: negativeCampaign({ cases: 40, seed: 20261127 }) });
    const strict = await run(false);
    expect(strict.cases.find((c) => c.kind === 'negative')).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/login \(POST \/enos\/app-portal-service\/v2\.0\/login\) answered 400 with a body that does not match its schema: body must NOT have additional properties/) });
    const vendor = await run(true);
    expect(failures(vendor)).toEqual([]);
    expect(vendor.warnings).toContain('login 400: the member /debug is not documented');
  });

  it.each([
    ['the same status with another code', 415],
    ["the vendor's own 400", 400],
  ])("names one of this project's codes answered otherwise (%s), and only warns of it against a vendor", async (_, status) => {
    // 31415 is this project's code (x-project-codes), and the vendor documents no 415: its server answers a body that is not JSON as it will.
    const otherwise: Breakage = async (request, response) => (isLogin(request) && response.status === 415 ? Response.json(enosDescription.errors('login').answer(31400).body, { status, headers: response.headers }) : undefined);
    const only = /^answers a body that is not JSON with 31415$/;
    const strict = await reportOn({ breakage: otherwise, only });
    expect(failures(strict).join('\n')).toMatch(/^answers a body that is not JSON with 31415: /);
    const vendor = await reportOn({ breakage: otherwise, only, vendor: true });
    expect(failures(vendor)).toEqual([]);
    expect(vendor.cases.find((c) => c.kind === 'scenario')?.outcome).toBe('skipped');
    const warning = vendor.warnings.find((w) => w.startsWith('answers a body that is not JSON with 31415: '));
    expect(warning).toMatch(new RegExp(`expected this project's own ${status === 415 ? 31415 : 415}; the server answered ${status} \\{"code":31400,`));
  });

  it('names a 500 on bad input, though the 500 itself is documented (a failing store answers it)', async () => {
    const report = await reportOn({
      breakage: async (request, response) => (isLogin(request) && response.status === 400 ? Response.json({ code: 31500, message: 'Internal server error.', data: null }, { status: 500 }) : undefined),
    });
    expect(failures(report).join('\n')).toMatch(/answers every body it cannot read as credentials with 31400: body ""\s+500 !== 400/);
  });

  it('names a status the description does not document', async () => {
    const report = await reportOn({
      breakage: async (request, response) => (isLogin(request) && response.status === 400 ? Response.json({ code: 31502, message: 'Bad gateway', data: null }, { status: 502 }) : undefined),
    });
    expect(failures(report).join('\n')).toMatch(/answered 502, which the description does not document/);
  });

  it('names a plain-text error', async () => {
    const report = await reportOn({
      breakage: async (request, response) => (isLogin(request) && response.status === 415 ? new Response('Unsupported Media Type', { status: 415, headers: { 'content-type': 'text/plain' } }) : undefined),
    });
    expect(failures(report).join('\n')).toMatch(/answered 415 as text\/plain; documented: application\/json/);
  });

  it('names a lockout that never triggers', async () => {
    const report = await reportOn({ options: (o) => ({ ...o, stores: neverLimited(o.stores as Stores) }) });
    const failed = failures(report).join('\n');
    expect(failed).toMatch(/judges at most the limit of 50 parallel wrong passwords/);
    expect(failed).toMatch(/locks an account against strangers/);
  });
});
