import { randomUUID } from 'node:crypto';
import { type Clock, ExpiringStore } from '@loginspec/login-kit';

export interface SessionLifetimes {
  /** How long a session Hello issued lives while no login has succeeded on it. */
  helloMs: number;
  /** How long a session lives after each successful login. */
  loginMs: number;
}

/**
 * The sessions Hello issues, on the injected clock. A session expires
 * `helloMs` after Hello; each successful login moves its expiry to `loginMs`
 * after that login; a failed login leaves it alone. Demo session ids live
 * for ever, and each login on one still answers a fresh expiry.
 */
export class Sessions {
  readonly #clock: Clock;
  readonly #lifetimes: SessionLifetimes;
  readonly #store: ExpiringStore<true>;
  readonly #demo: ReadonlySet<string>;

  constructor(clock: Clock, lifetimes: SessionLifetimes, demoSessionIds: Iterable<string> = []) {
    this.#clock = clock;
    this.#lifetimes = lifetimes;
    this.#store = new ExpiringStore(clock);
    this.#demo = new Set(demoSessionIds);
  }

  /** A new session with an unguessable id (a CSPRNG UUID): a session id is all Login asks for besides the credentials. */
  open(): { sessionId: string; expireTime: number } {
    const sessionId = randomUUID();
    return { sessionId, expireTime: this.#store.set(sessionId, true, this.#lifetimes.helloMs) };
  }

  isLive(sessionId: string): boolean {
    return this.#demo.has(sessionId) || this.#store.get(sessionId) !== undefined;
  }

  /**
   * Records a successful login and answers the session's new expiry, or
   * undefined if it expired meanwhile (the password check takes time), so
   * that a login never revives a dead session.
   */
  loggedIn(sessionId: string): number | undefined {
    if (!this.isLive(sessionId)) return undefined;
    if (this.#demo.has(sessionId)) return this.#clock.now() + this.#lifetimes.loginMs;
    return this.#store.set(sessionId, true, this.#lifetimes.loginMs);
  }
}
