import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.js';

/** A loopback server answering the address each reader sees, by the reader's name. */
function start(readers: Record<string, ReturnType<typeof clientAddress>>) {
  const app = new Hono().get('/:reader', (c) => c.text(readers[c.req.param('reader')]?.(c) ?? 'no reader'));
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const server = await start({
  direct: clientAddress(),
  loopbackProxy: clientAddress({ trustedProxies: ['127.0.0.1'] }),
  chain: clientAddress({ trustedProxies: ['127.0.0.0/8', '10.0.0.0/8'] }),
  elsewhere: clientAddress({ trustedProxies: ['192.0.2.1'] }),
});
afterAll(() => server.close());

const read = async (reader: string, forwardedFor?: string) =>
  (await fetch(`${server.url}/${reader}`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).text();

describe('clientAddress (Node adapter)', () => {
  it('is the socket peer by default, whatever X-Forwarded-For claims', async () => {
    expect(await read('direct')).toBe('127.0.0.1');
    expect(await read('direct', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    expect(await read('loopbackProxy', '203.0.113.9')).toBe('203.0.113.9');
    expect(await read('elsewhere', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('takes the nearest untrusted hop, so a client cannot prepend its own', async () => {
    expect(await read('loopbackProxy', '198.51.100.7, 203.0.113.9')).toBe('203.0.113.9');
    expect(await read('chain', '198.51.100.7, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
    expect(await read('chain', 'not-an-ip, 10.1.2.3')).toBe('10.1.2.3');
  });

  it('falls back to the peer when a trusted proxy forwards nothing', async () => {
    expect(await read('loopbackProxy')).toBe('127.0.0.1');
  });

  it('answers "unknown" without a socket (in-process requests)', async () => {
    const app = new Hono().get('/', (c) => c.text(clientAddress()(c)));
    expect(await (await app.request('/')).text()).toBe('unknown');
  });

  it('refuses a trusted proxy that is not an address or range', () => {
    expect(() => clientAddress({ trustedProxies: ['proxy.internal'] })).toThrow('trusted proxy "proxy.internal" is not an IP address or CIDR range');
  });

  it.each(['10.0.0.0/', '10.0.0.0/33', '10.0.0.0/x', '::1/129', '10.0.0.0/-1'])('refuses the range %s rather than trusting more than it says', (range) => {
    expect(() => clientAddress({ trustedProxies: [range] })).toThrow(`trusted proxy "${range}" has no valid prefix length`);
  });
});
