import type { Clock } from '@loginspec/login-kit';

/** The envelope every edr answer carries: the server's time of the answer, and a message for some. */
export interface Envelope {
  readonly response: { readonly timestamp: string; readonly message?: string };
}

/** How many messages are remembered within one millisecond; more are made afresh (a flood of distinct messages only skips the memory). */
const MAX_MESSAGES = 16;

/**
 * `at(message?)`: the envelope of an answer made now. Within one millisecond
 * of the clock (the timestamp's precision) the same message gets the very
 * same frozen envelope, so that a refusal's documented body is merged and
 * written once for all the answers of that millisecond, not once each (see
 * ErrorAnswers in openapi-runtime).
 */
export function envelopes(clock: Clock): (message?: string) => Envelope {
  let millisecond = Number.NaN;
  const made = new Map<string | undefined, Envelope>();
  return (message) => {
    const now = clock.now();
    if (now !== millisecond) {
      millisecond = now;
      made.clear();
    }
    let envelope = made.get(message);
    if (!envelope) {
      envelope = Object.freeze({ response: Object.freeze({ timestamp: new Date(now).toISOString(), ...(message === undefined ? {} : { message }) }) });
      if (made.size < MAX_MESSAGES) made.set(message, envelope);
    }
    return envelope;
  };
}
