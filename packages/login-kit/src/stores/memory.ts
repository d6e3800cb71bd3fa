import type { Clock } from '../clock.js';
import { ExpiringMap } from './expiring-map.js';
import type { AttemptCounter, CountedLimit, ExpiringStore, Reservation, SessionSlots, Stores } from './ports.js';

class MemoryExpiringStore<V> implements ExpiringStore<V> {
  readonly #map: ExpiringMap<V>;

  constructor(
    clock: Clock,
    readonly capacity: number,
  ) {
    this.#map = new ExpiringMap(clock);
  }

  async get(key: string): Promise<V | undefined> {
    return this.#map.get(key);
  }

  async set(key: string, value: V, expiresAt: number): Promise<boolean> {
    if (this.#map.get(key) === undefined && this.#map.size >= this.capacity) return false;
    if (expiresAt > this.#map.clock.now()) this.#map.set(key, value, expiresAt);
    else this.#map.delete(key);
    return true;
  }

  async extend(key: string, expiresAt: number): Promise<boolean> {
    const value = this.#map.get(key);
    if (value === undefined) return false;
    this.#map.set(key, value, expiresAt);
    return true;
  }

  async take(key: string): Promise<V | undefined> {
    const value = this.#map.get(key);
    if (value !== undefined) this.#map.delete(key);
    return value;
  }

  async delete(key: string): Promise<boolean> {
    return this.#map.get(key) !== undefined && this.#map.delete(key);
  }
}

interface Attempt {
  id: string;
  at: number;
}

/** A key's attempts inside its window, oldest first. */
interface Counted {
  windowMs: number;
  attempts: Attempt[];
}

class MemoryAttemptCounter implements AttemptCounter {
  /** A key lives as long as the window of its newest attempt. */
  readonly #counted: ExpiringMap<Counted>;
  #next = 0;

  constructor(
    readonly clock: Clock,
    readonly capacity: number,
  ) {
    this.#counted = new ExpiringMap(clock);
  }

  async reserve(limits: readonly CountedLimit[]): Promise<Reservation> {
    const now = this.clock.now();
    let retryAfterMs = 0;
    let newKeys = 0;
    const recent = limits.map((limit) => {
      const attempts = (this.#counted.get(limit.key)?.attempts ?? []).filter((a) => a.at > now - limit.windowMs);
      if (attempts.length === 0) newKeys++;
      if (attempts.length >= limit.max) {
        // The place that frees first is the oldest of the newest `max` attempts.
        const oldest = attempts[attempts.length - limit.max] as Attempt;
        retryAfterMs = Math.max(retryAfterMs, oldest.at + limit.windowMs - now);
      }
      return attempts;
    });
    if (retryAfterMs > 0) return { granted: false, retryAfterMs };
    if (newKeys > 0 && this.#counted.size + newKeys > this.capacity) {
      return { granted: false, retryAfterMs: Math.max(...limits.map((l) => l.windowMs)) };
    }
    const id = String(this.#next++);
    limits.forEach((limit, i) => {
      // Only the newest `max` attempts can ever matter: memory per key stays bounded.
      const attempts = [...(recent[i] as Attempt[]), { id, at: now }].slice(-limit.max);
      this.#counted.set(limit.key, { windowMs: limit.windowMs, attempts }, now + limit.windowMs);
    });
    return { granted: true, id, keys: limits.map((l) => l.key) };
  }

  async release(reservation: Reservation & { granted: true }): Promise<void> {
    for (const key of reservation.keys) {
      const counted = this.#counted.get(key);
      if (!counted) continue;
      const attempts = counted.attempts.filter((a) => a.id !== reservation.id);
      const newest = attempts.at(-1);
      if (newest) this.#counted.set(key, { ...counted, attempts }, newest.at + counted.windowMs);
      else this.#counted.delete(key);
    }
  }

  async clear(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#counted.delete(key);
  }
}

class MemorySessionSlots implements SessionSlots {
  readonly #slots: ExpiringMap<string>;

  constructor(clock: Clock) {
    this.#slots = new ExpiringMap(clock);
  }

  async get(key: string): Promise<string | undefined> {
    return this.#slots.get(key);
  }

  async claim(key: string, id: string, expiresAt: number): Promise<{ claimed: true } | { claimed: false; holder: string }> {
    const holder = this.#slots.get(key);
    if (holder !== undefined) return { claimed: false, holder };
    this.#slots.set(key, id, expiresAt);
    return { claimed: true };
  }

  async replace(key: string, current: string, next: string, expiresAt: number): Promise<boolean> {
    if (this.#slots.get(key) !== current) return false;
    this.#slots.set(key, next, expiresAt);
    return true;
  }

  async release(key: string, id: string): Promise<boolean> {
    return this.#slots.get(key) === id && this.#slots.delete(key);
  }
}

/**
 * The in-memory adapters, on the server's clock: the default, for one
 * process. Each method runs to completion without awaiting anything, so it
 * is one atomic step.
 */
export function memoryStores(clock: Clock): Stores {
  return {
    expiring: <V>(_name: string, { capacity = 10_000 } = {}) => new MemoryExpiringStore<V>(clock, capacity),
    attempts: (_name, { capacity = 100_000 } = {}) => new MemoryAttemptCounter(clock, capacity),
    sessionSlots: () => new MemorySessionSlots(clock),
  };
}
