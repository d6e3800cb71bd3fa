import type { Logger } from './log.js';

export interface Serving {
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** Empties every attempt count (SIGHUP); answers what it emptied, for the log line (later, when the counts are in Redis). */
  resetAttempts(): string | Promise<string>;
}

export interface SignalHandling {
  /** From now on a stop signal closes `serving` before the exit, and SIGHUP resets its attempt counts. */
  serving(serving: Serving): void;
}

/** How long a close may take before the process exits anyway (a keep-alive connection, a hash in flight). */
const CLOSE_WITHIN_MS = 2_000;

/**
 * The signals of a reference-server command, installed before anything
 * slow (the hashing of the demo passwords):
 *
 * - SIGINT (Ctrl-C) and SIGTERM: close, then exit 0, at once when nothing
 *   listens yet. A second signal changes nothing: Ctrl-C reaches the whole
 *   process group, and `pnpm start` forwards its own SIGINT on top, which,
 *   unhandled, would kill the process by a signal and make pnpm report a failure.
 * - SIGHUP: empties every attempt count (login failures, Hello's rate),
 *   without a restart; sessions and tokens stay. With stores in Redis, the
 *   counts every instance shares.
 */
export function handleSignals(logger: Logger, { exit = (code: number) => process.exit(code), on = (signal: NodeJS.Signals, listener: () => void) => void process.on(signal, listener) } = {}): SignalHandling {
  let current: Serving | undefined;
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (!current) return exit(0);
      logger.info('stopping', `${signal}: closing…`, { signal });
      setTimeout(() => exit(0), CLOSE_WITHIN_MS).unref();
      current.close().then(
        () => exit(0),
        () => exit(0),
      );
    });
  }
  on('SIGHUP', () => {
    const serving = current;
    if (!serving) return;
    // Counts in Redis are emptied over the network: the line comes when they are, or says they are not (Redis down).
    Promise.resolve()
      .then(() => serving.resetAttempts())
      .then(
        (what) => logger.info('attempts-reset', `SIGHUP: attempt counts emptied (${what})`, { signal: 'SIGHUP' }),
        (err: Error) => logger.error('attempts-reset-failed', `SIGHUP: attempt counts not emptied: ${err.message}`, { signal: 'SIGHUP' }),
      );
  });
  return {
    serving(serving) {
      current = serving;
    },
  };
}
