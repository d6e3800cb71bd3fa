import type { Logger } from './log.js';

export interface Serving {
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** Empties every attempt count (SIGHUP); answers what it emptied, for the log line. */
  resetAttempts(): string;
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
 *   without a restart; sessions and tokens stay.
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
    if (!current) return;
    const what = current.resetAttempts();
    logger.info('attempts-reset', `SIGHUP: attempt counts emptied (${what})`, { signal: 'SIGHUP' });
  });
  return {
    serving(serving) {
      current = serving;
    },
  };
}
