import { type Clock, createCredentialCache, type Grant, systemClock } from '@loginspec/client-kit';
import type { AktionClient, AktionToken } from './client.js';

export interface AktionCredentials {
  userLogin: string;
  apiKey: string;
}

export interface TokenSourceOptions {
  clock?: Clock;
  /** Log in again when the current token expires within this many milliseconds. */
  refreshBeforeMs?: number;
}

/**
 * A login whose token is dated by `ExpireInSec` counted on this clock from
 * the moment the login left, not by `ExpireDate`: a server clock ahead of
 * ours must not make a dead token look alive.
 */
export function aktionLogin(client: Pick<AktionClient, 'login'>, { userLogin, apiKey }: AktionCredentials, clock: Clock) {
  return async (): Promise<Grant<AktionToken>> => {
    const sentAt = clock.now();
    const token = await client.login(userLogin, apiKey);
    return { value: token, expiresAt: sentAt + token.expireInSec * 1000 };
  };
}

/**
 * Keeps a token fresh: 20-second tokens expire between requests, so every
 * request asks `getToken()`, which logs in again only when the current token
 * is about to expire. Concurrent callers share one login; a failed login
 * reaches each of them and the next call tries again. `createAktionAuth`
 * does the same and also sends the token.
 *
 *     const tokens = createTokenSource(aktion, { userLogin, apiKey });
 *     const token = await tokens.getToken();
 */
export function createTokenSource(client: Pick<AktionClient, 'login'>, credentials: AktionCredentials, { clock = systemClock, refreshBeforeMs = 2000 }: TokenSourceOptions = {}) {
  const cache = createCredentialCache({ login: aktionLogin(client, credentials, clock), renewBeforeMs: refreshBeforeMs, clock });
  return {
    async getToken(): Promise<string> {
      return (await cache.get()).token;
    },
  };
}

export type TokenSource = ReturnType<typeof createTokenSource>;
