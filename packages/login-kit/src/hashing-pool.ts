/**
 * A bound on password hashing. scrypt at OWASP's cost takes 128 MiB and a
 * thread of libuv's pool (4 threads, shared with file reads) for about 0.3 s:
 * unbounded, 64 parallel logins take 8 GiB of address space and starve the
 * docs of threads. The pool runs `concurrency` hashes at once, lets `queue`
 * more wait their turn for at most `maxWaitMs`, and refuses the rest at once
 * with `HashingBusyError`, which each API answers as its documented 503.
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

  constructor({ concurrency = 2, queue = 32, maxWaitMs = 10_000 }: HashingLimits = {}) {
    if (!(concurrency >= 1 && queue >= 0 && maxWaitMs > 0)) throw new RangeError('hashing needs a concurrency of at least 1, a queue of 0 or more, and a positive wait');
    this.concurrency = concurrency;
    this.queueLimit = queue;
    this.maxWaitMs = maxWaitMs;
  }

  /** Hashes running and waiting, for monitoring. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  /** Runs `task` when a place is free, or refuses at once (queue full) or after `maxWaitMs` (no turn came). */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.concurrency) return this.#start(task);
    if (this.#waiting.length >= this.queueLimit) return Promise.reject(new HashingBusyError(this.#retryAfterSeconds()));
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
    try {
      return await task();
    } finally {
      this.#running--;
      this.#waiting.shift()?.start();
    }
  }

  /** Long enough for the queue to drain: its longest permitted wait. */
  #retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.maxWaitMs / 1000));
  }
}
