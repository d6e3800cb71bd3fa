import type { AttemptCounter, ExpiringStore, SessionSlots, Stores } from '../stores/ports.js';
import { type Faults, InjectedFault } from './faults.js';

/** Stores that a harness can empty between scenarios, and make fail. */
export interface ControlledStores extends Stores {
  /** Forgets everything every store holds: each store starts again empty, as on a fresh server. */
  reset(): void;
  /** Forgets every attempt count only (login failures, request rates): sessions, tokens and codes stay. */
  resetAttempts(): void;
  /** The names the server created its stores with, for `full` faults. */
  readonly names: readonly string[];
}

/** Calls `method` of whatever `current()` is now, failing first when an `error` fault is armed. */
function delegate<T extends object>(current: () => T, faults: Faults, guard: Partial<Record<keyof T, () => unknown>> = {}): T {
  return new Proxy({} as T, {
    get(_, property) {
      // Only the store's own methods: the stand-in is no thenable, whatever the store is.
      if (typeof current()[property as keyof T] !== 'function') return undefined;
      return (...args: unknown[]) => {
        if (faults.take('error')) return Promise.reject(new InjectedFault(`injected fault: a store failed (${String(property)})`));
        const early = guard[property as keyof T]?.();
        if (early !== undefined) return Promise.resolve(early);
        const target = current();
        return (target[property as keyof T] as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * Wraps the stores `make` builds (fresh ones on each `reset`): every store
 * a server creates is a stand-in that calls the current generation's store
 * of the same name and options, so that a reset needs no new server (and
 * no new hashing of demo passwords).
 */
export function controlledStores(make: () => Stores, faults: Faults): ControlledStores {
  let stores = make();
  const created: { name: string; attempts: boolean; refresh: () => void }[] = [];
  const track = <T>(name: string, build: () => T, attempts = false): (() => T) => {
    let store = build();
    created.push({ name, attempts, refresh: () => (store = build()) });
    return () => store;
  };
  return {
    get names() {
      return created.map((c) => c.name);
    },
    reset() {
      stores = make();
      for (const c of created) c.refresh();
      faults.clear();
    },
    resetAttempts() {
      for (const c of created) if (c.attempts) c.refresh();
    },
    expiring<V>(name: string, options?: { capacity?: number }): ExpiringStore<V> {
      const current = track(name, () => stores.expiring<V>(name, options));
      return delegate(current, faults, { set: () => (faults.take('full', name) ? false : undefined) });
    },
    attempts(name: string, options?: { capacity?: number }): AttemptCounter {
      return delegate(
        track(name, () => stores.attempts(name, options), true),
        faults,
      );
    },
    sessionSlots(name: string): SessionSlots {
      return delegate(
        track(name, () => stores.sessionSlots(name)),
        faults,
      );
    },
  };
}
