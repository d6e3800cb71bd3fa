import { HashingPool, memoryStores, type ReferenceServer, type ReferenceServerOptions, type SeedAccounts, systemClock, withResettableAttempts } from '@loginspec/login-kit';
import { type ConnectApiStores, connectEach, type LogFormat, type SharedStores } from '@loginspec/login-kit/serve';
import { createGateway } from './gateway.js';
import { type ConnectionLimits, type Listening, listen } from './listen.js';
import { loadServers } from './load-servers.js';
import { createControlsApp } from './test-controls/controls-app.js';
import { TestHarness } from './test-controls/harness.js';

export interface GatewayStart {
  /** The repository whose registry names the servers. */
  root: string;
  docsDir: string;
  host: string;
  port: number;
  /** Request lines, when given. */
  log?: (line: string) => void;
  /** The format of the request lines: text (the default) or JSON lines. */
  logFormat?: LogFormat;
  /** What every server is built with; one hashing pool and one set of stores are shared by all unless given. */
  servers?: ReferenceServerOptions;
  limits?: ConnectionLimits;
  /**
   * Serve the test controls at `/_controls` (see test-controls.openapi.yaml),
   * unlocked by `token`: one clock for all, stores a test can empty and
   * make fail; and a loopback peer's X-Forwarded-For believed on a request
   * that carries the token (X-Test-Controls-Token).
   */
  testControls?: { token: string };
  /** Only these APIs of the registry, by name, in the registry's order; every one when absent. */
  apis?: readonly string[];
  /** The servers to serve, loaded already (`loadServers`); else loaded from the registry (`apis` of it). */
  references?: readonly ReferenceServer[];
  /** Accounts to seed, per API name (an accounts file's, as `readAccountsFile` reads it). */
  accounts?: ReadonlyMap<string, SeedAccounts>;
  /** Exact origins whose pages may call the APIs (CORS); none by default. */
  corsOrigins?: readonly string[];
  /**
   * Keeps each API's state in shared stores (Redis, `--redis-url`), on the
   * clock its server runs on (the controlled one under test controls),
   * in place of memory; they are closed with the gateway.
   */
  connectStores?: ConnectApiStores;
}

export interface RunningGateway extends Listening {
  servers: ReferenceServer[];
  /**
   * Empties every API's attempt counts (login failures, eos's Hello rate),
   * sessions and tokens left as they are: what SIGHUP does. Answers the
   * APIs it emptied (none when the caller gave stores of its own); with
   * shared stores, once Redis has emptied them for every instance.
   */
  resetAttempts(): Promise<string[]>;
}

/**
 * `pnpm start` without the process: every server of the registry (or those
 * `apis` names), built with one hashing pool (a bound for the whole
 * process, not per API) and one set of stores (or, with `connectStores`,
 * each API's shared stores), under its prefix beside the docs, listening.
 */
export async function startGateway(start: GatewayStart): Promise<RunningGateway> {
  const servers = start.references ? [...start.references] : await loadServers(start.root, start.apis);
  const clock = start.servers?.clock ?? systemClock;
  // One hashing pool for the process: a bound for all the APIs, not per API.
  const options: ReferenceServerOptions = { ...start.servers, hashing: start.servers?.hashing ?? new HashingPool() };
  const harness = start.testControls ? new TestHarness(start.testControls.token, options.hashing) : undefined;
  const shared = start.connectStores
    ? await connectEach(
        start.connectStores,
        servers.map((s) => s.name),
        () => harness?.clock ?? clock,
      )
    : undefined;
  try {
    return await serve({ ...start, servers: options }, servers, clock, harness, shared);
  } catch (err) {
    await closeEach(shared);
    throw err;
  }
}

const closeEach = async (shared: ReadonlyMap<string, SharedStores> | undefined) => void (await Promise.allSettled([...(shared?.values() ?? [])].map((s) => s.close())));

async function serve(
  { docsDir, host, port, log, logFormat, servers: options = {}, limits, accounts, corsOrigins }: GatewayStart,
  servers: ReferenceServer[],
  clock: ReferenceServerOptions['clock'] & {},
  harness: TestHarness | undefined,
  shared: ReadonlyMap<string, SharedStores> | undefined,
): Promise<RunningGateway> {
  const ownStores = options.stores || shared ? undefined : withResettableAttempts(memoryStores(clock));
  const common: ReferenceServerOptions = { ...options, stores: options.stores ?? ownStores, clock };
  const optionsFor = (server: ReferenceServer): ReferenceServerOptions => {
    const stores = shared?.get(server.name);
    const own = harness ? harness.optionsFor(server.name, common, stores) : stores ? { ...common, stores } : common;
    const seeded = accounts?.get(server.name);
    return seeded ? { ...own, accounts: seeded } : own;
  };
  const apis = await Promise.all(servers.map(async (server) => ({ name: server.name, app: await server.create(optionsFor(server)) })));
  const controls = harness && createControlsApp(harness);
  const listening = await listen(createGateway({ apis, docsDir, log, logFormat, controls, corsOrigins }), { host, port }, limits);
  const names = servers.map((s) => s.name);
  return {
    ...listening,
    servers,
    async close() {
      await listening.close();
      await closeEach(shared);
    },
    async resetAttempts() {
      if (harness) {
        await harness.resetAttempts();
        return names;
      }
      if (shared) {
        await Promise.all([...shared.values()].map((s) => s.resetAttempts()));
        return names;
      }
      ownStores?.resetAttempts();
      return ownStores ? names : [];
    },
  };
}
