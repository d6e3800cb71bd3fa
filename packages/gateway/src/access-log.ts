import type { MiddlewareHandler } from 'hono';

/**
 * One line per request: method, path, status and time. Never the query
 * string (`?password=…` on a login path is a credential), never a body or a
 * header, and no colour codes.
 */
export function accessLog(write: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    write(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
}
