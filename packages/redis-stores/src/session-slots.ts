import type { Clock, SessionSlots } from '@loginspec/login-kit';
import type { RedisConnection } from './connection.js';
import type { StoreKeys } from './keys.js';
import { slotClaim, slotRelease, slotReplace } from './scripts/slots.js';

/** SessionSlots in Redis: see scripts/slots.ts for the keys and each step. */
export class RedisSessionSlots implements SessionSlots {
  constructor(
    readonly name: string,
    private readonly connection: RedisConnection,
    private readonly clock: Clock,
    private readonly keys: StoreKeys,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const [holder, expiresAt] = await this.connection.call(`${this.name} get`, (r) => r.hmget(this.keys.of('slot', key), 'holder', 'expiresAt'));
    return typeof holder === 'string' && Number(expiresAt) > this.clock.now() ? holder : undefined;
  }

  async claim(key: string, id: string, expiresAt: number): Promise<{ claimed: true } | { claimed: false; holder: string }> {
    const [claimed, holder] = (await this.#run('claim', slotClaim, key, [id, expiresAt])) as [number, string?];
    return claimed === 1 ? { claimed: true } : { claimed: false, holder: String(holder) };
  }

  async replace(key: string, current: string, next: string, expiresAt: number): Promise<boolean> {
    return (await this.#run('replace', slotReplace, key, [current, next, expiresAt])) === 1;
  }

  async release(key: string, id: string): Promise<boolean> {
    return (await this.#run('release', slotRelease, key, [id])) === 1;
  }

  #run(what: string, script: typeof slotClaim, key: string, args: (string | number)[]): Promise<unknown> {
    return this.connection.call(`${this.name} ${what}`, (r) => script.run(r, [this.keys.of('slot', key)], [this.clock.now(), ...args]));
  }
}
