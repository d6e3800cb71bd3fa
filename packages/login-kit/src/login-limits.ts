import type { Clock } from './clock.js';
import { placeOf } from './address-place.js';
import { HashingBusyError } from './hashing-pool.js';
import type { AttemptCounter, CountedLimit, ExpiringStore, Reservation } from './stores/ports.js';

/**
 * A login's attempt limit, as its description states it in `x-attempt-limit`.
 * Failures are counted per (account, client address), per account and per
 * client address, each inside a sliding window; an IPv6 client address
 * counts by its /64 (see `placeOf`).
 */
export interface AttemptLimitSettings {
  /** Failures of one account from one address: an attacker's guesses from one place. */
  perAccountAndAddress: number;
  /** Failures of one account from anywhere; at most 100, as NIST SP 800-63B §5.2.2 asks. */
  perAccount: number;
  /** Failures from one address, whatever the account: one place guessing at many accounts. */
  perAddress: number;
  windowSeconds: number;
  /** How long an address that logged in to an account stays known for it. */
  knownAddressSeconds: number;
}

export type Admission = { admitted: true; ticket: Ticket } | { admitted: false; retryAfterSeconds: number };

/** What a limited credential check came to: the holder, a wrong credential, or no check at all (limited, or the hashing pool busy). */
export type LimitedCheck<T> = { outcome: 'accepted'; holder: T } | { outcome: 'refused' } | { outcome: 'limited'; retryAfterSeconds: number } | { outcome: 'busy'; retryAfterSeconds: number };

export interface Ticket {
  account: string;
  address: string;
  reservation: Reservation & { granted: true };
}

const pairKey = (account: string, address: string) => `pair\u0000${account}\u0000${placeOf(address)}`;
const addressKey = (address: string) => `address\u0000${placeOf(address)}`;

/**
 * The attempt limits of a login, counted before the password is checked.
 *
 * - `admit` reserves a place under every limit at once, so that a burst of
 *   parallel guesses judges at most the limit and refuses the rest, however
 *   long the hash takes (Keycloak's CVE-2024-4629 counted after it).
 * - A success gives its place back and ends the account's consecutive
 *   failures; the address keeps its count, so a known account cannot
 *   launder guesses at others.
 * - The owner keeps a way in: an address from which the account logged in
 *   lately is known for it, and from there only the (account, address)
 *   limit applies. Strangers who fill the account's or the address's limit
 *   lock out strangers, not the owner at home nor the users a shared
 *   address (a NAT, a proxy) already knew.
 *
 * @example
 * const admission = await limits.admit(account, clientAddress);
 * if (!admission.admitted) return answer(429, { retryAfter: admission.retryAfterSeconds });
 * await limits.settle(admission.ticket, await directory.verify(account, password) !== undefined);
 */
export class LoginLimits {
  readonly #windowMs: number;

  constructor(
    readonly settings: AttemptLimitSettings,
    readonly attempts: AttemptCounter,
    /** (account, address) pairs that logged in lately. */
    readonly knownAddresses: ExpiringStore<true>,
    readonly clock: Clock,
  ) {
    if (settings.perAccount > 100) throw new RangeError('x-attempt-limit.perAccount must be at most 100 (NIST SP 800-63B)');
    this.#windowMs = settings.windowSeconds * 1000;
  }

  async admit(account: string, address: string): Promise<Admission> {
    const { perAccountAndAddress, perAccount, perAddress } = this.settings;
    const windowMs = this.#windowMs;
    const limits: CountedLimit[] = [{ key: pairKey(account, address), max: perAccountAndAddress, windowMs }];
    if (!(await this.knownAddresses.get(pairKey(account, address)))) {
      limits.push({ key: `account\u0000${account}`, max: perAccount, windowMs }, { key: addressKey(address), max: perAddress, windowMs });
    }
    const reservation = await this.attempts.reserve(limits);
    if (!reservation.granted) return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(reservation.retryAfterMs / 1000)) };
    return { admitted: true, ticket: { account, address, reservation } };
  }

  /**
   * After the check. A failure stays counted. A success gives the place
   * back; one that completes a login also ends the account's failures and
   * knows the address. A success that does not (the right password, with an
   * MFA step still to pass) must not: else each would wipe the failures of
   * the step after it.
   */
  async settle({ account, address, reservation }: Ticket, result: 'failed' | 'passed' | 'completed'): Promise<void> {
    if (result === 'failed') return;
    if (result === 'passed') return this.attempts.release(reservation);
    // A completed login clears the pair's and the account's counts whole, so its place is given back only under the
    // other keys (the address's; none when the address was known). The writes are independent and sent together
    // (with Redis, one round trip instead of three): any state between them judges an admission no more leniently
    // than the state after all of them.
    const cleared = [pairKey(account, address), `account\u0000${account}`];
    const keep = reservation.keys.filter((key) => !cleared.includes(key));
    await Promise.all([
      keep.length > 0 ? this.attempts.release({ ...reservation, keys: keep }) : undefined,
      this.attempts.clear(cleared),
      this.knownAddresses.set(pairKey(account, address), true, this.clock.now() + this.settings.knownAddressSeconds * 1000),
    ]);
  }

  /** An attempt that was admitted but never judged (the hashing pool was full): its place goes back. */
  async withdraw({ reservation }: Ticket): Promise<void> {
    await this.attempts.release(reservation);
  }

  /**
   * A credential check under the limits, in the one order every login
   * follows: admit, check (`verify` answers the holder or undefined),
   * settle; a check the hashing pool refuses is withdrawn and answered busy.
   * `completes` says whether an accepted holder has completed the login
   * (by default every one has).
   */
  async check<T>(account: string, address: string, verify: () => Promise<T | undefined>, completes: (holder: T) => boolean = () => true): Promise<LimitedCheck<T>> {
    const admission = await this.admit(account, address);
    if (!admission.admitted) return { outcome: 'limited', retryAfterSeconds: admission.retryAfterSeconds };
    let holder: T | undefined;
    try {
      holder = await verify();
    } catch (error) {
      if (!(error instanceof HashingBusyError)) throw error;
      await this.withdraw(admission.ticket);
      return { outcome: 'busy', retryAfterSeconds: error.retryAfterSeconds };
    }
    await this.settle(admission.ticket, holder === undefined ? 'failed' : completes(holder) ? 'completed' : 'passed');
    return holder === undefined ? { outcome: 'refused' } : { outcome: 'accepted', holder };
  }
}
