import type { Middleware } from 'openapi-fetch';
import type { Clock } from '../clock.js';
import { type Described, httpSchemeOf } from '../description.js';
import { authMiddleware } from './auth-middleware.js';
import { type CredentialCache, createCredentialCache, type Grant } from './credential-cache.js';

/**
 * The auth layer of a client, the same shape for every API: it logs in
 * once, sends the credential the way the API documents it on the
 * operations that take it, renews it before it expires (or after a 401,
 * retrying the refused call once), and shares one login or renewal between
 * concurrent calls. Credentials never appear in its errors.
 */
export interface Auth<Session> {
  /** The openapi-fetch middleware doing it; already installed on the client it was made for. */
  readonly middleware: Middleware;
  /** The session held, if any: its tokens and expiry. */
  readonly session: Session | undefined;
  /** A live credential, as sent in `Authorization` after the scheme: logs in or renews first when needed. */
  token(): Promise<string>;
  /** Renews now (logs in, holding nothing). */
  renew(): Promise<Session>;
  /** Ends the session where the API can (its logout), and forgets it. */
  logout(): Promise<void>;
}

/** Common options of every API's auth layer. */
export interface AuthOptions {
  /** Renew when the credential expires within this many milliseconds (each API has its default). */
  renewBeforeMs?: number;
  clock?: Clock;
}

export interface AuthSpec<Session> extends AuthOptions {
  /** The client's openapi-fetch client, on which the middleware is installed. */
  client: { use(...middleware: Middleware[]): void };
  description: Described;
  /** The cache to use (a client that keeps sessions itself has one); one is made from `login` and `renew` otherwise. */
  cache?: CredentialCache<Session>;
  login?: () => Promise<Grant<Session>>;
  renew?: (held: Session) => Promise<Grant<Session>>;
  /** Ends a session on the server (a logout operation). */
  end?: (held: Session) => Promise<void>;
  /** The credential of a session, as `Authorization` carries it after the scheme. */
  credential(session: Session): string;
  /** The `Authorization` scheme (`Bearer`, `xelion`): by default the description's HTTP security scheme; none for an API without one (EOS). */
  scheme?: string;
  noRetry?: readonly string[];
}

/** Builds an API's auth layer from how it logs in, renews and logs out. */
export function createAuth<Session>(spec: AuthSpec<Session>): Auth<Session> {
  const cache = spec.cache ?? createCredentialCache({ login: spec.login, renew: spec.renew, renewBeforeMs: spec.renewBeforeMs, clock: spec.clock });
  const scheme = spec.scheme ?? httpSchemeOf(spec.description);
  const middleware = authMiddleware({
    cache,
    description: spec.description,
    authorization: (session) => (scheme ? `${scheme} ${spec.credential(session)}` : spec.credential(session)),
    noRetry: spec.noRetry,
  });
  spec.client.use(middleware);
  return {
    middleware,
    get session() {
      return cache.current;
    },
    token: async () => spec.credential(await cache.get()),
    renew: () => cache.refresh(),
    async logout() {
      const held = cache.current;
      try {
        if (held !== undefined && spec.end) await spec.end(held);
      } finally {
        cache.clear();
      }
    },
  };
}
