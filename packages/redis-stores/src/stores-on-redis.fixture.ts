import type { Clock } from '@loginspec/login-kit';
import { afterAll, beforeAll } from 'vitest';
import { connectRedisStores, type RedisStores } from './index.js';
import { type RunningRedis, startRedisServer } from './testing/redis-server.js';

/**
 * In a describe block: a redis-server for its tests, and an `open` that
 * connects stores to it under a namespace, every one closed after the tests
 * with the server.
 */
export function storesOnRedis(): (clock: Clock, namespace: string) => Promise<RedisStores> {
  let redis: RunningRedis | undefined;
  const opened: RedisStores[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await redis?.stop();
  });
  return async (clock, namespace) => {
    const stores = await connectRedisStores({ url: (redis as RunningRedis).url, clock, namespace });
    opened.push(stores);
    return stores;
  };
}
