import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Reads a request header (its name in lower case) from Node's own parse of
 * the request, when the server joins repeated headers (`joinDuplicateHeaders`,
 * which login-kit's `listen` sets): the very value `c.req.header(name)`
 * answers (repeated lines joined by `, `, Cookie's by `; `), without the
 * `Headers` object Hono reads through (four headers cost a login ~1.8 µs
 * that way, ~0.1 µs here). Elsewhere (a server that keeps only the first of
 * a repeated Content-Type or Authorization, or a request made in process),
 * Hono's reading.
 *
 * @example
 * operationRouter(app, description, { header: requestHeader });
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage & { joinDuplicateHeaders?: boolean } } | undefined)?.incoming;
  if (incoming?.joinDuplicateHeaders !== true) return c.req.header(name);
  const value: unknown = incoming.headers[name];
  if (typeof value === 'string' || value === undefined) return value;
  // Only Set-Cookie arrives as a list, which Fetch joins like any other header.
  if (Array.isArray(value)) return value.join(', ');
  // A name the headers object inherits (`constructor`, `__proto__`) is not a header Node kept: Hono reads the raw lines.
  return c.req.header(name);
}
