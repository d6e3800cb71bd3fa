import { type Clock, type DeliveredMessage, type ExpiringStore, randomToken, safeEqual } from '@loginspec/login-kit';

/** Where codes go: an e-mail service in a real deployment, an outbox on the reference server. */
export interface Outbox {
  send(email: string, code: string, validUntil: number): void;
}

export interface PendingCode {
  code: string;
  email: string;
  triesLeft: number;
  /** Kept, so that a wrong try never extends the code's life. */
  validUntil: number;
}

export interface MfaCodeSettings {
  digits: number;
  lifetimeSeconds: number;
  /** Wrong tries before a code is void. */
  attempts: number;
}

/**
 * Single-use MFA codes, one pending per (tenant, user): a new request
 * replaces the last. A login takes the code to check it (no two can use it
 * at once), and puts it back, with one try less, only when it was wrong.
 */
export class MfaCodes {
  constructor(
    readonly store: ExpiringStore<PendingCode>,
    readonly outbox: Outbox,
    readonly clock: Clock,
    readonly settings: MfaCodeSettings,
  ) {}

  async send(account: string, email: string): Promise<void> {
    const code = randomToken(this.settings.digits, '0123456789');
    const validUntil = this.clock.now() + this.settings.lifetimeSeconds * 1000;
    if (await this.store.set(account, { code, email, triesLeft: this.settings.attempts, validUntil }, validUntil)) this.outbox.send(email, code, validUntil);
  }

  /**
   * The account's pending code, used up, if `code` and `email` are its own;
   * undefined otherwise (a wrong try costs the code one of its tries).
   */
  async take(account: string, code: string, email: string): Promise<PendingCode | undefined> {
    const pending = await this.store.take(account);
    if (!pending) return undefined;
    if (safeEqual(code, pending.code) && safeEqual(email, pending.email)) return pending;
    await this.#putBack(account, { ...pending, triesLeft: pending.triesLeft - 1 });
    return undefined;
  }

  /** Puts back a code that was right but opened no session (its user space was taken, say): it was not used. */
  restore(account: string, pending: PendingCode): Promise<void> {
    return this.#putBack(account, pending);
  }

  // A code requested meanwhile would be replaced: a narrow race, which at worst voids the newer code.
  async #putBack(account: string, pending: PendingCode): Promise<void> {
    if (pending.triesLeft > 0) await this.store.set(account, pending, pending.validUntil);
  }
}

/** An outbox that hands each code to `deliver`: printed by `pnpm start`, read by the tests. */
export function deliveringOutbox(deliver: (message: DeliveredMessage) => void = () => {}): Outbox {
  return {
    send(email, code, validUntil) {
      deliver({ to: email, text: `Your Xelion code is ${code}. It is valid until ${new Date(validUntil).toISOString()} and works once.`, code });
    },
  };
}
