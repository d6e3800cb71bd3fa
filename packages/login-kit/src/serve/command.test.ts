import type { AnyDescription } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../reference-server.js';
import { type RunningReferenceServer, serverCommand, startReferenceServer } from './command.js';
import { createLogger } from './log.js';
import { readOptions, SERVE_OPTIONS, serveSettings } from './settings.js';
import { closedWithin, connectPeer, type Peer, statusOf } from './sockets.fixture.js';

const demo: ReferenceServer = { name: 'demo', description: {} as AnyDescription, demoLogins: () => [], create: async () => new Hono() };
const logger = createLogger({ format: 'json', stdout: () => {}, stderr: () => {} });

let running: RunningReferenceServer | undefined;
const peers: Peer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) peer.socket.destroy();
  await running?.close();
  running = undefined;
});

describe('startReferenceServer', () => {
  it('caps the connections of each client address at --max-connections-per-address', async () => {
    const settings = serveSettings(readOptions(SERVE_OPTIONS, ['--port', '0', '--quiet', '--max-connections-per-address', '2'], {}), { isTty: false });
    running = await startReferenceServer(demo, { settings, logger });
    for (let i = 0; i < 3; i++) peers.push(await connectPeer(running.port));
    expect(await Promise.all(peers.map((peer) => closedWithin(peer, 300)))).toEqual([false, false, true]);
    expect(await statusOf(running.port, '/healthz', { localAddress: '127.0.0.2' })).toBe(200);
  });
});

describe('serverCommand', () => {
  it('answers a flag it cannot read with the error and where the options are told, not the whole usage, and exits 2', async () => {
    const stderr: string[] = [];
    const exit = (code: number): never => {
      throw Object.assign(new Error(`exit ${code}`), { code });
    };
    const io = { args: ['--port', 'http'], env: {}, stdout: () => {}, stderr: (text: string) => void stderr.push(text), isTty: false };
    await expect(serverCommand(demo, { io, exit })).rejects.toMatchObject({ code: 2 });
    expect(stderr).toEqual(['demo-server: --port: not a port: http\nRun with --help for the options.']);
  });
});
