/**
 * The one connection a `RedisStores` talks through, configured so that a
 * call never hangs when Redis is down: no offline queue (a call made while
 * disconnected fails at once), a timeout on every command, no command
 * replayed after a reconnect (a reservation may have run already; its
 * caller was told it failed), and reconnection in the background with a
 * backoff capped at a second, so that calls work again when Redis is back.
 *
 * @module
 */
import { Redis } from 'ioredis';
import { scrubSecrets, urlSecrets } from '@loginspec/login-kit/url-secrets';
import { messageOf, RedisStoreError, redactUrl } from './errors.js';

export interface ConnectionOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS. */
  url: string;
  /** How long a call may wait for Redis's answer (2,000 ms by default). */
  commandTimeoutMs?: number;
  /** How long `connect` may take, PING included (5,000 ms by default). */
  connectTimeoutMs?: number;
}

/** A connection, and what its errors may say about where it goes. */
export class RedisConnection {
  readonly #secrets: readonly string[];

  private constructor(
    readonly redis: Redis,
    /** The URL without its password. */
    readonly where: string,
    secrets: readonly string[],
  ) {
    this.#secrets = secrets;
  }

  /** Connects and checks with PING, or fails within `connectTimeoutMs` naming the URL without its password. */
  static async open({ url, commandTimeoutMs = 2_000, connectTimeoutMs = 5_000 }: ConnectionOptions): Promise<RedisConnection> {
    const where = redactUrl(url);
    const secrets = urlSecrets(url);
    const protocol = URL.canParse(url) ? new URL(url).protocol : '';
    if (protocol !== 'redis:' && protocol !== 'rediss:') {
      throw new RedisStoreError(`cannot use Redis URL ${where}: expected redis://[user:password@]host:port[/db] or rediss://…`);
    }
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: commandTimeoutMs,
      connectTimeout: connectTimeoutMs,
      maxRetriesPerRequest: 1,
      autoResendUnfulfilledCommands: false,
      // 100, 200, 400, 800, then every 1,000 ms, for as long as the stores are open.
      retryStrategy: (times) => Math.min(100 * 2 ** (times - 1), 1_000),
    });
    let lastError: unknown;
    // Without a listener ioredis prints each failed reconnection; the calls that fail say so instead.
    redis.on('error', (error) => (lastError = error));
    const connection = new RedisConnection(redis, where, secrets);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      });
      await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
      return connection;
    } catch (error) {
      redis.disconnect();
      const reason = lastError && messageOf(lastError) !== messageOf(error) ? `${messageOf(error)} (${messageOf(lastError)})` : messageOf(error);
      throw new RedisStoreError(`could not connect to Redis at ${where}: ${scrubSecrets(reason, secrets)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs `command`, turning its failure into a RedisStoreError that carries neither its arguments nor the password. */
  async call<T>(what: string, command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await command(this.redis);
    } catch (error) {
      throw new RedisStoreError(`Redis at ${this.where}: ${what} failed: ${scrubSecrets(messageOf(error), this.#secrets)}`);
    }
  }

  /** Says goodbye if Redis is there, and stops reconnecting either way. */
  async close(): Promise<void> {
    try {
      if (this.redis.status === 'ready') await this.redis.quit();
    } catch {
      // Redis went away meanwhile: there is nothing left to close on its side.
    } finally {
      this.redis.disconnect();
    }
  }
}
