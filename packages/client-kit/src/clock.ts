/** A time source (milliseconds since the Unix epoch), injected so that tests move time instead of sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
