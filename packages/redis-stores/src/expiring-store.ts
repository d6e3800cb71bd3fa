import type { Clock, ExpiringStore } from '@loginspec/login-kit';
import type { RedisConnection } from './connection.js';
import { encodeKey, type StoreKeys } from './keys.js';
import { expiringExtend, expiringSet, expiringTake } from './scripts/expiring.js';

/** Values that must survive JSON: one that JSON cannot hold is refused before anything is stored. */
function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('an expiring store holds JSON values: this value has no JSON form');
  return json;
}

/** An ExpiringStore in Redis: see scripts/expiring.ts for the keys and each step. */
export class RedisExpiringStore<V> implements ExpiringStore<V> {
  constructor(
    readonly name: string,
    readonly capacity: number,
    private readonly connection: RedisConnection,
    private readonly clock: Clock,
    private readonly keys: StoreKeys,
  ) {}

  async get(key: string): Promise<V | undefined> {
    const [value, expiresAt] = await this.connection.call(`${this.name} get`, (r) => r.hmget(this.keys.of('entry', key), 'value', 'expiresAt'));
    // A read needs no script: an entry past its expiry is simply not answered (the next write removes it).
    return typeof value === 'string' && Number(expiresAt) > this.clock.now() ? (JSON.parse(value) as V) : undefined;
  }

  async set(key: string, value: V, expiresAt: number): Promise<boolean> {
    const json = toJson(value);
    const stored = await this.#run('set', expiringSet, key, [json, expiresAt, this.capacity]);
    return stored === 1;
  }

  async extend(key: string, expiresAt: number): Promise<boolean> {
    return (await this.#run('extend', expiringExtend, key, [expiresAt])) === 1;
  }

  async take(key: string): Promise<V | undefined> {
    const value = await this.#run('take', expiringTake, key, []);
    return typeof value === 'string' ? (JSON.parse(value) as V) : undefined;
  }

  async delete(key: string): Promise<boolean> {
    return typeof (await this.#run('delete', expiringTake, key, [])) === 'string';
  }

  #run(what: string, script: typeof expiringSet, key: string, args: (string | number)[]): Promise<unknown> {
    const keys = [this.keys.of('entry', key), this.keys.index('entry')];
    return this.connection.call(`${this.name} ${what}`, (r) => script.run(r, keys, [this.clock.now(), encodeKey(key), ...args]));
  }
}
