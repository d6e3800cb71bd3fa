/**
 * What a test harness can make a reference server's collaborators do, so
 * that the answers a healthy server never gives (its 500, its 503s) can be
 * seen over HTTP:
 * - `error`: the next store calls throw, as a store that is down would;
 * - `busy`: the next password hashes are refused, as by a full pool;
 * - `full`: the next `set`s of the named expiring store find no room.
 */
export type FaultKind = 'error' | 'busy' | 'full';

export interface FaultRequest {
  kind: FaultKind;
  /** How many calls fail (1 by default). */
  count?: number;
  /** For `full`: the store, by the name the server created it with (`xelion:sessions`). */
  store?: string;
}

interface Armed {
  kind: FaultKind;
  store?: string;
  left: number;
}

/** The faults armed for one server; each failing call uses one up. */
export class Faults {
  #armed: Armed[] = [];

  arm({ kind, count = 1, store }: FaultRequest): void {
    if (!Number.isInteger(count) || count < 1 || count > 1000) throw new RangeError('a fault fails between 1 and 1000 calls');
    if (kind === 'full' && store === undefined) throw new RangeError('a full fault names its store');
    this.#armed.push({ kind, store, left: count });
  }

  /** Whether this call fails with `kind`; answering yes uses one up. */
  take(kind: FaultKind, store?: string): boolean {
    const armed = this.#armed.find((a) => a.kind === kind && (a.store === undefined || a.store === store));
    if (!armed) return false;
    if (--armed.left === 0) this.#armed.splice(this.#armed.indexOf(armed), 1);
    return true;
  }

  clear(): void {
    this.#armed = [];
  }
}

/** The error an `error` fault throws: what a store that is down would. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}
