/**
 * A Redis that goes away: calls reject promptly (a server turns that into
 * its documented 500) rather than hang, the connection comes back by
 * itself, and no error ever carries the password.
 */
import { ManualClock } from '@loginspec/login-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisStores, RedisStoreError, type RedisStores } from './index.js';
import { redisDescribeTitle, redisServerMissing, type RunningRedis, startRedisServer } from './testing/redis-server.js';

const PASSWORD = 's3cret-p@ss:word';
const COMMAND_TIMEOUT_MS = 500;

/** Resolves with how long `call` took to settle, and what it settled with. */
async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; error?: unknown }> {
  const started = performance.now();
  try {
    await call();
    return { ms: performance.now() - started };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

async function eventually(check: () => Promise<unknown>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe.skipIf(redisServerMissing())(redisDescribeTitle('redis stores when Redis fails'), () => {
  let redis: RunningRedis;
  let stores: RedisStores;
  const clock = new ManualClock();

  beforeAll(async () => {
    redis = await startRedisServer({ password: PASSWORD });
    stores = await connectRedisStores({ url: redis.url, clock, namespace: 'failing', commandTimeoutMs: COMMAND_TIMEOUT_MS });
  });

  afterAll(async () => {
    await stores?.close();
    await redis?.stop();
  });

  it('connects with the password of the URL, and shows the URL without it', async () => {
    expect(redis.url).toContain(encodeURIComponent(PASSWORD));
    expect(stores.url).toBe(`redis://:***@127.0.0.1:${redis.port}`);
    expect(await stores.expiring<number>('s').set('k', 1, clock.now() + 60_000)).toBe(true);
  });

  it('rejects calls within the command timeout while Redis hangs, and answers again once it resumes', async () => {
    const store = stores.expiring<number>('s');
    redis.pause();
    try {
      const calls = await Promise.all([
        timed(() => store.get('k')),
        timed(() => store.set('k2', 2, clock.now() + 60_000)),
        timed(() => stores.attempts('a').reserve([{ key: 'alice', max: 3, windowMs: 60_000 }])),
        timed(() => stores.sessionSlots('x').claim('k', 's1', clock.now() + 60_000)),
      ]);
      for (const call of calls) {
        expect(call.error).toBeInstanceOf(RedisStoreError);
        expect(call.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1_000);
        expect(String(call.error)).not.toContain(PASSWORD);
      }
    } finally {
      redis.resume();
    }
    await eventually(async () => expect(await store.get('k')).toBe(1), 5_000);
  });

  it('rejects calls at once while Redis is stopped, and works again after it restarts (empty: nothing is saved)', async () => {
    const store = stores.expiring<number>('s');
    await redis.stop();
    const call = await timed(() => store.set('k', 1, clock.now() + 60_000));
    expect(call.error).toBeInstanceOf(RedisStoreError);
    expect(call.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1_000);
    expect(String(call.error)).not.toContain(PASSWORD);
    expect(String(call.error)).toContain('redis://:***@127.0.0.1');
    await redis.restart();
    // The scripts are gone with the data: the first call loads them again.
    await eventually(async () => expect(await store.set('k', 3, clock.now() + 60_000)).toBe(true), 5_000);
    expect(await store.get('k')).toBe(3);
    expect((await stores.attempts('a').reserve([{ key: 'alice', max: 1, windowMs: 60_000 }])).granted).toBe(true);
  });

  it('fails to connect within its bound, naming the URL without the password, when nothing answers', async () => {
    const stopped = await startRedisServer();
    await stopped.stop();
    const url = `redis://user:${encodeURIComponent(PASSWORD)}@127.0.0.1:${stopped.port}/0`;
    const attempt = await timed(() => connectRedisStores({ url, clock, connectTimeoutMs: 1_000 }));
    expect(attempt.ms).toBeLessThan(2_500);
    expect(attempt.error).toBeInstanceOf(RedisStoreError);
    const message = String(attempt.error);
    expect(message).toContain(`could not connect to Redis at redis://user:***@127.0.0.1:${stopped.port}/0`);
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('fails to connect with a wrong password without showing either password', async () => {
    const wrong = `redis://:${encodeURIComponent('not-the-password')}@127.0.0.1:${redis.port}`;
    const attempt = await timed(() => connectRedisStores({ url: wrong, clock, connectTimeoutMs: 2_000 }));
    expect(attempt.error).toBeInstanceOf(RedisStoreError);
    expect(String(attempt.error)).toMatch(/could not connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect(String(attempt.error)).not.toContain('not-the-password');
    expect(String(attempt.error)).not.toContain(PASSWORD);
  });

  it('refuses a URL that is not a Redis URL without repeating it', async () => {
    await expect(connectRedisStores({ url: `http://:${PASSWORD}@127.0.0.1:1`, clock })).rejects.toThrow(/cannot use Redis URL http:\/\/:\*\*\*@127\.0\.0\.1:1/);
    const attempt = await timed(() => connectRedisStores({ url: `not a url ${PASSWORD}`, clock }));
    expect(String(attempt.error)).toContain('(an invalid Redis URL)');
    expect(String(attempt.error)).not.toContain(PASSWORD);
  });
});
