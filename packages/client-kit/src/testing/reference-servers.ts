import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository, from this file (packages/client-kit/src/testing). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

interface RunningGateway {
  port: number;
  close(): Promise<void>;
}

export interface ReferenceServersOptions {
  /** Only these APIs of the registry; every one when absent. */
  apis?: readonly string[];
  /** Serve the test controls at `/_controls` (packages/gateway/test-controls.openapi.yaml). */
  testControls?: boolean;
}

export interface ReferenceServers {
  baseUrl: string;
  /** The token of the test controls, when they are served (`Authorization: Bearer …`). */
  controlsToken?: string;
  close(): Promise<void>;
}

/** The test controls' token of the servers a test starts: they listen on loopback, in the test's own process, for its run only. */
const CONTROLS_TOKEN = 'client-kit-tests-controls-token-0123456789';

/**
 * Every reference server of the registry (or those `apis` names) in this
 * process, as `pnpm start` serves them (under `/<api>`), on a loopback
 * port, with cheap scrypt. The gateway is loaded from its build by path
 * rather than declared as a dependency: it depends on the servers, which
 * depend on the clients, which depend on this package, and a declared cycle
 * would reach the published manifest and pnpm's build order.
 */
export async function startReferenceServers({ apis, testControls = false }: ReferenceServersOptions = {}): Promise<ReferenceServers> {
  const entry = pathToFileURL(`${repoRoot}packages/gateway/dist/index.js`).href;
  const { startGateway } = (await import(entry)) as { startGateway(options: object): Promise<RunningGateway> };
  const controls = testControls ? { testControls: { token: CONTROLS_TOKEN } } : {};
  const gateway = await startGateway({ root: repoRoot, docsDir: tmpdir(), host: '127.0.0.1', port: 0, apis, ...controls, servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } } });
  return { baseUrl: `http://127.0.0.1:${gateway.port}`, ...(testControls ? { controlsToken: CONTROLS_TOKEN } : {}), close: () => gateway.close() };
}
