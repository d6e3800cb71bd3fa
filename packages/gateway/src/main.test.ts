import { execFile, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, siteDir } from '@loginspec/docs-site';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killChildren, MAIN, type Running, run } from './testing/spawned.js';

/**
 * `pnpm start`'s process, as CI and staging run it: the built main.js
 * spawned with a low hash cost, its stdout a pipe (so JSON lines), driven
 * by what it prints and by signals. Nothing here sleeps: each step waits
 * for the line that says it happened.
 */

const CHEAP = ['--hash-cost', 'test', '--port', '0'];
const FAST = [...CHEAP, '--no-test-controls'];
const ANSI = /\x1b\[/;
const temp = await mkdtemp(join(tmpdir(), 'loginspec-main-'));
afterAll(() => rm(temp, { recursive: true, force: true }));
/** Where the processes write their test controls' token (XDG_RUNTIME_DIR): the test's own directory, not the user's. */
const runtime = await mkdtemp(join(temp, 'runtime-'));
/** The controls' token, when a test gives one (LOGINSPEC_TEST_CONTROLS_TOKEN). */
const TOKEN = 'main-test-controls-token-0123456789-abcdef';

afterEach(killChildren);
const gateway = (args: string[], env: Record<string, string> = {}) => run(process.execPath, [MAIN, ...args], { env: { XDG_RUNTIME_DIR: runtime, ...env } });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('pnpm start, as a process', () => {
  it('starts with --api xelion and a low hash cost, logs JSON lines, and ends on SIGTERM with exit 0 and no error', async () => {
    const started = performance.now();
    const main = gateway(['--api', 'xelion', ...FAST]);
    const listening = await main.event('listening');
    const ms = performance.now() - started;
    console.log(`--api xelion --hash-cost test: listening ${ms.toFixed(0)} ms after the spawn (process start, imports, hashing, listen)`);
    expect((listening.apis as { name: string }[]).map((a) => a.name)).toEqual(['xelion']);
    const url = listening.url as string;
    const login = await post(`${url}/xelion/api/v1/master/me/login?password=hunter2`, { userName: 'arnon', password: 'arnons secret', userSpace: 'main-test' });
    expect(login.status).toBe(200);
    expect((await fetch(`${url}/enos/app-portal-service/v2.0/login`, { method: 'POST' })).status).toBe(404);
    const request = await main.event('request');
    expect(request).toMatchObject({ level: 'info', method: 'POST', path: '/xelion/api/v1/master/me/login', status: 200 });
    main.child.kill('SIGTERM');
    expect(await main.exited).toEqual({ code: 0, signal: null });
    for (const line of main.stdout) {
      expect(line).not.toMatch(ANSI);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    // The request lines carry no query string and no body (the demo logins of the listening event are public samples).
    expect(main.stdout.filter((l) => l.includes('"event":"request"')).join('\n')).not.toMatch(/hunter2|secret|\?/);
    expect(main.stdout.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['hashing', 'listening', 'request', 'request', 'stopping']);
    // On stderr, the warning of the low cost, the one of unbuilt docs where they are (a fresh clone), and nothing else.
    const warnings = existsSync(siteDir) ? ['weak-hash-cost'] : ['weak-hash-cost', 'no-docs'];
    expect(main.stderr.map((l) => JSON.parse(l) as { level: string; event: string })).toEqual(warnings.map((event) => expect.objectContaining({ level: 'warn', event })));
  });

  it('empties the attempt counts on SIGHUP, without a restart', async () => {
    const main = gateway(['--api', 'xelion', ...FAST, '--attempt-limit', 'perAccountAndAddress=1', '--quiet']);
    const url = (await main.event('listening')).url as string;
    const wrong = () => post(`${url}/xelion/api/v1/master/me/login`, { userName: 'mira', password: 'wrong', userSpace: 'x' });
    expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(429);
    main.child.kill('SIGHUP');
    expect(await main.event('attempts-reset')).toMatchObject({ message: 'SIGHUP: attempt counts emptied (xelion)' });
    expect((await wrong()).status).toBe(401);
    main.child.kill('SIGINT');
    expect(await main.exited).toEqual({ code: 0, signal: null });
  });

  it("prints the MFA code Request MFA sends, on a line naming the user's address, and that code logs the user in", async () => {
    const main = gateway(['--api', 'xelion', ...FAST, '--quiet']);
    const url = (await main.event('listening')).url as string;
    // The demo user who needs MFA (x-demo-tenants), as Request MFA's example asks for her code.
    const mira = { userName: 'mira', password: 'miras secret', email: 'mira@example.com' };
    expect((await post(`${url}/xelion/api/v1/master/me/mfa`, mira)).status).toBe(202);
    expect(await main.event('message')).toMatchObject({ level: 'info', to: mira.email });
    const line = main.stdout.find((l) => l.includes(`[message to ${mira.email}]`)) ?? '';
    expect(line, main.stdout.join('\n')).toMatch(/\b\d{6}\b/);
    const code = /\b(\d{6})\b/.exec(line)?.[1];
    const login = await post(`${url}/xelion/api/v1/master/me/login`, { userName: mira.userName, password: mira.password, userSpace: 'main-test', mfa: code, email: mira.email });
    expect(login.status).toBe(200);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
  });

  it('prints text when told, without colour codes', async () => {
    const main = gateway(['--api', 'eos', ...FAST, '--log-format', 'text']);
    await main.line('Ctrl-C stops.');
    expect(main.stdout.find((l) => l.startsWith('loginspec'))).toMatch(/^loginspec reference servers on http:\/\/127\.0\.0\.1:\d+$/);
    expect(main.stdout.join('\n')).toMatch(/\n {2}eos {6}EOS/);
    expect(main.stderr[0]).toMatch(/^WARNING: scrypt cost N=2\^10 r=8 p=1/);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
    expect([...main.stdout, ...main.stderr].join('\n')).not.toMatch(ANSI);
  });

  it('counts attempts per forwarded client only behind a --trusted-proxy: else per socket peer, X-Forwarded-For ignored', async () => {
    const wrong = (url: string, from: string, userName: string) => post(`${url}/xelion/api/v1/master/me/login`, { userName, password: 'wrong', userSpace: 'x' }, { 'x-forwarded-for': from });
    const limits = ['--attempt-limit', 'perAddress=1', '--quiet'];
    const behind = gateway(['--api', 'xelion', ...FAST, ...limits, '--trusted-proxy', '127.0.0.1']);
    const direct = gateway(['--api', 'xelion', ...FAST, ...limits]);
    const [trusting, peer] = [(await behind.event('listening')).url as string, (await direct.event('listening')).url as string];
    // One failure per address: a second from 192.0.2.1 is refused, while 192.0.2.2, another client behind the proxy, is not.
    expect([(await wrong(trusting, '192.0.2.1', 'mira')).status, (await wrong(trusting, '192.0.2.1', 'eli')).status, (await wrong(trusting, '192.0.2.2', 'dora')).status]).toEqual([401, 429, 401]);
    // Without a trusted proxy the header names no one: every request is the socket's peer, 127.0.0.1.
    expect([(await wrong(peer, '192.0.2.1', 'mira')).status, (await wrong(peer, '192.0.2.2', 'eli')).status]).toEqual([401, 429]);
    behind.child.kill('SIGTERM');
    direct.child.kill('SIGTERM');
    expect([(await behind.exited).code, (await direct.exited).code]).toEqual([0, 0]);
  });

  it("with --test-controls, writes their token to a file only its user can read, which the banner names, prints the token nowhere, and removes the file on exit", async () => {
    const main = gateway(['--api', 'xelion', ...CHEAP, '--test-controls', '--quiet']);
    const listening = await main.event('listening');
    const url = listening.url as string;
    const path = listening.controlsTokenFile as string;
    expect(path).toBe(join(runtime, 'loginspec', `test-controls-${new URL(url).port}.json`));
    expect(listening.controls).toBe(`${url}/_controls`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(runtime, 'loginspec')).mode & 0o777).toBe(0o700);
    const { origin, token } = JSON.parse(await readFile(path, 'utf8')) as { origin: string; token: string };
    expect(origin).toBe(url);
    // Drawn by the CSPRNG: 32 bytes, base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await fetch(`${url}/_controls`)).status).toBe(401);
    expect((await fetch(`${url}/_controls`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    main.child.kill('SIGTERM');
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(path)).toBe(false);
    expect([...main.stdout, ...main.stderr].join('\n')).not.toContain(token);
  });

  it('under --test-controls, believes the X-Forwarded-For of a loopback caller only with the token: without it, or with another, the caller is its address', async () => {
    const main = gateway(['--api', 'xelion', ...CHEAP, '--test-controls', '--attempt-limit', 'perAddress=1', '--quiet'], { LOGINSPEC_TEST_CONTROLS_TOKEN: TOKEN });
    const url = (await main.event('listening')).url as string;
    const wrong = (from: string, userName: string, headers: Record<string, string> = {}) => post(`${url}/xelion/api/v1/master/me/login`, { userName, password: 'wrong', userSpace: 'x' }, { 'x-forwarded-for': from, ...headers });
    // Each names an address of its own, but each is 127.0.0.1: its one failure is spent, a second address changes nothing.
    const bare = [(await wrong('192.0.2.1', 'mira')).status, (await wrong('192.0.2.2', 'eli')).status, (await wrong('192.0.2.3', 'dora', { 'x-test-controls-token': `${TOKEN}x` })).status];
    expect(bare).toEqual([401, 429, 429]);
    // With the token, the test speaks for each address: one failure each, then the limit.
    const token = { 'x-test-controls-token': TOKEN };
    expect([(await wrong('192.0.2.4', 'mira', token)).status, (await wrong('192.0.2.5', 'eli', token)).status, (await wrong('192.0.2.4', 'dora', token)).status]).toEqual([401, 401, 429]);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
  });

  const curl = spawnSync('curl', ['--version']).status === 0;
  it.skipIf(!curl)("gives curl -H 'Origin: …' CORS headers, on the preflight too, when the origin is configured, and none otherwise", async () => {
    const origin = 'http://localhost:5173';
    const curlHeaders = async (args: string[]) => {
      const { stdout } = await promisify(execFile)('curl', ['-si', ...args]);
      return stdout.split('\r\n').filter((l) => /^access-control-/i.test(l));
    };
    const login = (url: string) => `${url}/xelion/api/v1/master/me/login`;
    const headersOf = (url: string, from: string) => curlHeaders(['-X', 'POST', '-H', `Origin: ${from}`, '-H', 'content-type: application/json', '-d', '{}', login(url)]);
    // What a browser sends before a JSON POST from another origin.
    const preflightOf = (url: string, from: string) => curlHeaders(['-X', 'OPTIONS', '-H', `Origin: ${from}`, '-H', 'Access-Control-Request-Method: POST', '-H', 'Access-Control-Request-Headers: content-type', login(url)]);
    const withCors = gateway(['--api', 'xelion', ...FAST, '--quiet'], { LOGINSPEC_CORS_ORIGINS: origin });
    const without = gateway(['--api', 'xelion', ...FAST, '--quiet']);
    const [on, off] = [(await withCors.event('listening')).url as string, (await without.event('listening')).url as string];
    expect(await headersOf(on, origin)).toEqual([`access-control-allow-origin: ${origin}`, 'access-control-expose-headers: Retry-After, WWW-Authenticate']);
    expect(await headersOf(on, 'http://evil.test')).toEqual([]);
    expect(await headersOf(off, origin)).toEqual([]);
    expect((await preflightOf(on, origin)).sort()).toEqual([
      'access-control-allow-headers: content-type',
      'access-control-allow-methods: GET, HEAD, POST, PUT, PATCH, DELETE',
      `access-control-allow-origin: ${origin}`,
      'access-control-max-age: 600',
    ]);
    expect(await preflightOf(on, 'http://evil.test')).toEqual([]);
    expect(await preflightOf(off, origin)).toEqual([]);
    withCors.child.kill('SIGTERM');
    without.child.kill('SIGTERM');
    expect([(await withCors.exited).code, (await without.exited).code]).toEqual([0, 0]);
  });
});

describe('pnpm start refusing what it is given', () => {
  it.each([
    [['--port', 'http'], {}, 'loginspec-gateway: --port: not a port: http'],
    [['--api', 'xelion,nope'], {}, 'loginspec-gateway: --api: "nope" is not an API of the registry (enos, eos, aktion, edr, xelion)'],
    [['--hash-cost', 'cheap'], {}, 'loginspec-gateway: --hash-cost: "cheap" is not a hash cost'],
    [[], { LOGINSPEC_LOG_FORMAT: 'pretty' }, 'loginspec-gateway: LOGINSPEC_LOG_FORMAT: "pretty" is not a log format (json or text)'],
    [['--verbose'], {}, "loginspec-gateway: Unknown option '--verbose'"],
    [['--test-controls'], { LOGINSPEC_TEST_CONTROLS_TOKEN: 'hunter2' }, 'loginspec-gateway: LOGINSPEC_TEST_CONTROLS_TOKEN: a test-controls token is 32 to 512 characters'],
  ])('%j %j: a clear message and where the options are told, not the whole usage, exit 2', async (args, env, message) => {
    const main = gateway(args, env);
    expect((await main.exited).code).toBe(2);
    expect(main.stderr).toEqual([expect.stringContaining(message), 'Run with --help for the options.']);
    expect(main.stdout).toEqual([]);
  });

  it('refuses a bad accounts file with exit 2, naming the file, the API and the entry, never the password', async () => {
    const path = join(temp, 'accounts.json');
    await writeFile(path, JSON.stringify({ xelion: { users: [{ tenant: 'master', userName: 'bot', password: 'hunter2', admin: true }] } }));
    const main = gateway(['--api', 'xelion', ...FAST, '--accounts', path]);
    expect((await main.exited).code).toBe(2);
    const error = JSON.parse(main.stderr.at(-1) as string) as { level: string; event: string; message: string };
    expect(error).toMatchObject({ level: 'error', event: 'bad-accounts-file' });
    expect(error.message).toContain(`accounts file ${path}: xelion.users[0]: "admin" is not a field of this API's accounts`);
    expect([...main.stdout, ...main.stderr].join('\n')).not.toContain('hunter2');
  });

  it('seeds a good accounts file, naming the accounts in the listening event, never their passwords', async () => {
    const path = join(temp, 'good-accounts.json');
    await writeFile(path, JSON.stringify({ xelion: { users: [{ tenant: 'ci', userName: 'bot', password: 'hunter2' }] } }));
    const main = gateway(['--api', 'xelion', ...FAST], { LOGINSPEC_ACCOUNTS: path });
    const listening = await main.event('listening');
    expect((listening.apis as { accounts: string[] }[])[0]?.accounts).toEqual(['ci/bot']);
    expect((await post(`${listening.url}/xelion/api/v1/ci/me/login`, { userName: 'bot', password: 'hunter2', userSpace: 'x' })).status).toBe(200);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
    expect([...main.stdout, ...main.stderr].join('\n')).not.toContain('hunter2');
  });
});

const pnpm = spawnSync('pnpm', ['--version']).status === 0;
describe.skipIf(!pnpm)('the last step of the start script under pnpm', () => {
  /** A package whose start script is the root's last step (the gateway), run from the repository. */
  async function pnpmStart(args: string[] = []): Promise<Running> {
    const { scripts } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } };
    const last = scripts.start.split('&&').at(-1)?.trim() as string;
    const dir = await mkdtemp(join(temp, 'pnpm-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'start-step', private: true, scripts: { start: `cd '${repoRoot}' && ${last}` } }));
    // Its own process group, as a terminal's foreground job is: Ctrl-C signals the whole group.
    return run('pnpm', ['start', '--api', 'xelion', ...CHEAP, '--quiet', ...args], { cwd: dir, detached: true, env: { XDG_RUNTIME_DIR: runtime } });
  }

  it('serves no test controls when told --no-test-controls', async () => {
    const start = await pnpmStart(['--no-test-controls']);
    const listening = await start.event('listening');
    expect(listening.controls).toBeUndefined();
    expect((await fetch(`${listening.url}/_controls`)).status).toBe(404);
    start.child.kill('SIGTERM');
    expect(await start.exited).toEqual({ code: 0, signal: null });
  });

  it('serves the test controls, ends on Ctrl-C (SIGINT to the whole group) with exit 0 and their token file removed, and pnpm reports no failure', async () => {
    const start = await pnpmStart();
    const listening = await start.event('listening');
    expect(listening.controls).toBe(`${listening.url}/_controls`);
    expect(existsSync(listening.controlsTokenFile as string)).toBe(true);
    process.kill(-(start.child.pid as number), 'SIGINT');
    expect(await start.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(listening.controlsTokenFile as string)).toBe(false);
    expect([...start.stdout, ...start.stderr].join('\n')).not.toMatch(/ELIFECYCLE|Command failed|ERR_PNPM/);
  });

  it('ends on SIGTERM to pnpm alone (docker stop) with exit 0: pnpm passes it to the gateway', async () => {
    const start = await pnpmStart();
    await start.event('listening');
    start.child.kill('SIGTERM');
    expect(await start.exited).toEqual({ code: 0, signal: null });
    expect(await start.event('stopping')).toMatchObject({ signal: 'SIGTERM' });
    expect([...start.stdout, ...start.stderr].join('\n')).not.toMatch(/ELIFECYCLE|Command failed|ERR_PNPM/);
  });
});
