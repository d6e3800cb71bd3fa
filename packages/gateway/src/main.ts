#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { siteDir } from '@loginspec/docs-site';
import { findOperation } from '@loginspec/openapi-runtime';
import { referenceApis } from './apis.js';
import { createGateway } from './gateway.js';

const USAGE = `Usage: loginspec-gateway [--port N] [--host ADDR] [--quiet]

Serves every reference login server under its own prefix, and the docs at /docs.

  --port N     port to listen on (default: $PORT or 4010)
  --host ADDR  address to bind (default: $HOST or 127.0.0.1; 0.0.0.0 for every interface)
  --quiet      do not log request lines
  --help       show this text`;

function fail(message: string): never {
  console.error(`loginspec-gateway: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean' } },
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

console.log(`Hashing demo passwords (scrypt, OWASP cost) for ${referenceApis.length} APIs…`);
const apis = await Promise.all(referenceApis.map(async (api) => ({ ...api, app: await api.create({}) })));
if (!existsSync(siteDir)) console.warn(`No docs at ${siteDir}: run \`pnpm run docs\` to build them.`);
const gateway = createGateway({ apis, docsDir: siteDir, log: args.quiet ? undefined : (line) => console.log(line) });

const server = serve({ fetch: gateway.fetch, hostname: host, port }, (info) => {
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  console.log(`\nloginspec reference servers on ${origin}\n`);
  console.log(`  docs     ${origin}/docs/`);
  for (const api of apis) {
    console.log(`  ${api.name.padEnd(8)} POST ${origin}/${api.name}${findOperation(api.description, 'login').path}   ${api.description.info.title}`);
    for (const login of api.demoLogins) console.log(`           demo: ${login}`);
  }
  console.log('\nCtrl-C stops.');
});
server.once('error', (err) => {
  console.error(`loginspec-gateway: cannot listen on ${host}:${port}: ${err.message}`);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: closing…`);
    server.close(() => process.exit(0));
    // Keep-alive connections may hold close() open; do not hang on them.
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
