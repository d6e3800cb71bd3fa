/**
 * One API's reference server under the test controls, for the tests of a
 * client's auth layer: the server's clock is frozen and moved over HTTP
 * (`POST /_controls/clock`), and the client is given a clock of its own
 * that the test moves with it, or leaves behind to make the server refuse
 * a token first. Nothing waits: a 20-second or 2-hour token expires at once.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Clock } from '../clock.js';
import { startReferenceServers } from './reference-servers.js';

export interface ControlledServer {
  /** The API's base URL (`http://127.0.0.1:<port>/<api>`). */
  baseUrl: string;
  /** The client's clock: where the server's stood when last frozen, moved only by `advance`. */
  clock: Clock;
  /** Empties the API's state and freezes the server's clock, setting the client's to it. Call before each test. */
  reset(): Promise<void>;
  /** Moves the server's clock and, unless `client` says otherwise, the client's by as much. */
  advance(ms: number, client?: { by: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startControlledServer(api: string): Promise<ControlledServer> {
  const servers = await startReferenceServers({ apis: [api], testControls: true });
  let clientNow = 0;
  const control = async (path: string, body?: object): Promise<{ now?: number }> => {
    const response = await fetch(`${servers.baseUrl}/_controls${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${servers.controlsToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`POST /_controls${path}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? {} : ((await response.json()) as { now: number });
  };
  return {
    baseUrl: `${servers.baseUrl}/${api}`,
    clock: { now: () => clientNow },
    async reset() {
      await control(`/apis/${api}/reset`);
      clientNow = (await control('/clock', { action: 'freeze' })).now as number;
    },
    async advance(ms, client = { by: ms }) {
      await control('/clock', { action: 'advance', ms });
      clientNow += client.by;
    },
    close: () => servers.close(),
  };
}

/**
 * The suite's controlled server: started before its tests, reset before
 * each, closed after them. What every client's auth test begins with.
 */
export function useControlledServer(api: string): ControlledServer {
  let started: ControlledServer | undefined;
  beforeAll(async () => {
    started = await startControlledServer(api);
  });
  afterAll(() => started?.close());
  beforeEach(() => server().reset());
  const server = () => {
    if (!started) throw new Error(`the ${api} server is started in beforeAll: use it inside a test`);
    return started;
  };
  return {
    get baseUrl() {
      return server().baseUrl;
    },
    get clock() {
      return server().clock;
    },
    reset: () => server().reset(),
    advance: (ms, client) => server().advance(ms, client),
    close: () => server().close(),
  };
}
