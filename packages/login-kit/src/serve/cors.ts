import type { MiddlewareHandler } from 'hono';

/**
 * Reads exact origins for CORS: `https://app.example.com`,
 * `http://localhost:5173`: a scheme, a host and a port, nothing else (no
 * path, no trailing slash, no wildcard). Throws naming the first that is not.
 */
export function parseOrigins(texts: readonly string[]): string[] {
  return texts.map((text) => {
    if (text === '*' || text.includes('*')) throw new Error(`"${text}": CORS origins are exact (a wildcard would let any site call the APIs from its visitors' browsers)`);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`"${text}" is not an origin (scheme://host[:port], e.g. https://app.example.com)`);
    }
    if (!['http:', 'https:'].includes(url.protocol)) throw new Error(`"${text}" is not an http or https origin`);
    if (url.origin !== text) throw new Error(`"${text}" is not an exact origin: write it as ${url.origin}`);
    return url.origin;
  });
}

export interface CorsOptions {
  /** Exact origins allowed to call from a browser. */
  origins: readonly string[];
  /** Response headers a page may read (Retry-After, WWW-Authenticate by default). */
  exposeHeaders?: readonly string[];
  /** How long a browser may keep a preflight's answer, in seconds (600 by default). */
  maxAgeSeconds?: number;
}

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/**
 * CORS for exact origins. A request from an allowed origin gets
 * `Access-Control-Allow-Origin` (that origin) and `Access-Control-Expose-Headers`;
 * its preflight (OPTIONS with `Access-Control-Request-Method`) is answered
 * 204 here, allowing the methods and the request headers it asks for. A
 * request from any other origin, or with none, gets no CORS header at all
 * and goes on as if there were no CORS. No credentials (cookies): the APIs
 * take their tokens in headers.
 */
export function cors({ origins, exposeHeaders = ['Retry-After', 'WWW-Authenticate'], maxAgeSeconds = 600 }: CorsOptions): MiddlewareHandler {
  const allowed = new Set(origins);
  const expose = exposeHeaders.join(', ');
  return async (c, next) => {
    const origin = c.req.header('origin');
    const from = origin !== undefined && allowed.has(origin) ? origin : undefined;
    if (from && c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers = new Headers({
        'access-control-allow-origin': from,
        'access-control-allow-methods': METHODS,
        'access-control-max-age': String(maxAgeSeconds),
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      });
      const asked = c.req.header('access-control-request-headers');
      if (asked) headers.set('access-control-allow-headers', asked);
      return new Response(null, { status: 204, headers });
    }
    await next();
    // The answer depends on Origin whenever CORS is on: a cache must not serve one origin's answer to another.
    c.res.headers.append('vary', 'Origin');
    if (from) {
      c.res.headers.set('access-control-allow-origin', from);
      c.res.headers.set('access-control-expose-headers', expose);
    }
  };
}
