import type { Clock } from '../clock.js';

/**
 * A clock a test harness can stop and move: it follows the system's time
 * until frozen, so that a server people use still tells the time, and a
 * conformance run can make 20-second tokens expire without waiting; a run
 * that is done puts it back on the system's time.
 */
export class ControlledClock implements Clock {
  #offset = 0;
  #frozenAt: number | undefined;

  now(): number {
    return this.#frozenAt ?? Date.now() + this.#offset;
  }

  get frozen(): boolean {
    return this.#frozenAt !== undefined;
  }

  /** Stops the clock where it is. */
  freeze(): void {
    this.#frozenAt ??= this.now();
  }

  /** Moves the clock forward (never back: expiry indexes and windows assume time only grows). */
  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError('the clock only moves forward');
    if (this.#frozenAt === undefined) this.#offset += ms;
    else this.#frozenAt += ms;
  }

  /** Lets the clock run again from where it stands. */
  thaw(): void {
    if (this.#frozenAt === undefined) return;
    this.#offset = this.#frozenAt - Date.now();
    this.#frozenAt = undefined;
  }

  /**
   * Puts the clock back on the system's time, running: the one move back,
   * for a test run that is done. What the servers keep from the time it was
   * ahead (a session opened then) lives that much longer: empty their
   * stores too.
   */
  reset(): void {
    this.#offset = 0;
    this.#frozenAt = undefined;
  }
}
