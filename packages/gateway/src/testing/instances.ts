import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIN, type Running, run } from './spawned.js';

/**
 * Several `pnpm start` processes on loopback sharing one Redis, and a
 * round-robin load balancer in front of them: what a staging deployment
 * runs, for the tests that hold its rules across instances.
 */

export interface Instance {
  origin: string;
  port: number;
  process: Running;
  /** The arguments it was started with (without its port), and the variables it was given: a restart reuses them. */
  args: readonly string[];
  env: Readonly<Record<string, string>>;
}

/** Starts one instance on `port` (any free one by default), given `env` besides this process's own, and waits for its `listening` line. */
export async function startInstance(args: readonly string[], { port = 0, env = {} }: { port?: number; env?: Readonly<Record<string, string>> } = {}): Promise<Instance> {
  const process_ = run(process.execPath, [MAIN, ...args, '--port', String(port)], { env: { ...env } });
  const origin = (await process_.event('listening')).url as string;
  return { origin, port: Number(new URL(origin).port), process: process_, args, env };
}

/** Stops an instance as an orchestrator does (SIGTERM), and starts it again on the same port. */
export async function restartInstance(instance: Instance): Promise<Instance> {
  instance.process.child.kill('SIGTERM');
  const { code } = await instance.process.exited;
  if (code !== 0) throw new Error(`instance on ${instance.origin} exited ${code}`);
  return startInstance(instance.args, instance);
}

export interface Balancer {
  origin: string;
  /** How many requests each origin was sent, in the order given. */
  sent: number[];
  close(): Promise<void>;
}

/** How long the balancer waits for an instance's answer before it answers 504 itself. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * A round-robin load balancer on loopback: each request goes to the next
 * of `origins` in turn, its body streamed through, its headers as sent
 * (X-Forwarded-For included: the instances believe it from loopback under
 * test controls, sent with their token). 502 when an instance cannot be reached, 504 when it does
 * not answer in time.
 */
export async function roundRobin(origins: readonly string[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sent = origins.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % origins.length;
    sent[index] = (sent[index] ?? 0) + 1;
    const target = new URL(req.url ?? '/', origins[index]);
    const upstream = request(target, { method: req.method, headers: req.headers, agent, timeout: UPSTREAM_TIMEOUT_MS }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', (err) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(err.message === 'timeout' ? 504 : 502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

export interface Throughput {
  requests: number;
  perSecond: number;
}

/**
 * Sends `send` at most `requests` times, `concurrency` at once, for at most
 * `withinMs`: a figure bounded in count and in time. Throws on an answer
 * `ok` refuses, so that a figure is never one of errors.
 */
export async function throughput(send: () => Promise<Response>, ok: (res: Response) => boolean, { requests = 2_000, concurrency = 16, withinMs = 10_000 } = {}): Promise<Throughput> {
  const started = performance.now();
  let sentCount = 0;
  const worker = async () => {
    while (sentCount < requests && performance.now() - started < withinMs) {
      sentCount++;
      const res = await send();
      await res.arrayBuffer();
      if (!ok(res)) throw new Error(`unexpected answer ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { requests: sentCount, perSecond: sentCount / seconds };
}
