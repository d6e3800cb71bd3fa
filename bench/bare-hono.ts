/**
 * The baseline: a bare Hono app on @hono/node-server that, for each route it
 * is given, reads the body as the API's media type would be read (JSON
 * parsed, a form split; nothing for a GET) and answers a fixed body, the
 * very bytes the reference server answers. Prints `listening <port>` once ready.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface FixedRoute {
  method: 'GET' | 'POST';
  path: string;
  format?: 'json' | 'form';
  status: number;
  contentType: string;
  body: string;
}

const routes = JSON.parse(process.env.BARE_ROUTES ?? '[]') as FixedRoute[];
const app = new Hono();
for (const route of routes) {
  app.on(route.method, route.path, async (c) => {
    if (route.format === 'json') await c.req.json().catch(() => undefined);
    else if (route.format === 'form') new URLSearchParams(await c.req.text());
    return c.body(route.body, route.status as 400, { 'content-type': route.contentType });
  });
}
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`listening ${info.port}`));
