import { ApiError } from '../api-error.js';
import { type Clock, systemClock } from '../clock.js';

/** A credential and when it stops working (milliseconds since the Unix epoch on the client's clock; undefined: not known, kept until refused). */
export interface Grant<T> {
  value: T;
  expiresAt?: number;
}

export interface CredentialCacheOptions<T> {
  /** Obtains a new credential: a login. Without it, only what `set` holds is used. */
  login?: () => Promise<Grant<T>>;
  /** Renews the one held (a refresh token, a renew operation); a refusal of the renewal falls back to `login`. */
  renew?: (held: T) => Promise<Grant<T>>;
  /** Renew when the credential expires within this many milliseconds. */
  renewBeforeMs?: number;
  clock?: Clock;
}

/** There is no credential to send, and no way to obtain one. */
export class NoCredentialError extends Error {
  override readonly name = 'NoCredentialError';
}

/**
 * Holds one credential for a client: logs in when it has none, renews it
 * when it is about to expire or has been refused, and shares one login or
 * renewal between every caller that needs it at once. A failed login
 * reaches each waiting caller; the next call tries again.
 */
export interface CredentialCache<T> {
  /** The credential held, expired or not. */
  readonly current: T | undefined;
  /** Whether `get` can answer: a credential is held, or a login is possible. */
  readonly canObtain: boolean;
  /** A live credential: the one held, or a new one when it expires within `renewBeforeMs`. */
  get(): Promise<T>;
  /** Renews now (or logs in, holding none). */
  refresh(): Promise<T>;
  /** After the server refused `stale`: a better credential, or undefined when none can be had. */
  refused(stale: T): Promise<T | undefined>;
  /** Holds a credential obtained elsewhere (a login the caller made). */
  set(grant: Grant<T>): void;
  /** Forgets the credential; a login or renewal under way is not kept. */
  clear(): void;
  /** Gives the cache a way to log in (for a client that holds sessions before it has credentials). */
  setLogin(login: () => Promise<Grant<T>>): void;
}

export function createCredentialCache<T>(options: CredentialCacheOptions<T>): CredentialCache<T> {
  const { renew, renewBeforeMs = 0, clock = systemClock } = options;
  let { login } = options;
  let held: Grant<T> | undefined;
  let pending: Promise<T> | undefined;
  // Bumped by set and clear: a renewal that ends after them is not kept.
  let generation = 0;

  const fresh = (grant: Grant<T>) => grant.expiresAt === undefined || grant.expiresAt - clock.now() > renewBeforeMs;

  async function obtain(): Promise<Grant<T>> {
    if (held && renew) {
      try {
        return await renew(held.value);
      } catch (error) {
        // A refused renewal (an expired refresh token, an ended session) leaves a login; anything else is raised.
        if (!login || !(error instanceof ApiError)) throw error;
      }
    }
    if (!login) throw new NoCredentialError('no credential: log in first');
    return login();
  }

  function refresh(): Promise<T> {
    pending ??= (async () => {
      const started = generation;
      const grant = await obtain();
      if (started === generation) held = grant;
      return grant.value;
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    get current() {
      return held?.value;
    },
    get canObtain() {
      return held !== undefined || login !== undefined;
    },
    get() {
      if (pending) return pending;
      return held && fresh(held) ? Promise.resolve(held.value) : refresh();
    },
    refresh,
    async refused(stale) {
      if (pending) return pending;
      // Another call has renewed it already, or it was cleared meanwhile.
      if (held?.value !== stale) return held?.value;
      try {
        return await refresh();
      } catch (error) {
        if (error instanceof NoCredentialError) return undefined;
        throw error;
      }
    },
    set(grant) {
      generation++;
      held = grant;
    },
    clear() {
      generation++;
      held = undefined;
    },
    setLogin(next) {
      login = next;
    },
  };
}
