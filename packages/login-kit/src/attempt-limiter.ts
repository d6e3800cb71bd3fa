import type { Clock } from './clock.js';

export interface AttemptLimit {
  /** Failures allowed inside the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

const SWEEP_THRESHOLD = 10_000;

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts failed attempts per key (an account, a client address) in a sliding
 * window. Keys are opaque so one limiter serves any kind of subject.
 */
export class AttemptLimiter {
  readonly #clock: Clock;
  readonly #limit: AttemptLimit;
  readonly #failures = new Map<string, number[]>();

  constructor(clock: Clock, limit: AttemptLimit) {
    this.#clock = clock;
    this.#limit = limit;
  }

  check(key: string): AttemptVerdict {
    const recent = this.#recent(key);
    if (recent.length < this.#limit.maxFailures) return { allowed: true };
    const oldest = recent[recent.length - this.#limit.maxFailures] as number;
    return { allowed: false, retryAfterMs: oldest + this.#limit.windowMs - this.#clock.now() };
  }

  recordFailure(key: string): void {
    // Many distinct keys (an attacker cycling account names) must not grow memory without end.
    if (this.#failures.size >= SWEEP_THRESHOLD) this.#sweep();
    const recent = this.#recent(key);
    recent.push(this.#clock.now());
    // Only the newest maxFailures matter for the verdict: keep memory per key bounded.
    this.#failures.set(key, recent.slice(-this.#limit.maxFailures));
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #sweep(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
  }

  #recent(key: string): number[] {
    const since = this.#clock.now() - this.#limit.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }
}
