import { AttemptLimiter, type Clock } from '@loginspec/login-kit';
import { enos } from './description.js';

/** The attempt limit as the description states it in `x-attempt-limit`. */
export interface AttemptLimitSettings {
  perAccount: number;
  perClientAddress: number;
  windowSeconds: number;
}

export const documentedAttemptLimit = (): AttemptLimitSettings => enos.extension<AttemptLimitSettings>('x-attempt-limit', 'login');

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Failed logins counted per account and per client address (31429). */
export class LoginThrottle {
  readonly #accounts: AttemptLimiter;
  readonly #addresses: AttemptLimiter;

  constructor(clock: Clock, limit: AttemptLimitSettings) {
    const windowMs = limit.windowSeconds * 1000;
    this.#accounts = new AttemptLimiter(clock, { maxFailures: limit.perAccount, windowMs });
    this.#addresses = new AttemptLimiter(clock, { maxFailures: limit.perClientAddress, windowMs });
  }

  check(account: string, address: string): ThrottleVerdict {
    const waits = [this.#accounts.check(account), this.#addresses.check(address)].flatMap((v) => (v.allowed ? [] : [v.retryAfterMs]));
    return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }

  recordFailure(account: string, address: string): void {
    this.#accounts.recordFailure(account);
    this.#addresses.recordFailure(address);
  }

  /** A good password clears the account's failures; the address keeps its count, so one known account cannot launder guesses at others. */
  recordSuccess(account: string): void {
    this.#accounts.reset(account);
  }
}
