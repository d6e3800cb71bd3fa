import type { AttemptCounter, Clock, ExpiringStore, SessionSlots, Stores } from '@loginspec/login-kit';
import { RedisAttemptCounter } from './attempt-counter.js';
import { type ConnectionOptions, RedisConnection } from './connection.js';
import { RedisExpiringStore } from './expiring-store.js';
import { checkNamespace, patterns, StoreKeys } from './keys.js';
import { RedisSessionSlots } from './session-slots.js';
import { unlinkMatching } from './sweep.js';

export interface RedisStoresOptions extends ConnectionOptions {
  /** The servers' clock: every expiry is an absolute time on it. */
  clock: Clock;
  /** The first segment of every key ('loginspec' by default): deployments sharing one Redis use different ones. */
  namespace?: string;
}

/**
 * The store ports over one Redis, for several server instances behind one
 * load balancer: every rule (capacities, taking once, all-or-none
 * reservations, slots held by one session) is kept by a Lua script that
 * runs as one atomic step in Redis. Make it with `connectRedisStores`.
 */
export class RedisStores implements Stores {
  readonly namespace: string;

  constructor(
    private readonly connection: RedisConnection,
    private readonly clock: Clock,
    namespace = 'loginspec',
  ) {
    this.namespace = checkNamespace(namespace);
  }

  /** The Redis URL, without its password. */
  get url(): string {
    return this.connection.where;
  }

  expiring<V>(name: string, { capacity = 10_000 }: { capacity?: number } = {}): ExpiringStore<V> {
    return new RedisExpiringStore<V>(name, capacity, this.connection, this.clock, new StoreKeys(this.namespace, name));
  }

  attempts(name: string, { capacity = 100_000 }: { capacity?: number } = {}): AttemptCounter {
    return new RedisAttemptCounter(name, capacity, this.connection, this.clock, new StoreKeys(this.namespace, name));
  }

  sessionSlots(name: string): SessionSlots {
    return new RedisSessionSlots(name, this.connection, this.clock, new StoreKeys(this.namespace, name));
  }

  /** Empties every attempt counter under the namespace (login failures, request rates), whichever process made it; sessions and tokens stay. */
  async resetAttempts(): Promise<void> {
    for (const pattern of patterns.attempts(this.namespace)) {
      await this.connection.call('resetAttempts', (r) => unlinkMatching(r, pattern));
    }
  }

  /** Empties everything under the namespace, as on a fresh deployment. */
  async reset(): Promise<void> {
    await this.connection.call('reset', (r) => unlinkMatching(r, patterns.everything(this.namespace)));
  }

  /** Closes the connection; the stores fail after it. */
  close(): Promise<void> {
    return this.connection.close();
  }
}

/**
 * Connects to `url` and checks it with PING: fails within
 * `connectTimeoutMs`, naming the URL without its password, when Redis does
 * not answer. A call made while Redis is down rejects (at the latest after
 * `commandTimeoutMs`); the connection comes back by itself.
 */
export async function connectRedisStores({ clock, namespace, ...connection }: RedisStoresOptions): Promise<RedisStores> {
  // The namespace is checked before connecting: a wrong setting fails without a connection to close.
  if (namespace !== undefined) checkNamespace(namespace);
  return new RedisStores(await RedisConnection.open(connection), clock, namespace);
}
