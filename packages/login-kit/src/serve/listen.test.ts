import type { Server } from 'node:http';
import { requestHeader } from '@loginspec/openapi-runtime/node';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ConnectionLimits, type Listening, listen } from './listen.js';
import { closedWithin, connectPeer, type Peer, statusOf } from './sockets.fixture.js';

const app = new Hono().get('/healthz', (c) => c.text('ok')).get('/content-type', (c) => c.text(requestHeader(c, 'content-type') ?? 'none'));

let listening: Listening | undefined;
const peers: Peer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) peer.socket.destroy();
  await listening?.close();
  listening = undefined;
});

async function serve(limits: ConnectionLimits, host = '127.0.0.1'): Promise<Listening> {
  listening = await listen(app, { host, port: 0 }, limits);
  return listening;
}

/** Opens `count` connections that send nothing, one after the other, so that the server takes them in that order. */
async function silent(port: number, count: number): Promise<Peer[]> {
  const opened: Peer[] = [];
  for (let i = 0; i < count; i++) opened.push(await connectPeer(port));
  peers.push(...opened);
  return opened;
}

/** Which of `opened` the server closed within `ms`, in order. */
const closedOf = (opened: Peer[], ms = 1_000) => Promise.all(opened.map((peer) => closedWithin(peer, ms)));

const connectionsOf = (server: Server) => new Promise<number>((resolve, reject) => server.getConnections((err, count) => (err ? reject(err) : resolve(count))));

describe('listen', () => {
  it('closes the connections one address opens past its cap at once, and still answers another address', async () => {
    const { server, port } = await serve({ maxConnectionsPerAddress: 3 });
    const held = await silent(port, 3 + 5);
    expect(await closedOf(held)).toEqual([false, false, false, true, true, true, true, true]);
    expect(await statusOf(port, '/healthz', { localAddress: '127.0.0.2' })).toBe(200);

    for (const peer of held) peer.socket.destroy();
    await vi.waitFor(async () => expect(await connectionsOf(server)).toBe(0), { timeout: 2_000, interval: 20 });
    expect(await statusOf(port, '/healthz')).toBe(200);
    // Back to none held, not one freed nor the refused ones counted: three again, and no fourth.
    expect(await closedOf(await silent(port, 3 + 1))).toEqual([false, false, false, true]);
  });

  it('counts an IPv4 client of a dual-stack socket (::ffff:127.0.0.1) by its IPv4 address, not with every IPv4 client', async () => {
    const { port } = await serve({ maxConnectionsPerAddress: 2 }, '::');
    expect(await closedOf(await silent(port, 2 + 1))).toEqual([false, false, true]);
    expect(await statusOf(port, '/healthz', { localAddress: '127.0.0.2' })).toBe(200);
  });

  it('closes a connection that sends nothing with 408 once the headers timeout is over', async () => {
    const { port } = await serve({ headersTimeoutMs: 500 });
    const [peer] = (await silent(port, 1)) as [Peer];
    expect(await closedWithin(peer, 500 + 2_500)).toBe(true);
    const { afterMs, received } = await peer.closed;
    console.log(`a silent connection, headers timeout 500 ms: closed after ${afterMs.toFixed(0)} ms`);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeGreaterThanOrEqual(450);
  });

  it('closes an idle keep-alive connection once the keep-alive timeout is over', async () => {
    const { port } = await serve({ keepAliveTimeoutMs: 500 });
    const [peer] = (await silent(port, 1)) as [Peer];
    peer.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await vi.waitFor(() => expect(peer.received).toMatch(/^HTTP\/1\.1 200 [^]*\r\n\r\nok$/), { timeout: 1_000, interval: 5 });
    expect(peer.received).not.toMatch(/connection: close/i);
    const answered = performance.now();
    // Node waits a second past the timeout before it closes, for a client that reuses the connection just then.
    expect(await closedWithin(peer, 500 + 2_500)).toBe(true);
    const idleMs = performance.now() - answered;
    console.log(`an idle keep-alive connection, keep-alive timeout 500 ms: closed ${idleMs.toFixed(0)} ms after its answer`);
    expect(idleMs).toBeGreaterThanOrEqual(450);
  });

  it('applies the documented limits by default: 10 s for the headers, 30 s for the request, 5 s of keep-alive, 1,000 connections, 100 per address', async () => {
    const { server, port } = await serve({});
    expect({ headersTimeout: server.headersTimeout, requestTimeout: server.requestTimeout, keepAliveTimeout: server.keepAliveTimeout, maxConnections: server.maxConnections }).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      maxConnections: 1_000,
    });
    const closed = await closedOf(await silent(port, 100 + 1));
    expect(closed.indexOf(true)).toBe(100);
    expect(closed.filter(Boolean)).toHaveLength(1);
  });

  it('joins a repeated header as Fetch does, so that two Content-Types are read as both, not as the first', async () => {
    const { port } = await serve({});
    const [peer] = (await silent(port, 1)) as [Peer];
    peer.socket.write('GET /content-type HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n');
    const { received } = await peer.closed;
    expect(received).toMatch(/\r\n\r\ntext\/plain, application\/json$/);
  });

  it('refuses a request that names two hosts (400), as RFC 9112 §3.2 asks, rather than reading the first', async () => {
    const { port } = await serve({});
    const [peer] = (await silent(port, 1)) as [Peer];
    peer.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\nConnection: close\r\n\r\n');
    const { received } = await peer.closed;
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
  });
});
