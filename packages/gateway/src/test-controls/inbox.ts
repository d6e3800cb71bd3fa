import type { DeliveredMessage } from '@loginspec/login-kit';

/** The most messages kept per address: enough for any test, bounded for a server left running. */
const PER_ADDRESS = 20;
/** The most addresses kept: an old one is forgotten first. */
const ADDRESSES = 1_000;

/** What one API delivered, by address, newest last, bounded. */
export class Inbox {
  readonly #byAddress = new Map<string, string[]>();

  deliver({ to, text }: DeliveredMessage): void {
    const messages = this.#byAddress.get(to) ?? [];
    this.#byAddress.delete(to);
    messages.push(text);
    if (messages.length > PER_ADDRESS) messages.shift();
    this.#byAddress.set(to, messages);
    if (this.#byAddress.size > ADDRESSES) this.#byAddress.delete(this.#byAddress.keys().next().value as string);
  }

  read(to: string): string[] {
    return [...(this.#byAddress.get(to) ?? [])];
  }

  clear(): void {
    this.#byAddress.clear();
  }
}
