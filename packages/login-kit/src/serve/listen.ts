import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

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
  const { headersTimeoutMs = 10_000, requestTimeoutMs = 30_000, keepAliveTimeoutMs = 5_000, maxConnections = 1_000 } = limits;
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      hostname: host,
      port,
      // The timeouts are enforced as often as the checking interval allows: every second, not Node's 30.
      serverOptions: { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, keepAliveTimeout: keepAliveTimeoutMs, connectionsCheckingInterval: 1_000 },
    }) as Server;
    server.maxConnections = maxConnections;
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
