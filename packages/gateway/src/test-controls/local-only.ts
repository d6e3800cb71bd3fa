import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';

/** The host name a Host or Origin value names, lower-cased and without IPv6 brackets; undefined when it names none. */
function hostnameOf(value: string, scheme = 'http://'): string | undefined {
  try {
    return new URL(`${scheme}${value}`).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

/**
 * Keeps the test controls to a test's own requests. A page of another site
 * can send a POST without a preflight (a reset has no body), so a request
 * whose `Origin` is not the address it was sent to is refused. A
 * DNS-rebinding page is the same origin as far as its browser knows, so no
 * `Origin` check catches it; but it must address the server under the
 * attacker's host name, so only `localhost` and IP addresses are answered.
 */
export function localOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    const hostname = hostnameOf(host);
    const origin = c.req.header('origin');
    const sameOrigin = origin === undefined || hostnameOf(origin, '') === hostname;
    if (hostname !== undefined && (hostname === 'localhost' || isIP(hostname) !== 0) && sameOrigin) return next();
    return c.json({ code: 'forbidden', message: 'the test controls answer only requests addressed to localhost or an IP address, from no other site\'s page' }, 403);
  };
}
