import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@loginspec/docs-site';
import type { AttemptLimitSettings, ReferenceServer } from '@loginspec/login-kit';
import { forwardedFrom } from '@loginspec/login-kit/controls';
import { type RunningRedis, redisDescribeTitle, redisServerMissing, startRedisServer } from '@loginspec/redis-stores/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServers } from './load-servers.js';
import { type Balancer, type Instance, restartInstance, roundRobin, startInstance, throughput } from './testing/instances.js';
import { killChildren, run } from './testing/spawned.js';

/**
 * Three `pnpm start` processes sharing one redis-server, a round-robin
 * load balancer in front: every rule holds across instances as in one
 * process, parallel attempts included; a stopped Redis makes logins fail
 * fast with the documented server error, never pass; a restarted instance
 * loses nothing. A load test (run alone): it also prints the throughput of
 * a store-bound request with Redis and in memory.
 */

const APIS = ['enos', 'aktion', 'edr', 'xelion'];
const INSTANCES = 3;
// A password, so that the test can see it is never printed.
const PASSWORD = randomBytes(12).toString('hex');

let redis: RunningRedis;
let instances: Instance[] = [];
let balancer: Balancer;
let servers: Map<string, ReferenceServer>;

const args = (url: string) => ['--hash-cost', 'test', '--api', APIS.join(','), '--redis-url', url, '--test-controls', '--quiet'];
/** The test controls' token of every instance: the controls need it, and X-Forwarded-For is believed only with it. */
const TOKEN = 'scaling-test-controls-token-0123456789';
/** Where the instances write their token files (XDG_RUNTIME_DIR): killed at the end, they leave them there, not in the user's directory. */
const runtime = mkdtempSync(join(tmpdir(), 'loginspec-scaling-'));
const env = { LOGINSPEC_TEST_CONTROLS_TOKEN: TOKEN, XDG_RUNTIME_DIR: runtime };
const bearer = { authorization: `Bearer ${TOKEN}` };
const from = (address: string) => forwardedFrom(address, TOKEN);
const demo = (api: string) => servers.get(api)?.demoLogins()[0]?.fields as Record<string, string>;
const send = (origin: string, path: string, { body, headers = {}, method = 'POST' }: { body?: unknown; headers?: Record<string, string>; method?: string } = {}) =>
  fetch(`${origin}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
const control = (instance: Instance, path: string, body?: unknown) => send(instance.origin, `/_controls${path}`, { body, headers: bearer });
/** The vendor's code: enos's `code`, xelion's `errorCode`. */
const codeOf = async (res: Response): Promise<unknown> => {
  const body = (await res.json()) as { code?: unknown; errorCode?: unknown };
  return body.code ?? body.errorCode;
};
/** How far every instance's clock was moved: a restarted instance's is moved as far, so that the clocks agree as NTP makes real ones agree. */
let advancedMs = 0;
const xelionLogin = (origin: string, fields: Record<string, string>, address: string) =>
  send(origin, `/xelion/api/v1/${fields.tenant ?? 'master'}/me/login`, { body: { userName: fields.userName, password: fields.password, userSpace: fields.userSpace, ...(fields.mfa ? { mfa: fields.mfa, email: fields.email } : {}) }, headers: from(address) });

describe.skipIf(redisServerMissing())(redisDescribeTitle('several instances behind one load balancer, sharing one Redis'), () => {
  beforeAll(async () => {
    servers = new Map((await loadServers(repoRoot, APIS)).map((s) => [s.name, s]));
    redis = await startRedisServer({ password: PASSWORD });
    instances = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(args(redis.url), { env })));
    balancer = await roundRobin(instances.map((i) => i.origin));
  }, 60_000);

  afterAll(async () => {
    await balancer?.close();
    killChildren();
    await redis?.stop();
    rmSync(runtime, { recursive: true, force: true });
  });

  it("locks an enos account out after exactly the description's number of failures, counted across instances in parallel", async () => {
    await control(instances[0] as Instance, '/apis/enos/reset');
    const limit = servers.get('enos')?.description.extension<AttemptLimitSettings>('x-attempt-limit', 'login') as AttemptLimitSettings;
    // One account from one address: the lowest of its three limits is the one it meets.
    const n = Math.min(limit.perAccountAndAddress, limit.perAccount, limit.perAddress);
    const { account } = demo('enos');
    const wrong = () => send(balancer.origin, '/enos/app-portal-service/v2.0/login', { body: { account, password: 'not the password' }, headers: from('198.51.100.7') });
    const codes = await Promise.all(Array.from({ length: n + 3 * INSTANCES }, async () => codeOf(await wrong())));
    expect(codes.filter((c) => c === 31400)).toHaveLength(n);
    expect(codes.filter((c) => c === 31429)).toHaveLength(3 * INSTANCES);
    expect(balancer.sent.every((count) => count > 0)).toBe(true);
    // Locked on every instance, the right password too.
    for (const instance of instances) {
      expect(await codeOf(await send(instance.origin, '/enos/app-portal-service/v2.0/login', { body: demo('enos'), headers: from('198.51.100.7') }))).toBe(31429);
    }
  });

  it('empties the shared attempt counts on SIGHUP to any one instance', async () => {
    const { account, password } = demo('enos');
    const login = (instance: Instance) => send(instance.origin, '/enos/app-portal-service/v2.0/login', { body: { account, password }, headers: from('198.51.100.7') });
    expect(await codeOf(await login(instances[1] as Instance))).toBe(31429);
    const reset = (instances[0] as Instance).process.event('attempts-reset');
    (instances[0] as Instance).process.child.kill('SIGHUP');
    expect(await reset).toMatchObject({ message: 'SIGHUP: attempt counts emptied (enos, aktion, edr, xelion)' });
    expect(await codeOf(await login(instances[2] as Instance))).toBe(200);
  });

  it('opens one xelion session per user space: of parallel logins on every instance, one passes and the others get 10005', async () => {
    await control(instances[0] as Instance, '/apis/xelion/reset');
    const fields = { ...demo('xelion'), userSpace: `lb-${randomBytes(4).toString('hex')}` };
    // Each from its own address: parallel attempts from one address beyond its limit would be refused by that rule (10429) first.
    const answers = await Promise.all(Array.from({ length: 3 * INSTANCES }, (_, i) => xelionLogin(balancer.origin, fields, `198.51.100.${20 + i}`)));
    const codes = await Promise.all(answers.map(async (res) => (res.status === 200 ? 200 : codeOf(res))));
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 10005)).toHaveLength(3 * INSTANCES - 1);
  });

  it("shares a server's own command's state with the gateways: xelion-server --redis-url sees the user space a gateway filled", async () => {
    const bin = run(process.execPath, [join(repoRoot, 'packages/xelion-server/dist/bin.js'), '--hash-cost', 'test', '--port', '0', '--quiet', '--redis-url', redis.url]);
    const origin = (await bin.event('listening')).url as string;
    const fields = { ...demo('xelion'), userSpace: `bin-${randomBytes(4).toString('hex')}` };
    expect((await xelionLogin((instances[0] as Instance).origin, fields, '198.51.100.14')).status).toBe(200);
    // The command serves the API at the root of its origin.
    expect(await codeOf(await send(origin, `/api/v1/master/me/login`, { body: { userName: demo('xelion').userName, password: demo('xelion').password, userSpace: fields.userSpace } }))).toBe(10005);
    expect(bin.stdout.join('\n')).not.toContain(PASSWORD);
    bin.child.kill('SIGTERM');
    expect((await bin.exited).code).toBe(0);
  });

  it('accepts an aktion token on every instance, and on every instance no more once their clocks pass its 20 seconds', async () => {
    const { UserLogin, ApiKey } = demo('aktion');
    const login = await send((instances[0] as Instance).origin, '/aktion/login', { body: { UserLogin, ApiKey } });
    expect(login.status).toBe(200);
    const { Token } = (await login.json()) as { Token: string };
    const check = (instance: Instance) => send(instance.origin, '/aktion/token', { method: 'GET', headers: { authorization: `Bearer ${Token}` } });
    for (const instance of instances) expect((await check(instance)).status).toBe(200);
    // Each instance has its own clock; the stores keep the absolute expiry the issuing one wrote.
    for (const instance of instances) expect((await control(instance, '/clock', { action: 'advance', ms: 20_001 })).status).toBe(200);
    advancedMs += 20_001;
    for (const instance of instances) expect((await check(instance)).status).toBe(401);
  });

  it('accepts an edr access token issued by one instance on the others: one signing key, claimed in the shared stores', async () => {
    const login = await send((instances[0] as Instance).origin, '/edr/mobile/v1/auth/login', { body: demo('edr') });
    expect(login.status).toBe(200);
    const { accessToken } = ((await login.json()) as { data: { accessToken: string } }).data;
    for (const instance of instances.slice(1)) {
      expect((await send(instance.origin, '/edr/mobile/v1/auth/token', { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200);
    }
  });

  it('takes a xelion MFA code once: of the same code sent to every instance at once, one login passes', async () => {
    const mira = { tenant: 'master', userName: 'mira', password: 'miras secret', email: 'mira@example.com' };
    const first = instances[0] as Instance;
    expect((await send(first.origin, '/xelion/api/v1/master/me/mfa', { body: { userName: mira.userName, password: mira.password, email: mira.email } })).status).toBe(202);
    // What is "mailed" is in the inbox of the instance that sent it.
    const inbox = (await (await fetch(`${first.origin}/_controls/apis/xelion/inbox?to=${encodeURIComponent(mira.email)}`, { headers: bearer })).json()) as { codes: string[] };
    const mfa = inbox.codes.at(-1) as string;
    const answers = await Promise.all(instances.map((instance, i) => xelionLogin(instance.origin, { ...mira, mfa, userSpace: `mfa-${i}` }, '198.51.100.9')));
    expect(answers.map((res) => res.status).filter((s) => s === 200)).toHaveLength(1);
  });

  it('loses nothing when an instance restarts: its sessions and tokens are still good there and on the others', async () => {
    await control(instances[0] as Instance, '/apis/xelion/reset');
    const fields = { ...demo('xelion'), userSpace: 'restart' };
    const opened = (await (await xelionLogin((instances[0] as Instance).origin, fields, '198.51.100.10')).json()) as { authentication: string; renewalToken: string };
    const edr = ((await (await send((instances[0] as Instance).origin, '/edr/mobile/v1/auth/login', { body: demo('edr') })).json()) as { data: { accessToken: string } }).data.accessToken;
    instances[0] = await restartInstance(instances[0] as Instance);
    const restarted = instances[0];
    expect((await control(restarted, '/clock', { action: 'advance', ms: advancedMs })).status).toBe(200);
    expect((await send(restarted.origin, '/edr/mobile/v1/auth/token', { method: 'GET', headers: { authorization: `Bearer ${edr}` } })).status).toBe(200);
    const renewed = await send(restarted.origin, '/xelion/api/v1/master/me/renew', { body: JSON.stringify(opened.renewalToken), headers: { authorization: `xelion ${opened.authentication}` } });
    expect(renewed.status).toBe(200);
    // The user space still holds the (renewed) session: another login there is refused on another instance.
    expect(await codeOf(await xelionLogin((instances[1] as Instance).origin, fields, '198.51.100.10'))).toBe(10005);
  }, 30_000);

  it('prints the throughput of a store-bound request (an aktion token check) with Redis and in memory', async () => {
    const memory = await startInstance(['--hash-cost', 'test', '--api', 'aktion', '--quiet']);
    try {
      const { UserLogin, ApiKey } = demo('aktion');
      const figure = async (instance: Instance) => {
        const { Token } = (await (await send(instance.origin, '/aktion/login', { body: { UserLogin, ApiKey } })).json()) as { Token: string };
        const check = () => send(instance.origin, '/aktion/token', { method: 'GET', headers: { authorization: `Bearer ${Token}` } });
        // Bounded: 2,000 checks or 5 s, well inside the token's 20 seconds.
        return throughput(check, (res) => res.status === 200, { requests: 2_000, concurrency: 16, withinMs: 5_000 });
      };
      // Each process warmed up first (a fresh one runs unoptimised code), then measured one after the other.
      await figure(memory);
      await figure(instances[1] as Instance);
      const inMemory = await figure(memory);
      const inRedis = await figure(instances[1] as Instance);
      console.log(
        `aktion token check, one instance, 16 at once: Redis ${inRedis.perSecond.toFixed(0)} req/s (${inRedis.requests}), memory ${inMemory.perSecond.toFixed(0)} req/s (${inMemory.requests}), Redis/memory ${(inRedis.perSecond / inMemory.perSecond).toFixed(2)}`,
      );
      expect(inRedis.requests).toBeGreaterThan(0);
    } finally {
      memory.process.child.kill('SIGTERM');
      await memory.process.exited;
    }
  }, 60_000);

  it('answers a login with the documented server error within the command timeout while Redis hangs (SIGSTOP)', async () => {
    redis.pause();
    try {
      const started = performance.now();
      const res = await xelionLogin((instances[1] as Instance).origin, { ...demo('xelion'), userSpace: 'hang' }, '198.51.100.13');
      const ms = performance.now() - started;
      console.log(`Redis hanging: a xelion login answered ${res.status} after ${ms.toFixed(0)} ms`);
      expect(res.status).toBe(500);
      expect(ms).toBeLessThan(5_000);
    } finally {
      redis.resume();
    }
  }, 30_000);

  it('answers logins with the documented server error at once while Redis is down, never a pass, and works again when it is back', async () => {
    await redis.stop();
    const attempts = instances.flatMap((instance) => [
      { api: 'xelion', run: () => xelionLogin(instance.origin, { ...demo('xelion'), userSpace: 'down' }, '198.51.100.11') },
      { api: 'aktion', run: () => send(instance.origin, '/aktion/login', { body: { UserLogin: demo('aktion').UserLogin, ApiKey: demo('aktion').ApiKey } }) },
      { api: 'enos', run: () => send(instance.origin, '/enos/app-portal-service/v2.0/login', { body: demo('enos') }) },
    ]);
    const timed = await Promise.all(
      attempts.map(async ({ api, run }) => {
        const started = performance.now();
        const res = await run();
        const body = await res.text();
        return { api, status: res.status, body, ms: performance.now() - started };
      }),
    );
    const slowest = Math.max(...timed.map((t) => t.ms));
    console.log(`Redis down: ${timed.length} logins on ${INSTANCES} instances answered 500 within ${slowest.toFixed(0)} ms (slowest)`);
    expect(timed.map((t) => t.status)).toEqual(timed.map(() => 500));
    // The vendors that document a 500 answer it with their code.
    for (const t of timed.filter((t) => t.api === 'xelion')) expect(JSON.parse(t.body)).toMatchObject({ errorCode: 11000 });
    expect(slowest).toBeLessThan(3_000);
    // The controls' reset says it could not empty what it cannot reach.
    const reset = await control(instances[0] as Instance, '/apis/xelion/reset');
    expect(reset.status).toBe(503);
    await redis.restart();
    // Each instance reconnects by itself (a backoff of at most a second): bounded polling, 30 tries.
    for (const instance of instances) {
      let status = 0;
      for (let tries = 0; tries < 30 && status !== 200; tries++) {
        status = (await xelionLogin(instance.origin, { ...demo('xelion'), userSpace: `back-${instance.port}` }, '198.51.100.12')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    }
  }, 30_000);

  it('never prints the Redis password: the banner shows the URL masked', () => {
    for (const instance of instances) {
      expect([...instance.process.stdout, ...instance.process.stderr].join('\n')).not.toContain(PASSWORD);
      const listening = instance.process.stdout.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.event === 'listening');
      expect(listening?.stores).toBe(`redis://:***@127.0.0.1:${redis.port}`);
    }
  });
});
