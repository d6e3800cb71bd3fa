import { HashingPool, type ReferenceServer, type ReferenceServerOptions, memoryStores, systemClock } from '@loginspec/login-kit';
import { createGateway } from './gateway.js';
import { type ConnectionLimits, type Listening, listen } from './listen.js';
import { loadServers } from './load-servers.js';

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
}

export interface RunningGateway extends Listening {
  servers: ReferenceServer[];
}

/**
 * `pnpm start` without the process: every server of the registry, built
 * with one hashing pool (a bound for the whole process, not per API) and
 * one set of stores, under its prefix beside the docs, listening.
 */
export async function startGateway({ root, docsDir, host, port, log, servers: options = {}, limits }: GatewayStart): Promise<RunningGateway> {
  const servers = await loadServers(root);
  const clock = options.clock ?? systemClock;
  const shared: ReferenceServerOptions = { hashing: new HashingPool(), stores: memoryStores(clock), ...options, clock };
  const apis = await Promise.all(servers.map(async (server) => ({ name: server.name, app: await server.create(shared) })));
  const listening = await listen(createGateway({ apis, docsDir, log }), { host, port }, limits);
  return { ...listening, servers };
}
