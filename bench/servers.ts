/**
 * The candidates each section starts, all children of this process on
 * 127.0.0.1: the gateway of `pnpm start`, the bare Hono baseline, Prism and
 * redis-server.
 */
import { join } from 'node:path';
import type { FixedRoute } from './bare-hono.js';
import { freePort } from './ports.js';
import { type Served, startServer } from './processes.js';

export const root = join(import.meta.dirname, '..');

/** How a child is launched: pinned to the servers' CPU, or as is. */
export type Launch = (command: string, args: string[]) => [string, string[]];

/**
 * Attempt limits that concurrent logins of one demo account from one
 * address never reach: attempts are reserved before the password is
 * checked, so 20 logins in flight would pass the described 5 per account
 * and address. perAccount is at most 100 (the gateway refuses more), above
 * the connections of any load here.
 */
export const ROOMY_LIMITS = ['--attempt-limit', 'perAccountAndAddress=1000000,perAccount=100,perAddress=1000000'];

/** The cheapest scrypt Node accepts with login-kit's memory bound (N=2 is refused): a login's path and state without the cost of its hash. */
export const CHEAP_HASH = ['--hash-cost', 'N=16,r=1,p=1'];

/**
 * `pnpm start`'s gateway (built), quiet, on a free port, with `flags`
 * (`--hash-cost`, `--redis-url`, …). Every load generator speaks from
 * 127.0.0.1: the per-address connection cap is raised to the overall one,
 * above the most connections a run may open (`--connections` ≤ 500).
 */
export function startGateway(launch: Launch, flags: string[], nodeFlags: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const args = [...nodeFlags, join(root, 'packages/gateway/dist/main.js'), '--port', '0', '--quiet', '--max-connections-per-address', '1000', ...flags];
  return startServer(...launch(process.execPath, args), /reference servers on http:\/\/127\.0\.0\.1:(\d+)/, env);
}

export function startBareHono(launch: Launch, routes: FixedRoute[]): Promise<Served> {
  return startServer(...launch(process.execPath, ['--import', 'tsx', join(root, 'bench/bare-hono.ts')]), /listening (\d+)/, { BARE_ROUTES: JSON.stringify(routes) });
}

/** Prism (pinned in bench/package.json) mocking one bundled description at the root of its own port. */
export async function startPrism(launch: Launch, bundle: string): Promise<Served> {
  const port = await freePort();
  const prism = join(root, 'bench/node_modules/.bin/prism');
  // One process (`-m false`, whatever NODE_ENV says): the one whose CPU time the request path reads.
  const served = await startServer(...launch(prism, ['mock', '-m', 'false', '-p', String(port), '-h', '127.0.0.1', bundle]), /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/);
  return served;
}

/** redis-server holding nothing on disk, on a free loopback port; ready once it says so. */
export async function startRedis(launch: Launch): Promise<Served & { url: string }> {
  const port = await freePort();
  const served = await startServer(
    ...launch('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice']),
    new RegExp(`(${port})[\\s\\S]*Ready to accept connections`),
  );
  return { ...served, url: `redis://127.0.0.1:${port}` };
}
