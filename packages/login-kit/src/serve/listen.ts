import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { placeOf } from '../address-place.js';

/**
 * Connections one client address may hold open at once, by default. A
 * browser opens at most 6 to an origin, so a hundred leaves room for the
 * people behind one NAT or office address, while a client alone can hold a
 * tenth of the server's 1,000 connections, never all of them. Behind a
 * reverse proxy every client has the proxy's address: raise it there.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 100;

/** How long a client may take, and how many may be connected at once. */
export interface ConnectionLimits {
  /** Time to send the request's headers (10 s by default): a slow-headers client is cut off. */
  headersTimeoutMs?: number;
  /** Time to send the whole request, body included (30 s by default): a slow upload is cut off. */
  requestTimeoutMs?: number;
  /** Time an idle keep-alive connection stays open (5 s by default). */
  keepAliveTimeoutMs?: number;
  /** Connections open at once (1,000 by default); more are closed as they arrive. */
  maxConnections?: number;
  /**
   * Connections open at once from one client address (100 by default; an
   * IPv6 address counts by its /64, see `placeOf`); more are closed as they
   * arrive, so that one client cannot take every connection.
   */
  maxConnectionsPerAddress?: number;
}

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves an app with @hono/node-server, with limits suited to a login
 * server in place of Node's defaults (a request may otherwise take 300 s,
 * and connections are not capped).
 */
export function listen(app: Hono, { host, port }: { host: string; port: number }, limits: ConnectionLimits = {}): Promise<Listening> {
  const { headersTimeoutMs = 10_000, requestTimeoutMs = 30_000, keepAliveTimeoutMs = 5_000, maxConnections = 1_000, maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS } = limits;
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      hostname: host,
      port,
      serverOptions: {
        // The timeouts are enforced as often as the checking interval allows: every second, not Node's 30.
        headersTimeout: headersTimeoutMs,
        requestTimeout: requestTimeoutMs,
        keepAliveTimeout: keepAliveTimeoutMs,
        connectionsCheckingInterval: 1_000,
        // A repeated header is joined as Fetch joins it (`a, b`), not cut to its first value: two Content-Types
        // are refused, not read as the first. The router's `requestHeader` then reads Node's headers as they are.
        joinDuplicateHeaders: true,
      },
    }) as Server;
    server.maxConnections = maxConnections;
    capEachAddress(server, maxConnectionsPerAddress);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Closes a connection as it arrives when its address already holds `max`; one count per address with connections open, none kept after. */
function capEachAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    // No address: the peer has gone already.
    if (socket.remoteAddress === undefined) return void socket.destroy();
    // `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) counts as 192.0.2.1, not in one /64 with every other IPv4 client.
    const place = placeOf(socket.remoteAddress);
    const count = open.get(place) ?? 0;
    if (count >= max) return void socket.destroy();
    open.set(place, count + 1);
    socket.once('close', () => {
      const left = (open.get(place) ?? 1) - 1;
      if (left === 0) open.delete(place);
      else open.set(place, left);
    });
  });
}
