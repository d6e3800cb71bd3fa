/**
 * A bound on password hashing. scrypt at OWASP's cost takes 128 MiB and a
 * thread of libuv's pool (4 threads, shared with file reads) for about 0.3 s:
 * unbounded, 64 parallel logins take 8 GiB of address space and starve the
 * docs of threads. The pool runs `concurrency` hashes at once, lets `queue`
 * more wait their turn for at most `maxWaitMs`, and refuses the rest at once
 * with `HashingBusyError`, which each API answers as its documented 503. A
 * hash whose turn would not come within `maxWaitMs` at the pace of recent
 * hashes is refused at once too, rather than after waiting in vain.
 *
 * @module
 */

export interface HashingLimits {
  /** Hashes at once (2 by default: two of libuv's four threads stay free for file reads). */
  concurrency?: number;
  /** Hashes waiting their turn (32 by default); one more is refused at once. */
  queue?: number;
  /** How long a hash may wait for its turn (10 s by default) before it is refused. */
  maxWaitMs?: number;
  /** Milliseconds on a monotonic clock, to time hashes (`performance.now` by default). */
  now?: () => number;
}

/** The pool is full: try again after `retryAfterSeconds`. */
export class HashingBusyError extends Error {
  override readonly name = 'HashingBusyError';

  constructor(readonly retryAfterSeconds: number) {
    super(`password hashing is at capacity; retry after ${retryAfterSeconds} s`);
  }
}

interface Waiting {
  start: () => void;
  timer: ReturnType<typeof setTimeout>;
}

export class HashingPool {
  readonly concurrency: number;
  readonly queueLimit: number;
  readonly maxWaitMs: number;
  #running = 0;
  readonly #waiting: Waiting[] = [];
  readonly #now: () => number;
  /** How long hashes lately took: a moving average, unknown until one has finished (the decoy, at start). */
  #meanMs: number | undefined;

  constructor({ concurrency = 2, queue = 32, maxWaitMs = 10_000, now = () => performance.now() }: HashingLimits = {}) {
    if (!(concurrency >= 1 && queue >= 0 && maxWaitMs > 0)) throw new RangeError('hashing needs a concurrency of at least 1, a queue of 0 or more, and a positive wait');
    this.concurrency = concurrency;
    this.queueLimit = queue;
    this.maxWaitMs = maxWaitMs;
    this.#now = now;
  }

  /** Hashes running and waiting, for monitoring. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  /** Runs `task` when a place is free, or refuses at once (queue full) or after `maxWaitMs` (no turn came). */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.concurrency) return this.#start(task);
    if (this.#waiting.length >= this.queueLimit || this.#expectedWaitMs(this.#waiting.length + 1) > this.maxWaitMs) {
      return Promise.reject(new HashingBusyError(this.#retryAfterSeconds()));
    }
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        start: () => {
          clearTimeout(waiting.timer);
          this.#start(task).then(resolve, reject);
        },
        timer: setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(waiting), 1);
          reject(new HashingBusyError(this.#retryAfterSeconds()));
        }, this.maxWaitMs),
      };
      this.#waiting.push(waiting);
    });
  }

  async #start<T>(task: () => Promise<T>): Promise<T> {
    this.#running++;
    const started = this.#now();
    try {
      return await task();
    } finally {
      const took = this.#now() - started;
      this.#meanMs = this.#meanMs === undefined ? took : this.#meanMs + (took - this.#meanMs) * 0.2;
      this.#running--;
      this.#waiting.shift()?.start();
    }
  }

  /**
   * How long the `n`-th waiter would wait: `n` hashes must end first, and
   * `concurrency` end in the time one takes. 0 while no hash has been timed.
   */
  #expectedWaitMs(n: number): number {
    return this.#meanMs === undefined ? 0 : (n / this.concurrency) * this.#meanMs;
  }

  /** Long enough for the queue to drain: its longest permitted wait. */
  #retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.maxWaitMs / 1000));
  }
}
