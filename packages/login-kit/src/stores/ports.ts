/**
 * The state a reference server keeps, behind ports whose every method is
 * one atomic step, so that an adapter over a shared store (Redis) keeps the
 * rules that the in-memory adapter keeps: a burst of parallel requests
 * cannot pass a limit, a code cannot be taken twice, a user space holds one
 * session. Times are absolute, in milliseconds on the server's clock; values
 * must survive JSON.
 *
 * @module
 */

/** Values that expire at a given time, with a bound on how many are live. */
export interface ExpiringStore<V> {
  get(key: string): Promise<V | undefined>;
  /**
   * Stores `value` until `expiresAt`. Answers false, storing nothing, when
   * the store already holds its capacity of live entries and `key` is not one
   * of them. (An adapter may count an entry until the end of the second it
   * expires in.)
   */
  set(key: string, value: V, expiresAt: number): Promise<boolean>;
  /** Moves a live value's expiry to `expiresAt`, in one step: answers false, changing nothing, when it is gone (never revives it). */
  extend(key: string, expiresAt: number): Promise<boolean>;
  /** Answers the value and removes it, in one step: what is taken once cannot be taken again. */
  take(key: string): Promise<V | undefined>;
  /** Answers whether a live value was removed. */
  delete(key: string): Promise<boolean>;
}

/** A limit on attempts under one key: at most `max` inside a sliding window of `windowMs`. */
export interface CountedLimit {
  key: string;
  max: number;
  windowMs: number;
}

export type Reservation = { granted: true; id: string; keys: readonly string[] } | { granted: false; retryAfterMs: number };

/**
 * Counts attempts before they are judged: `reserve` takes a place under
 * every limit at once or under none, so that parallel attempts cannot all
 * pass a limit they each saw unreached.
 */
export interface AttemptCounter {
  /** A place under each limit, or a refusal saying when the first place frees up. */
  reserve(limits: readonly CountedLimit[]): Promise<Reservation>;
  /** Gives a granted place back: the attempt did not count (it succeeded, or was never judged). */
  release(reservation: Reservation & { granted: true }): Promise<void>;
  /** Forgets every attempt under `keys`: consecutive failures end with a success. */
  clear(keys: readonly string[]): Promise<void>;
}

/**
 * Slots that each hold one session id until it expires: one session per
 * (tenant, user, user space). Every change is conditional on what the slot
 * holds, so two logins cannot both take an empty slot.
 */
export interface SessionSlots {
  get(key: string): Promise<string | undefined>;
  /** Puts `id` in the slot if it is empty (or its session expired); answers the live holder otherwise. */
  claim(key: string, id: string, expiresAt: number): Promise<{ claimed: true } | { claimed: false; holder: string }>;
  /** Puts `next` in the slot if it still holds `current`: a renewal that a logout or a new login did not overtake. */
  replace(key: string, current: string, next: string, expiresAt: number): Promise<boolean>;
  /** Empties the slot if it still holds `id`. */
  release(key: string, id: string): Promise<boolean>;
}

/** Makes the stores a server names; one factory hands every API the same kind of adapter. */
export interface Stores {
  /** `capacity`: the most live entries (10,000 by default). */
  expiring<V>(name: string, options?: { capacity?: number }): ExpiringStore<V>;
  /** `capacity`: the most keys counted at once (100,000 by default); past it, a new key is refused as over its limit. */
  attempts(name: string, options?: { capacity?: number }): AttemptCounter;
  sessionSlots(name: string): SessionSlots;
}
