import type { Clock } from '../clock.js';
import { ExpiryIndex } from './expiry-index.js';

/**
 * Live entries by key, each dropped when its second has passed (see
 * ExpiryIndex): memory follows what is live.
 *
 * A key has one item in the index, not one per write: a key written again and
 * again (every login writes its account's known address, which lives 30 days)
 * would otherwise leave an item per write until that write's expiry, 100,000
 * logins 100,000 items. A write that moves the expiry later adds nothing; when
 * the key's item comes due and the entry still lives, the key is indexed again
 * at its expiry then. Only a write that moves it earlier adds an item, and
 * the later one it supersedes is skipped when it comes due.
 */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly #index = new ExpiryIndex();
  /** The second of each key's item in the index, kept after a delete until the item comes due (so that a key set again is not indexed twice). */
  readonly #indexed = new Map<string, number>();

  constructor(readonly clock: Clock) {}

  get size(): number {
    this.#purge();
    return this.#entries.size;
  }

  /** Items in the expiry index: at most one per key written within its lifetime, whatever the number of writes. */
  get indexed(): number {
    return this.#index.size;
  }

  get(key: string): V | undefined {
    this.#purge();
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.clock.now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, expiresAt: number): void {
    this.#entries.set(key, { value, expiresAt });
    const second = Math.ceil(expiresAt / 1000);
    const pending = this.#indexed.get(key);
    if (pending === undefined || second < pending) {
      this.#index.add(key, expiresAt);
      this.#indexed.set(key, second);
    }
  }

  delete(key: string): boolean {
    return this.#entries.delete(key);
  }

  #purge(): void {
    const now = this.clock.now();
    const current = Math.floor(now / 1000);
    for (const key of this.#index.expired(now)) {
      const pending = this.#indexed.get(key);
      // Superseded by an earlier item for the same key, which was handled when it came due.
      if (pending === undefined || pending > current) continue;
      this.#indexed.delete(key);
      const entry = this.#entries.get(key);
      if (!entry) continue;
      if (entry.expiresAt <= now) this.#entries.delete(key);
      else this.set(key, entry.value, entry.expiresAt);
    }
  }
}
