import type { AktionToken } from './client.js';

export interface TokenSourceOptions {
  /** Fetch a new token when the current one has less than this left. */
  refreshBeforeMs?: number;
  now?: () => number;
}

/**
 * Keeps a token fresh: 20-second tokens expire between requests, so every
 * request asks `getToken()`, which logs in again only when the current token
 * is about to expire. Concurrent callers share one login.
 */
export function createTokenSource(login: () => Promise<AktionToken>, { refreshBeforeMs = 2000, now = () => Date.now() }: TokenSourceOptions = {}) {
  let current: AktionToken | undefined;
  let pending: Promise<AktionToken> | undefined;

  return {
    async getToken(): Promise<string> {
      if (current && current.expiresAt.getTime() - now() > refreshBeforeMs) return current.token;
      pending ??= login()
        .then((token) => (current = token))
        .finally(() => {
          pending = undefined;
        });
      return (await pending).token;
    },
  };
}
