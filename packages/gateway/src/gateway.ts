import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { cors, type LogFormat } from '@loginspec/login-kit/serve';
import { Hono } from 'hono';
import { accessLog } from './access-log.js';

export interface GatewayOptions {
  /** Each API's app, mounted under `/<name>` so its documented paths stay intact below the prefix. */
  apis: { name: string; app: Hono }[];
  /** The built docs site (`pnpm run docs`), served at /docs. */
  docsDir: string;
  /** Request lines (method, path, status, time; never a query string, a body or a header). */
  log?: (line: string) => void;
  /** Their format: text (the default) or JSON lines. */
  logFormat?: LogFormat;
  /** The test controls, whose paths start with `/_controls`, when given. */
  controls?: Hono;
  /** Exact origins whose pages may call the gateway (CORS, Retry-After exposed); none by default, and then no CORS header at all. */
  corsOrigins?: readonly string[];
}

export function createGateway({ apis, docsDir, log, logFormat = 'text', controls, corsOrigins = [] }: GatewayOptions): Hono {
  const gateway = new Hono();
  if (log) gateway.use(accessLog(log, logFormat));
  // CORS for the APIs only: the docs need none, and the test controls must never answer another site's page.
  if (corsOrigins.length > 0) {
    const allow = cors({ origins: corsOrigins });
    for (const { name } of apis) gateway.use(`/${name}/*`, allow);
  }
  gateway.get('/', (c) => c.redirect('/docs/'));
  gateway.get('/healthz', (c) => c.json({ status: 'ok', apis: apis.map((a) => a.name) }));
  gateway.get('/docs', (c) => c.redirect('/docs/'));
  // Without a built site (a test, or a start that skipped the docs), say how to build it rather than let serveStatic warn on every start.
  if (existsSync(docsDir)) {
    // A folder's page links relative to the folder: /docs/enos must become /docs/enos/ before it is served.
    gateway.get('/docs/*', async (c, next) => {
      const inside = c.req.path.slice('/docs'.length);
      if (!inside.endsWith('/') && !inside.includes('..') && existsSync(join(docsDir, inside, 'index.html'))) return c.redirect(`${c.req.path}/`, 301);
      return next();
    });
    gateway.use('/docs/*', serveStatic({ root: docsDir, rewriteRequestPath: (path) => path.slice('/docs'.length) }));
  }
  else gateway.get('/docs/*', (c) => c.text('The docs are not built: run `pnpm run docs`, or `pnpm start`, which builds them.\n', 404));
  if (controls) gateway.route('/', controls);
  for (const { name, app } of apis) gateway.route(`/${name}`, app);
  return gateway;
}
