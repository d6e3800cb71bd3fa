import type { DeliveredMessage } from '@loginspec/login-kit';

/** The most messages kept per address: enough for any test, bounded for a server left running. */
const PER_ADDRESS = 20;
/** The most addresses kept: an old one is forgotten first. */
const ADDRESSES = 1_000;

/** What one API delivered, by address, newest last, bounded. */
export class Inbox {
  readonly #byAddress = new Map<string, Omit<DeliveredMessage, 'to'>[]>();

  deliver({ to, text, code }: DeliveredMessage): void {
    const messages = this.#byAddress.get(to) ?? [];
    this.#byAddress.delete(to);
    messages.push(code === undefined ? { text } : { text, code });
    if (messages.length > PER_ADDRESS) messages.shift();
    this.#byAddress.set(to, messages);
    if (this.#byAddress.size > ADDRESSES) this.#byAddress.delete(this.#byAddress.keys().next().value as string);
  }

  /** The texts delivered to `to`, and the codes they carry, oldest first. */
  read(to: string): { messages: string[]; codes: string[] } {
    const delivered = this.#byAddress.get(to) ?? [];
    return { messages: delivered.map((m) => m.text), codes: delivered.flatMap((m) => (m.code === undefined ? [] : [m.code])) };
  }

  clear(): void {
    this.#byAddress.clear();
  }
}
