import { type Clock, type DeliveredMessage, type ExpiringStore, randomToken } from '@loginspec/login-kit';
import { safeEqual } from './safe-equal.js';

/** Where codes go: an e-mail service in a real deployment, an outbox on the reference server. */
export interface Outbox {
  send(email: string, code: string, validUntil: number): void;
}

interface PendingCode {
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

  /** Whether `code` and `email` are those of the account's pending code, which is then used up. */
  async check(account: string, code: string, email: string): Promise<boolean> {
    const pending = await this.store.take(account);
    if (!pending) return false;
    if (safeEqual(code, pending.code) && safeEqual(email, pending.email)) return true;
    if (pending.triesLeft > 1) await this.store.set(account, { ...pending, triesLeft: pending.triesLeft - 1 }, pending.validUntil);
    return false;
  }
}

/** An outbox that hands each code to `deliver`: printed by `pnpm start`, read by the tests. */
export function deliveringOutbox(deliver: (message: DeliveredMessage) => void = () => {}): Outbox {
  return {
    send(email, code, validUntil) {
      deliver({ to: email, text: `Your Xelion code is ${code}. It is valid until ${new Date(validUntil).toISOString()} and works once.` });
    },
  };
}
