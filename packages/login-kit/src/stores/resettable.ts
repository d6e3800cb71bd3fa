import type { AttemptCounter, Stores } from './ports.js';

/** Stores whose attempt counters can all be emptied at once, every other store left as it is. */
export interface ResettableStores extends Stores {
  /** Every attempt counter made so far starts again empty (login failures, request rates); sessions and tokens stay. */
  resetAttempts(): void;
}

/**
 * Wraps `stores` so that `resetAttempts` empties every attempt counter the
 * servers made, without new servers: each counter is a stand-in for one
 * that `stores` makes again on reset. For stores that make a new, empty
 * counter on each call (the in-memory ones); a shared store (Redis) keeps
 * its counts elsewhere and needs its own reset.
 */
export function withResettableAttempts(stores: Stores): ResettableStores {
  const remakes: (() => void)[] = [];
  return {
    expiring: (name, options) => stores.expiring(name, options),
    sessionSlots: (name) => stores.sessionSlots(name),
    attempts(name, options): AttemptCounter {
      let counter = stores.attempts(name, options);
      remakes.push(() => (counter = stores.attempts(name, options)));
      return {
        reserve: (limits) => counter.reserve(limits),
        release: (reservation) => counter.release(reservation),
        clear: (keys) => counter.clear(keys),
      };
    },
    resetAttempts() {
      for (const remake of remakes) remake();
    },
  };
}
