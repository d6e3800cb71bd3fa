import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@loginspec/docs-site';
import { ContractRecorder } from '@loginspec/contract-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../start.js';
import { controlsDescription } from './controls-app.js';

// Every control's answer is checked against the controls' own description.
const recorder = new ContractRecorder(controlsDescription);
/** The controls' token, known to the test as LOGINSPEC_TEST_CONTROLS_TOKEN makes it known to pnpm start. */
const TOKEN = 'controls-test-token-0123456789-abcdefghij';
const bearer = { authorization: `Bearer ${TOKEN}` };
let gateway: RunningGateway;
let origin: string;
let docsDir: string;

beforeAll(async () => {
  docsDir = await mkdtemp(join(tmpdir(), 'loginspec-controls-'));
  gateway = await startGateway({
    root: repoRoot,
    docsDir,
    host: '127.0.0.1',
    port: 0,
    testControls: { token: TOKEN },
    servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } },
  });
  origin = `http://127.0.0.1:${gateway.port}`;
});
afterAll(async () => {
  await new Promise((resolve) => gateway.server.close(resolve));
  await rm(docsDir, { recursive: true, force: true });
});

const control = (path: string, body?: unknown, headers: Record<string, string> = bearer) =>
  recorder.fetch(`${origin}/_controls${path}`, body === undefined ? { method: 'POST', headers } : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const read = (path: string, headers: Record<string, string> = bearer) => recorder.fetch(`${origin}/_controls${path}`, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const enosLogin = { account: 'portal_demo', password: 'yourPassword' };

describe('the test controls of pnpm start', () => {
  it('lists every API served and the names of its stores', async () => {
    const state = (await (await read('')).json()) as { apis: Record<string, { stores: string[] }> };
    expect(Object.keys(state.apis)).toEqual(['enos', 'eos', 'aktion', 'edr', 'xelion']);
    expect(state.apis.xelion?.stores).toContain('xelion:sessions');
  });

  it('freezes the one clock, moves it forward only, lets it run on, and puts it back on the system time', async () => {
    const frozen = (await (await control('/clock', { action: 'freeze' })).json()) as { now: number; frozen: boolean };
    expect(frozen.frozen).toBe(true);
    expect(await (await control('/clock', { action: 'advance', ms: 20_000 })).json()).toEqual({ now: frozen.now + 20_000, frozen: true });
    expect((await control('/clock', { action: 'advance', ms: -1 })).status).toBe(400);
    expect((await control('/clock', { action: 'advance' })).status).toBe(400);
    const thawed = (await (await control('/clock', { action: 'thaw' })).json()) as { now: number; frozen: boolean };
    expect(thawed.frozen).toBe(false);
    expect(thawed.now - Date.now()).toBeGreaterThan(19_000);
    const reset = (await (await control('/clock', { action: 'reset' })).json()) as { now: number; frozen: boolean };
    expect(reset.frozen).toBe(false);
    expect(Math.abs(reset.now - Date.now())).toBeLessThan(1000);
  });

  it('makes an API fail as asked, once, and no other API', async () => {
    expect((await control('/apis/enos/faults', { kind: 'busy' })).status).toBe(204);
    expect((await post('/xelion/api/v1/master/me/login', { userName: 'arnon', password: 'wrong', userSpace: 'x' })).status).toBe(401);
    expect((await post('/enos/app-portal-service/v2.0/login', enosLogin)).status).toBe(503);
    expect((await post('/enos/app-portal-service/v2.0/login', enosLogin)).status).toBe(200);
    expect((await control('/apis/enos/faults', { kind: 'full', store: 'no-such-store' })).status).toBe(400);
    expect((await control('/apis/enos/faults', { kind: 'melt' })).status).toBe(400);
  });

  it('reads what an API delivered, and forgets it, with its sessions, on reset', async () => {
    const mfa = { userName: 'mira', password: 'miras secret', email: 'mira@example.com' };
    expect((await post('/xelion/api/v1/master/me/mfa', mfa)).status).toBe(202);
    const inbox = async () => ((await (await read('/apis/xelion/inbox?to=mira%40example.com')).json()) as { messages: string[] }).messages;
    expect(await inbox()).toEqual([expect.stringMatching(/\b\d{6}\b/)]);
    const login = { userName: 'arnon', password: 'arnons secret', userSpace: 'controls-test' };
    expect((await post('/xelion/api/v1/master/me/login', login)).status).toBe(200);
    expect((await post('/xelion/api/v1/master/me/login', login)).status).toBe(401);
    expect((await control('/apis/xelion/reset')).status).toBe(204);
    expect(await inbox()).toEqual([]);
    expect((await post('/xelion/api/v1/master/me/login', login)).status).toBe(200);
  });

  it('answers an API it does not serve, and a body that is not JSON, as documented', async () => {
    expect((await control('/apis/nowhere/reset')).status).toBe(404);
    expect((await control('/apis/NOT-AN-API/reset')).status).toBe(404);
    const res = await recorder.fetch(`${origin}/_controls/clock`, { method: 'POST', body: 'action=freeze', headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer } });
    expect(res.status).toBe(415);
    expect((await read('/apis/xelion/inbox')).status).toBe(400);
  });
});

describe('the test controls without their token', () => {
  const refusals = { none: {}, another: { authorization: `Bearer ${TOKEN.replace(/.$/, 'X')}` }, shorter: { authorization: 'Bearer controls' }, 'not a bearer': { authorization: `Basic ${TOKEN}` } };

  it.each(Object.entries(refusals))('refuse every control with %s as documented (401, a Bearer challenge), and do nothing', async (_, headers) => {
    const mira = { userName: 'mira', password: 'miras secret', email: 'mira@example.com' };
    expect((await post('/xelion/api/v1/master/me/mfa', mira)).status).toBe(202);
    const refused = [
      await read('', headers),
      await read('/apis/xelion/inbox?to=mira%40example.com', headers),
      await control('/clock', { action: 'freeze' }, headers),
      await control('/apis/enos/faults', { kind: 'error' }, headers),
      await control('/apis/xelion/reset', undefined, headers),
    ];
    expect(refused.map((res) => res.status)).toEqual([401, 401, 401, 401, 401]);
    expect(refused.map((res) => res.headers.get('www-authenticate'))).toEqual(refused.map(() => 'Bearer realm="loginspec test controls"'));
    expect(await refused[0]?.json()).toEqual({ code: 'unauthorized', message: "send the test controls' token as Authorization Bearer" });
    // Nothing changed: the clock runs, enos answers, and what xelion delivered is still there, unread by the caller.
    expect(await (await read('')).json()).toMatchObject({ clock: { frozen: false } });
    expect((await post('/enos/app-portal-service/v2.0/login', enosLogin)).status).toBe(200);
    expect(((await (await read('/apis/xelion/inbox?to=mira%40example.com')).json()) as { codes: string[] }).codes.length).toBeGreaterThan(0);
  });
});

describe('pnpm start without test controls', () => {
  it('serves none', async () => {
    const plain = await startGateway({ root: repoRoot, docsDir: tmpdir(), host: '127.0.0.1', port: 0, servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } } });
    try {
      expect((await fetch(`http://127.0.0.1:${plain.port}/_controls`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => plain.server.close(resolve));
    }
  });

  it("refuses a page of another site, and a DNS-rebinding page's host name, without acting", async () => {
    // A POST without a body needs no preflight: a page anywhere could send it.
    const crossSite = await recorder.fetch(`${origin}/_controls/apis/xelion/reset`, { method: 'POST', headers: { origin: 'https://evil.example', ...bearer } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
    // fetch cannot set Host; a rebinding page's request carries the attacker's name in it.
    const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${origin}/_controls/apis/xelion/inbox?to=arnon`, { headers: { host: `attacker.example:${gateway.port}`, ...bearer } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ code: 'forbidden' });
    // The page of the server itself (same origin), and localhost, are answered.
    expect((await read('', { origin, ...bearer })).status).toBe(200);
    expect((await fetch(`http://localhost:${gateway.port}/_controls`, { headers: bearer })).status).toBe(200);
  });
});
