import { describeStores } from '@loginspec/login-kit/store-suite';
import { describe } from 'vitest';
import { storesOnRedis } from './stores-on-redis.fixture.js';
import { redisDescribeTitle, redisServerMissing } from './testing/redis-server.js';

describe.skipIf(redisServerMissing())(redisDescribeTitle('redis'), () => {
  const open = storesOnRedis();

  // One namespace per test (the suite names each uniquely): tests share the server, never keys.
  describeStores('redis', (clock, name) => open(clock, name));
});
