import { HashingPool, memoryStores, type ReferenceServer, type ReferenceServerOptions, type SeedAccounts, systemClock, withResettableAttempts } from '@loginspec/login-kit';
import type { LogFormat } from '@loginspec/login-kit/serve';
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
  /** Serve the test controls at `/_controls` (see test-controls.openapi.yaml): one clock for all, stores a test can empty and make fail. */
  testControls?: boolean;
  /** Only these APIs of the registry, by name, in the registry's order; every one when absent. */
  apis?: readonly string[];
  /** The servers to serve, loaded already (`loadServers`); else loaded from the registry (`apis` of it). */
  references?: readonly ReferenceServer[];
  /** Accounts to seed, per API name (an accounts file's, as `readAccountsFile` reads it). */
  accounts?: ReadonlyMap<string, SeedAccounts>;
  /** Exact origins whose pages may call the APIs (CORS); none by default. */
  corsOrigins?: readonly string[];
}

export interface RunningGateway extends Listening {
  servers: ReferenceServer[];
  /**
   * Empties every API's attempt counts (login failures, eos's Hello rate),
   * sessions and tokens left as they are: what SIGHUP does. Answers the
   * APIs it emptied (none when the caller gave stores of its own).
   */
  resetAttempts(): string[];
}

/**
 * `pnpm start` without the process: every server of the registry (or those
 * `apis` names), built with one hashing pool (a bound for the whole
 * process, not per API) and one set of stores, under its prefix beside
 * the docs, listening.
 */
export async function startGateway({ root, docsDir, host, port, log, logFormat, servers: options = {}, limits, testControls = false, apis: only, references, accounts, corsOrigins }: GatewayStart): Promise<RunningGateway> {
  const servers = references ? [...references] : await loadServers(root, only);
  const clock = options.clock ?? systemClock;
  const ownStores = options.stores ? undefined : withResettableAttempts(memoryStores(clock));
  const shared: ReferenceServerOptions = { ...options, hashing: options.hashing ?? new HashingPool(), stores: options.stores ?? ownStores, clock };
  const harness = testControls ? new TestHarness(shared.hashing) : undefined;
  const optionsFor = (server: ReferenceServer): ReferenceServerOptions => {
    const own = harness ? harness.optionsFor(server.name, shared) : shared;
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
    resetAttempts() {
      if (harness) {
        harness.resetAttempts();
        return names;
      }
      ownStores?.resetAttempts();
      return ownStores ? names : [];
    },
  };
}
