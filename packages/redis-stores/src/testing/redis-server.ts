/**
 * A throwaway redis-server for tests, on a free loopback port, holding
 * nothing on disk: tests of the Redis stores (and of servers wired to them)
 * run against the real thing. Without `redis-server` on PATH, tests skip
 * and say why (`redisServerMissing`).
 *
 * @module
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';

let missing: { reason: string | undefined } | undefined;

/** Why Redis tests cannot run here, or undefined when `redis-server` is installed (asked once per process). */
export function redisServerMissing(): string | undefined {
  missing ??= { reason: spawnSync('redis-server', ['--version'], { stdio: 'ignore', timeout: 5_000 }).status === 0 ? undefined : 'redis-server not installed' };
  return missing.reason;
}

/** A describe title that says why it skipped: `redis`, or `redis (skipped: redis-server not installed)`. */
export function redisDescribeTitle(title: string): string {
  const missing = redisServerMissing();
  return missing ? `${title} (skipped: ${missing})` : title;
}

export interface StartRedisOptions {
  /** Requires this password (`requirepass`); the url carries it. */
  password?: string;
  /** How long it may take to answer (5,000 ms by default). */
  startTimeoutMs?: number;
}

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>`, with `:<password>@` when one is required. */
  url: string;
  port: number;
  /** Stops it (SIGTERM, then SIGKILL after 2 s); its data is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is saved), and waits until it answers. */
  restart(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as with a Redis that hangs. */
  pause(): void;
  resume(): void;
}

const HOST = '127.0.0.1';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Resolves once something on `port` answers a Redis PING (+PONG, or -NOAUTH when a password is required). */
async function answers(port: number, deadline: number, child: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode})`);
    const reply = await new Promise<string>((resolve) => {
      const socket = createConnection({ host: HOST, port }, () => socket.write('PING\r\n'));
      socket.setTimeout(500, () => socket.destroy());
      socket.once('data', (data) => {
        resolve(data.toString());
        socket.destroy();
      });
      socket.once('error', () => resolve(''));
      socket.once('close', () => resolve(''));
    });
    if (reply.startsWith('+PONG') || reply.startsWith('-NOAUTH')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on ${HOST}:${port}`);
}

function spawnRedis(port: number, password: string | undefined): ChildProcess {
  const args = ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', HOST, '--dir', tmpdir(), '--loglevel', 'warning'];
  if (password !== undefined) args.push('--requirepass', password);
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  child.on('error', () => {}); // an exit is what `answers` and `stop` look at
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGCONT'); // a paused server cannot act on SIGTERM
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(kill);
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts redis-server on a free loopback port, and waits until it answers.
 * The port is free when picked; another process may take it before Redis
 * binds it, so a server that exits at once is started again on another.
 */
export async function startRedisServer(options: StartRedisOptions = {}): Promise<RunningRedis> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), options);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function startOn(port: number, { password, startTimeoutMs = 5_000 }: StartRedisOptions): Promise<RunningRedis> {
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawnRedis(port, password);
    running.add(child);
    await answers(port, Date.now() + startTimeoutMs, child);
  };
  const stop = async () => {
    if (!child) return;
    await terminate(child);
    running.delete(child);
    child = undefined;
  };
  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  const auth = password === undefined ? '' : `:${encodeURIComponent(password)}@`;
  return {
    url: `redis://${auth}${HOST}:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      await start();
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
  };
}
