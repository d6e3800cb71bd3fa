import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { requestHeader } from './request-header.js';

const NAMES = ['content-type', 'authorization', 'cookie', 'x-repeated', 'set-cookie', 'x-single', 'x-absent', 'constructor', '__proto__', 'tostring'];

/** Each header as requestHeader reads it and as Hono's c.req.header does. */
const app = new Hono().post('/', (c) => c.json(Object.fromEntries(NAMES.map((name) => [name, { ours: requestHeader(c, name) ?? null, hono: c.req.header(name) ?? null }]))));

function start(joinDuplicateHeaders: boolean) {
  return new Promise<{ port: number; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, serverOptions: { joinDuplicateHeaders } }, (info: AddressInfo) =>
      resolve({ port: info.port, close: () => server.close() }),
    );
  });
}

const joined = await start(true);
const firstOnly = await start(false);
afterAll(() => {
  joined.close();
  firstOnly.close();
});

/** A POST whose headers repeat. */
function read(port: number): Promise<Record<string, { ours: string | null; hono: string | null }>> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        agent: false,
        // Raw field lines, each repeated header written once per value (Host too: nothing is added to raw lines).
        headers: [
          ['host', `127.0.0.1:${port}`],
          ['content-type', 'application/json'],
          ['content-type', 'text/plain'],
          ['authorization', 'Bearer a'],
          ['authorization', 'Bearer b'],
          ['cookie', 'a=1'],
          ['cookie', 'b=2'],
          ['x-repeated', '1'],
          ['x-repeated', '2'],
          ['set-cookie', 'c=3'],
          ['set-cookie', 'd=4'],
          ['x-single', ' padded '],
          ['__proto__', 'sent'],
          ['content-length', '0'],
        ].flat(),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.once('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`answered ${res.statusCode}: ${text}`))));
      },
    );
    request.once('error', reject).end();
  });
}

describe('requestHeader (Node adapter)', () => {
  it("reads every header as Hono's c.req.header does, repeated ones joined as Fetch joins them", async () => {
    const seen = await read(joined.port);
    for (const name of NAMES) expect(seen[name]?.ours, name).toBe(seen[name]?.hono);
    expect(seen['content-type']?.ours).toBe('application/json, text/plain');
    expect(seen.authorization?.ours).toBe('Bearer a, Bearer b');
    expect(seen.cookie?.ours).toBe('a=1; b=2');
    expect(seen['set-cookie']?.ours).toBe('c=3, d=4');
    expect(seen['x-single']?.ours).toBe('padded');
    expect(seen['x-absent']?.ours).toBeNull();
    // Names the headers object inherits are no header: absent, or as sent (read as own members, not inherited ones).
    const own = new Map(Object.entries(seen));
    expect(own.get('constructor')?.ours).toBeNull();
    expect(own.get('__proto__')?.ours).toBe('sent');
  });

  it('reads through Hono where Node keeps only the first of a repeated header', async () => {
    const seen = await read(firstOnly.port);
    for (const name of NAMES) expect(seen[name]?.ours, name).toBe(seen[name]?.hono);
    expect(seen['content-type']?.ours).toBe('application/json, text/plain');
  });

  it("takes Node's parse when it joins repeated headers, and Hono's otherwise", () => {
    const context = (joinDuplicateHeaders: boolean) => ({ env: { incoming: { joinDuplicateHeaders, headers: { 'x-a': 'node' } } }, req: { header: () => 'hono' } }) as unknown as Context;
    expect(requestHeader(context(true), 'x-a')).toBe('node');
    expect(requestHeader(context(false), 'x-a')).toBe('hono');
  });

  it('reads through Hono for a request made in process', async () => {
    const seen = (await (await app.request('/', { method: 'POST', headers: { 'x-single': 'in process' } })).json()) as Record<string, { ours: string | null; hono: string | null }>;
    expect(seen['x-single']).toEqual({ ours: 'in process', hono: 'in process' });
  });
});
