import { type Auth, type AuthOptions, createAuth, type Grant, operationNumber, systemClock } from '@loginspec/client-kit';
import type { Credentials, EosClient, LoginResponse } from './client.js';
import description from './generated/openapi.json' with { type: 'json' };

/** The session the auth layer holds: Login's answer and the `sessionId` it was made on. */
export type EosSession = LoginResponse & { sessionId: string };

/** How long a login keeps its session (`x-session-lifetime-seconds`, 30 minutes), counted on the client's clock. */
const SESSION_MS = (operationNumber(description, 'post', '/client/login', 'x-session-lifetime-seconds') ?? 1800) * 1000;

/**
 * The auth layer of an EOS client. EOS's credential is its session: Hello
 * issues it, Login logs it in for 30 minutes. The layer signs in on the
 * first `token()`, logs in again on the same session (the page's "relogin")
 * a minute before `expireTime`, and starts a new session with Hello when the
 * server no longer knows it (`2-1`). `token()` answers the `sessionId`.
 * The description has no operation that takes the session yet, so its
 * middleware adds no header; it is there for the same shape as the others.
 *
 * @example
 * const eos = createEosClient({ baseUrl: 'http://localhost:4010/eos' });
 * const auth = createEosAuth(eos, { domain: 'customers', loginName: 'foobat', password: 'anypwd' });
 * const sessionId = await auth.token();
 */
export function createEosAuth(client: EosClient, credentials: Credentials, options: AuthOptions = {}): Auth<EosSession> {
  const { renewBeforeMs = 60_000, clock = systemClock } = options;
  // The earlier of the server's expireTime and the lifetime on this clock: a server clock ahead must not make a dead session look alive.
  const grant = (session: EosSession, sentAt: number): Grant<EosSession> => ({ value: session, expiresAt: Math.min(session.expireTime, sentAt + SESSION_MS) });

  return createAuth({
    client: client.api,
    description,
    async login() {
      const sentAt = clock.now();
      return grant(await client.signIn(credentials), sentAt);
    },
    async renew(held) {
      const sentAt = clock.now();
      return grant({ ...(await client.login({ ...credentials, sessionId: held.sessionId })), sessionId: held.sessionId }, sentAt);
    },
    credential: (session) => session.sessionId,
    renewBeforeMs,
    clock,
  });
}
