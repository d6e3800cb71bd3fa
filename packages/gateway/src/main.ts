#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { repoRoot, siteDir } from '@loginspec/docs-site';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import { banner } from './banner.js';
import { startGateway } from './start.js';

const USAGE = `Usage: loginspec-gateway [--port N] [--host ADDR] [--quiet] [--test-controls | --no-test-controls]

Serves every reference login server under its own prefix, and the docs at /docs.

  --port N     port to listen on (default: $PORT or 4010)
  --host ADDR  address to bind (default: $HOST or 127.0.0.1; 0.0.0.0 for every interface)
  --quiet      do not log request lines
  --test-controls, --no-test-controls
               serve, or not, the test controls at /_controls (move the clock, read
               delivered messages, reset and fail the servers; X-Forwarded-For believed
               from loopback). Default: on when ADDR is a loopback address, else off
  --help       show this text`;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function fail(message: string): never {
  console.error(`loginspec-gateway: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
      'test-controls': { type: 'boolean' },
      'no-test-controls': { type: 'boolean' },
    },
  }).values;
} catch (err) {
  fail((err as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port ?? process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port: ${args.port ?? process.env.PORT}`);
const host = args.host ?? process.env.HOST ?? '127.0.0.1';
if (args['test-controls'] && args['no-test-controls']) fail('--test-controls and --no-test-controls contradict each other');
const testControls = args['test-controls'] ?? (args['no-test-controls'] ? false : isLoopback(host));
if (testControls && !isLoopback(host)) console.warn(`Test controls are on while listening on ${host}: anyone who reaches it can move the servers' clock.`);

console.log('Hashing demo passwords (scrypt, OWASP cost)…');
if (!existsSync(siteDir)) console.warn(`No docs at ${siteDir}: run \`pnpm run docs\` to build them.`);
let gateway;
try {
  gateway = await startGateway({
    root: repoRoot,
    docsDir: siteDir,
    host,
    port,
    log: args.quiet ? undefined : (line) => console.log(line),
    testControls,
    servers: {
      // Under test controls the gateway believes X-Forwarded-For from loopback (see startGateway).
      ...(testControls ? {} : { clientAddress: clientAddress() }),
      // No mail is sent: what a server would send (xelion's MFA codes) is printed, as a demo needs.
      deliver: ({ to, text }) => console.log(`[message to ${to}] ${text}`),
    },
  });
} catch (err) {
  console.error(`loginspec-gateway: cannot start on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
}
const { server } = gateway;
console.log(`\n${banner(`http://${host.includes(':') ? `[${host}]` : host}:${gateway.port}`, gateway.servers, { testControls })}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: closing…`);
    server.close(() => process.exit(0));
    // Keep-alive connections may hold close() open; do not hang on them.
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
