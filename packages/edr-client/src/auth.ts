import { type Auth, type AuthOptions, createAuth, systemClock } from '@loginspec/client-kit';
import { type AccessTokenClaims, accessTokenClaims, mintAppJwt } from './app-jwt.js';
import type { EdrClient, User } from './client.js';
import description from './generated/openapi.json' with { type: 'json' };

export interface EdrCredentials {
  username: string;
  password: string;
  /**
   * The app's JWT for each login: the app's id and secret (a fresh JWT is
   * minted with `mintAppJwt` for every login), or a function answering one.
   */
  app: { appId: string; secret: string; lifetimeSeconds?: number } | (() => Promise<string>);
}

/** The session the auth layer holds: the access token, its claims and the user. */
export interface EdrSession {
  accessToken: string;
  claims: AccessTokenClaims;
  user: User;
}

/**
 * The auth layer of an EDR client: logs in on the first call that needs the
 * access token, with a freshly minted app JWT, sends the token as
 * `Authorization: Bearer`, and logs in again (a new app JWT) a minute before
 * the token's `exp`, or after a 401. EDR has no refresh and no logout.
 * Installed on `client.api`.
 *
 * @example
 * const edr = createEdrClient({ baseUrl: 'http://localhost:4010/edr' });
 * const app = { appId: 'edr-demo-app', secret: 'edr-demo-app-secret-published-for-trying-only' };
 * const auth = createEdrAuth(edr, { username: 'rrath', password: 'rrath-demo-password', app });
 * const { sub } = await edr.checkToken(); // no token passed: the auth layer's
 */
export function createEdrAuth(client: EdrClient, { username, password, app }: EdrCredentials, options: AuthOptions = {}): Auth<EdrSession> {
  const { renewBeforeMs = 60_000, clock = systemClock } = options;
  const appJwt = typeof app === 'function' ? app : () => mintAppJwt({ ...app, clock });
  return createAuth({
    client: client.api,
    description,
    async login() {
      const jwt = await appJwt();
      const sentAt = clock.now();
      const { accessToken, user } = await client.login({ username, password, jwt });
      const claims = accessTokenClaims(accessToken);
      // The token's lifetime (exp - iat) counted on this clock from the login: a server clock ahead must not make a dead token look alive.
      return { value: { accessToken, claims, user }, expiresAt: sentAt + (claims.exp - claims.iat) * 1000 };
    },
    credential: (session) => session.accessToken,
    renewBeforeMs,
    clock,
  });
}
