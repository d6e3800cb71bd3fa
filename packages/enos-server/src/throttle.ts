import { AttemptLimiter, type Clock } from '@loginspec/login-kit';
import { findOperation, type OpenApiDocument } from '@loginspec/openapi-runtime';

/** The attempt limit as the description states it in `x-attempt-limit`. */
export interface AttemptLimitSettings {
  perAccount: number;
  perClientAddress: number;
  windowSeconds: number;
}

export function documentedAttemptLimit(doc: OpenApiDocument): AttemptLimitSettings {
  const limit = findOperation(doc, 'login').operation['x-attempt-limit'] as AttemptLimitSettings | undefined;
  if (!limit) throw new Error('the enos description has no x-attempt-limit on login');
  return limit;
}

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
