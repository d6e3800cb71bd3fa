import { describeStores } from '@loginspec/login-kit/store-suite';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectRedisStores, type RedisStores } from './index.js';
import { redisDescribeTitle, redisServerMissing, type RunningRedis, startRedisServer } from './testing/redis-server.js';

describe.skipIf(redisServerMissing())(redisDescribeTitle('redis'), () => {
  let redis: RunningRedis;
  const opened: RedisStores[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await redis?.stop();
  });

  // One namespace per test (the suite names each uniquely): tests share the server, never keys.
  describeStores('redis', async (clock, name) => {
    const stores = await connectRedisStores({ url: redis.url, clock, namespace: name });
    opened.push(stores);
    return stores;
  });
});
