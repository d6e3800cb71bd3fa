import { HashingPool, type ReferenceServer, type ReferenceServerOptions, memoryStores, systemClock } from '@loginspec/login-kit';
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
  log?: (line: string) => void;
  /** What every server is built with; one hashing pool and one set of stores are shared by all unless given. */
  servers?: ReferenceServerOptions;
  limits?: ConnectionLimits;
  /** Serve the test controls at `/_controls` (see test-controls.openapi.yaml): one clock for all, stores a test can empty and make fail. */
  testControls?: boolean;
}

export interface RunningGateway extends Listening {
  servers: ReferenceServer[];
}

/**
 * `pnpm start` without the process: every server of the registry, built
 * with one hashing pool (a bound for the whole process, not per API) and
 * one set of stores, under its prefix beside the docs, listening.
 */
export async function startGateway({ root, docsDir, host, port, log, servers: options = {}, limits, testControls = false }: GatewayStart): Promise<RunningGateway> {
  const servers = await loadServers(root);
  const clock = options.clock ?? systemClock;
  const shared: ReferenceServerOptions = { hashing: new HashingPool(), stores: memoryStores(clock), ...options, clock };
  const harness = testControls ? new TestHarness(shared.hashing) : undefined;
  const apis = await Promise.all(servers.map(async (server) => ({ name: server.name, app: await server.create(harness ? harness.optionsFor(server.name, shared) : shared) })));
  const controls = harness && createControlsApp(harness);
  const listening = await listen(createGateway({ apis, docsDir, log, controls }), { host, port }, limits);
  return { ...listening, servers };
}
