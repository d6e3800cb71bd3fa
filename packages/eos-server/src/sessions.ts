import { randomUUID } from 'node:crypto';
import type { Clock, ExpiringStore } from '@loginspec/login-kit';

export interface SessionLifetimes {
  /** How long a session Hello issued lives while no login has succeeded on it. */
  helloMs: number;
  /** How long a session lives after each successful login. */
  loginMs: number;
}

/**
 * The sessions Hello issues, in an expiring store on the server's clock. A
 * session expires `helloMs` after Hello; each successful login moves its
 * expiry to `loginMs` after that login; a failed login leaves it alone. Demo
 * session ids live for ever, and each login on one still answers a fresh
 * expiry.
 */
export class Sessions {
  readonly #demo: ReadonlySet<string>;

  constructor(
    readonly store: ExpiringStore<true>,
    readonly clock: Clock,
    readonly lifetimes: SessionLifetimes,
    demoSessionIds: Iterable<string> = [],
  ) {
    this.#demo = new Set(demoSessionIds);
  }

  /**
   * A new session with an unguessable id (a CSPRNG UUID): a session id is all
   * Login asks for besides the credentials. Undefined when the store holds as
   * many sessions as it may.
   */
  async open(): Promise<{ sessionId: string; expireTime: number } | undefined> {
    const sessionId = randomUUID();
    const expireTime = this.clock.now() + this.lifetimes.helloMs;
    return (await this.store.set(sessionId, true, expireTime)) ? { sessionId, expireTime } : undefined;
  }

  async isLive(sessionId: string): Promise<boolean> {
    return this.#demo.has(sessionId) || (await this.store.get(sessionId)) !== undefined;
  }

  /**
   * Records a successful login and answers the session's new expiry, or
   * undefined if it expired meanwhile (the password check takes time): the
   * store extends only a live session, so a login never revives a dead one.
   */
  async loggedIn(sessionId: string): Promise<number | undefined> {
    const expireTime = this.clock.now() + this.lifetimes.loginMs;
    if (this.#demo.has(sessionId)) return expireTime;
    return (await this.store.extend(sessionId, expireTime)) ? expireTime : undefined;
  }
}
