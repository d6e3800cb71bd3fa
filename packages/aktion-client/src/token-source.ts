import type { AktionClient } from './client.js';
import { type Clock, systemClock } from '@loginspec/client-kit';

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
 * Keeps a token fresh: 20-second tokens expire between requests, so every
 * request asks `getToken()`, which logs in again only when the current token
 * is about to expire. Concurrent callers share one login; a failed login
 * reaches each of them and the next call tries again.
 *
 *     const tokens = createTokenSource(aktion, { userLogin, apiKey });
 *     const token = await tokens.getToken();
 */
export function createTokenSource(
  client: Pick<AktionClient, 'login'>,
  { userLogin, apiKey }: AktionCredentials,
  { clock = systemClock, refreshBeforeMs = 2000 }: TokenSourceOptions = {},
) {
  let current: { token: string; validUntil: number } | undefined;
  let pending: Promise<string> | undefined;

  async function login(): Promise<string> {
    // ExpireInSec counted on this clock from the moment the login left, not
    // ExpireDate: a server clock ahead of ours must not make a dead token look alive.
    const sentAt = clock.now();
    const { token, expireInSec } = await client.login(userLogin, apiKey);
    current = { token, validUntil: sentAt + expireInSec * 1000 };
    return token;
  }

  return {
    getToken(): Promise<string> {
      if (current && current.validUntil - clock.now() > refreshBeforeMs) return Promise.resolve(current.token);
      pending ??= login().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

export type TokenSource = ReturnType<typeof createTokenSource>;
