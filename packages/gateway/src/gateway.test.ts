import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from './gateway.js';

const docsDir = await mkdtemp(join(tmpdir(), 'loginspec-gateway-'));
await writeFile(join(docsDir, 'index.html'), '<h1>docs</h1>');
await mkdir(join(docsDir, 'eos'));
await writeFile(join(docsDir, 'eos', 'index.html'), '<h1>eos</h1>');
afterAll(() => rm(docsDir, { recursive: true, force: true }));

const api = new Hono().post('/client/login', (c) => c.json({ ok: true }));
const gateway = createGateway({ apis: [{ name: 'eos', app: api }], docsDir });

describe('createGateway', () => {
  it('mounts each API under its prefix with its documented paths intact', async () => {
    const res = await gateway.request('/eos/client/login', { method: 'POST' });
    expect(await res.json()).toEqual({ ok: true });
    expect((await gateway.request('/client/login', { method: 'POST' })).status).toBe(404);
  });

  it('serves the docs at /docs/ and redirects / and /docs there', async () => {
    expect(await (await gateway.request('/docs/')).text()).toBe('<h1>docs</h1>');
    for (const path of ['/', '/docs']) {
      const res = await gateway.request(path);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/docs/');
    }
  });

  it("adds the slash a folder's page needs for its relative links", async () => {
    const res = await gateway.request('/docs/eos');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/docs/eos/');
    expect(await (await gateway.request('/docs/eos/')).text()).toBe('<h1>eos</h1>');
    expect((await gateway.request('/docs/nothing-here')).status).toBe(404);
  });

  it('gives CORS headers to the APIs only, never to the test controls', async () => {
    const origin = 'http://localhost:5173';
    const controls = new Hono().post('/_controls/apis/eos/reset', (c) => c.body(null, 204));
    const withCors = createGateway({ apis: [{ name: 'eos', app: api }], docsDir, controls, corsOrigins: [origin] });
    const from = { method: 'POST', headers: { origin } };
    expect((await withCors.request('/eos/client/login', from)).headers.get('access-control-allow-origin')).toBe(origin);
    expect((await withCors.request('/_controls/apis/eos/reset', from)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses to serve files outside the docs folder', async () => {
    expect((await gateway.request('/docs/../package.json')).status).toBe(404);
    expect((await gateway.request('/docs/%2e%2e/package.json')).status).toBe(404);
  });

  it('answers a readiness probe listing the APIs', async () => {
    expect(await (await gateway.request('/healthz')).json()).toEqual({ status: 'ok', apis: ['eos'] });
  });

  it('says how to build the docs when they are not built, instead of an empty 404', async () => {
    const unbuilt = createGateway({ apis: [], docsDir: join(docsDir, 'not-built') });
    const res = await unbuilt.request('/docs/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('pnpm run docs');
  });
});
