import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@loginspec/docs-site';
import { ManualClock } from '@loginspec/login-kit';
import { AccountsFileError, readAccountsFile } from '@loginspec/login-kit/serve';
import { afterAll, describe, expect, it } from 'vitest';
import { banner } from './banner.js';
import { loadServers, selectApis, UnknownApiError } from './load-servers.js';
import { type GatewayStart, type RunningGateway, startGateway } from './start.js';

/**
 * What `pnpm start`'s settings do to the gateway, in process on loopback:
 * the APIs served, the accounts seeded, the attempt limits and their
 * reset, and CORS. The clock is a manual one: nothing here waits.
 */

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const temp = await mkdtemp(join(tmpdir(), 'loginspec-settings-'));
const started: RunningGateway[] = [];
afterAll(async () => {
  await Promise.all(started.map((g) => g.close()));
  await rm(temp, { recursive: true, force: true });
});

async function start(options: Partial<GatewayStart> = {}): Promise<{ gateway: RunningGateway; url: (path: string) => string }> {
  const gateway = await startGateway({ root: repoRoot, docsDir: temp, host: '127.0.0.1', port: 0, ...options, servers: { scrypt: FAST, clock: new ManualClock(), ...options.servers } });
  started.push(gateway);
  return { gateway, url: (path) => `http://127.0.0.1:${gateway.port}${path}` };
}
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const xelionLogin = (userName: string, password: string, tenant = 'master') => ({ path: `/xelion/api/v1/${tenant}/me/login`, body: { userName, password, userSpace: 'settings-test' } });

describe('--api', () => {
  it('serves only the APIs chosen: the others answer 404, /healthz and the banner list only the chosen', async () => {
    const { gateway, url } = await start({ apis: ['xelion'] });
    expect(gateway.servers.map((s) => s.name)).toEqual(['xelion']);
    const login = xelionLogin('arnon', 'arnons secret');
    expect((await post(url(login.path), login.body)).status).toBe(200);
    expect((await post(url('/enos/app-portal-service/v2.0/login'), { account: 'portal_demo', password: 'yourPassword' })).status).toBe(404);
    expect((await fetch(url('/eos/client/hello'), { method: 'POST' })).status).toBe(404);
    expect(await (await fetch(url('/healthz'))).json()).toEqual({ status: 'ok', apis: ['xelion'] });
    const text = banner(url(''), gateway.servers);
    expect(text).toContain('/xelion/api/v1/{tenant}/me/login');
    expect(text).not.toMatch(/enos|eos\/|aktion|edr/);
  });

  it("keeps the registry's order, and refuses a name the registry does not list", async () => {
    expect(await selectApis(repoRoot, ['xelion', 'enos', 'xelion'])).toEqual(['enos', 'xelion']);
    await expect(selectApis(repoRoot, ['xelion', 'nope'])).rejects.toThrow(new UnknownApiError(['nope'], ['enos', 'eos', 'aktion', 'edr', 'xelion']));
    expect((await loadServers(repoRoot, ['edr'])).map((s) => s.name)).toEqual(['edr']);
  });
});

describe('--accounts', () => {
  it('seeds the users of a file: they log in, and the demo ones are gone where the file drops them', async () => {
    const path = join(temp, 'accounts.json');
    await writeFile(
      path,
      JSON.stringify({
        xelion: { keepDemo: false, users: [{ tenant: 'ci', userName: 'bot', password: 'bots secret' }] },
        enos: { users: [{ account: 'ci-bot', password: 'enos secret' }] },
      }),
    );
    const servers = await loadServers(repoRoot, ['enos', 'xelion']);
    const accounts = await readAccountsFile(path, servers, { apis: await selectApis(repoRoot) });
    const { url } = await start({ references: servers, accounts });
    const bot = xelionLogin('bot', 'bots secret', 'ci');
    expect((await post(url(bot.path), bot.body)).status).toBe(200);
    const demo = xelionLogin('arnon', 'arnons secret');
    expect((await post(url(demo.path), demo.body)).status).toBe(401);
    expect((await post(url('/enos/app-portal-service/v2.0/login'), { account: 'ci-bot', password: 'enos secret' })).status).toBe(200);
    expect((await post(url('/enos/app-portal-service/v2.0/login'), { account: 'portal_demo', password: 'yourPassword' })).status).toBe(200);
  });

  it('refuses a bad file, naming the file, the API and the entry, and quoting no password', async () => {
    const path = join(temp, 'bad-accounts.json');
    await writeFile(path, JSON.stringify({ xelion: { users: [{ tenant: 'master', userName: 'bot', password: 'hunter2', mfa: true }] }, xelio: { users: [] } }));
    const error = await readAccountsFile(path, await loadServers(repoRoot, ['xelion']), { apis: await selectApis(repoRoot) }).catch((err: Error) => err);
    expect(error).toBeInstanceOf(AccountsFileError);
    expect((error as Error).message.split('\n').slice(0, 3)).toEqual([
      `accounts file ${path}:`,
      '  "xelio" names no API (the APIs are enos, eos, aktion, edr, xelion)',
      '  xelion.users[0]: email is required with "mfa": true (where its codes go)',
    ]);
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('--attempt-limit and its reset', () => {
  it('replaces the documented numbers, and SIGHUP (resetAttempts) empties the counts, sessions kept', async () => {
    for (const testControls of [undefined, { token: 'settings-test-controls-token-0123456789' }]) {
      const { gateway, url } = await start({ apis: ['xelion'], testControls, servers: { attemptLimits: { perAccountAndAddress: 2 } } });
      const good = xelionLogin('arnon', 'arnons secret');
      const session = (await (await post(url(good.path), good.body)).json()) as { authentication: string };
      const wrong = xelionLogin('mira', 'wrong');
      expect((await post(url(wrong.path), wrong.body)).status).toBe(401);
      expect((await post(url(wrong.path), wrong.body)).status).toBe(401);
      const limited = await post(url(wrong.path), wrong.body);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('900');
      expect(await gateway.resetAttempts()).toEqual(['xelion']);
      expect((await post(url(wrong.path), wrong.body)).status).toBe(401);
      // The session opened before the reset is still there: a second login in its user space is refused (10005).
      expect(session.authentication).toBeTruthy();
      expect(await (await post(url(good.path), good.body)).json()).toMatchObject({ errorCode: 10005 });
    }
  });
});

describe('--cors-origin', () => {
  const origin = 'http://localhost:5173';
  const corsHeaders = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));

  it('gives an allowed origin CORS headers on the preflight and the answer, Retry-After exposed; others none', async () => {
    const { url } = await start({ apis: ['xelion'], corsOrigins: [origin], servers: { attemptLimits: { perAccountAndAddress: 1 } } });
    const login = xelionLogin('eli', 'wrong');
    const preflight = await fetch(url(login.path), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(corsHeaders(preflight)).toMatchObject({ 'access-control-allow-origin': origin, 'access-control-allow-headers': 'content-type' });
    await post(url(login.path), login.body, { origin });
    const limited = await post(url(login.path), login.body, { origin });
    expect(limited.status).toBe(429);
    expect(corsHeaders(limited)).toEqual({ 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After, WWW-Authenticate' });
    expect(corsHeaders(await post(url(login.path), login.body, { origin: 'http://evil.test' }))).toEqual({});
  });

  it('gives no CORS header to anyone when no origin is configured', async () => {
    const { url } = await start({ apis: ['xelion'] });
    const login = xelionLogin('eli', 'wrong');
    expect(corsHeaders(await post(url(login.path), login.body, { origin }))).toEqual({});
    const preflight = await fetch(url(login.path), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(corsHeaders(preflight)).toEqual({});
  });
});
