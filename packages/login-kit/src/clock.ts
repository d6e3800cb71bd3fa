import type { Clock } from '@loginspec/client-kit';

export { type Clock, systemClock } from '@loginspec/client-kit';

/** A clock that only moves when told to: for tests of expiring tokens and attempt windows. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
