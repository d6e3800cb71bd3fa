import type { Clock } from './clock.js';

/**
 * An in-memory map whose entries expire at a deadline of the injected clock.
 * Expired entries are never returned and are swept as new ones arrive, so
 * memory stays bounded by what is live.
 */
export class ExpiringStore<V> {
  readonly #clock: Clock;
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Stores `value` until `ttlMs` from now and returns the expiry time (epoch ms). */
  set(key: string, value: V, ttlMs: number): number {
    this.#sweep();
    const expiresAt = this.#clock.now() + ttlMs;
    this.#entries.set(key, { value, expiresAt });
    return expiresAt;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  delete(key: string): boolean {
    return this.#entries.delete(key);
  }

  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  #sweep(): void {
    const now = this.#clock.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
