/**
 * What several server instances sharing one Redis rely on: each instance
 * has its own connection, so two RedisStores on two connections stand for
 * two processes.
 */
import { ManualClock } from '@loginspec/login-kit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisStores, type RedisStores } from './index.js';
import { redisDescribeTitle, redisServerMissing, type RunningRedis, startRedisServer } from './testing/redis-server.js';

let namespaces = 0;

describe.skipIf(redisServerMissing())(redisDescribeTitle('redis stores shared between processes'), () => {
  let redis: RunningRedis;
  let raw: Redis;
  const opened: RedisStores[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    raw = new Redis(redis.url, { lazyConnect: true });
    await raw.connect();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    raw?.disconnect();
    await redis?.stop();
  });

  /** Two instances on one clock, each with its own connection, in a namespace of their own. */
  async function twoInstances(namespace = `ns${namespaces++}`) {
    const clock = new ManualClock();
    const [a, b] = await Promise.all([0, 1].map(() => connectRedisStores({ url: redis.url, clock, namespace })));
    opened.push(a as RedisStores, b as RedisStores);
    return { clock, a: a as RedisStores, b: b as RedisStores };
  }

  it('grants exactly `max` of a burst of reservations from two instances, under every limit at once', async () => {
    const { a, b } = await twoInstances();
    const counters = [a.attempts('enos:login'), b.attempts('enos:login')];
    const limits = [
      { key: 'account\u0000alice', max: 5, windowMs: 60_000 },
      { key: 'address\u0000127.0.0.1', max: 7, windowMs: 60_000 },
    ];
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => (counters[i % 2] as (typeof counters)[0]).reserve(limits)));
    expect(burst.filter((r) => r.granted)).toHaveLength(5);
    // The address limit saw the 5 granted ones only: 2 places are left under it for another account.
    const other = await Promise.all(Array.from({ length: 10 }, (_, i) => (counters[i % 2] as (typeof counters)[0]).reserve([{ key: 'address\u0000127.0.0.1', max: 7, windowMs: 60_000 }])));
    expect(other.filter((r) => r.granted)).toHaveLength(2);
  });

  it('releases a place reserved by one instance through the other', async () => {
    const { a, b } = await twoInstances();
    const limit = [{ key: 'alice', max: 1, windowMs: 60_000 }];
    const first = await a.attempts('x:login').reserve(limit);
    expect((await b.attempts('x:login').reserve(limit)).granted).toBe(false);
    if (!first.granted) throw new Error('the first reservation was refused');
    await b.attempts('x:login').release(first);
    expect((await b.attempts('x:login').reserve(limit)).granted).toBe(true);
  });

  it('lets a value be taken once by a burst of takers on two instances', async () => {
    const { clock, a, b } = await twoInstances();
    await a.expiring<string>('xelion:mfa').set('master/arnon', '123456', clock.now() + 60_000);
    const stores = [a.expiring<string>('xelion:mfa'), b.expiring<string>('xelion:mfa')];
    const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => (stores[i % 2] as (typeof stores)[0]).take('master/arnon')));
    expect(taken.filter((v) => v !== undefined)).toEqual(['123456']);
  });

  it('keeps the capacity across instances: a burst of sets from two instances stores no more than it', async () => {
    const { clock, a, b } = await twoInstances();
    const stores = [a.expiring<number>('t', { capacity: 10 }), b.expiring<number>('t', { capacity: 10 })];
    const stored = await Promise.all(Array.from({ length: 60 }, (_, i) => (stores[i % 2] as (typeof stores)[0]).set(`k${i}`, i, clock.now() + 1_000)));
    expect(stored.filter(Boolean)).toHaveLength(10);
  });

  it('lets one of a burst of claims from two instances take a slot', async () => {
    const { clock, a, b } = await twoInstances();
    const slots = [a.sessionSlots('xelion:slots'), b.sessionSlots('xelion:slots')];
    const claims = await Promise.all(Array.from({ length: 40 }, (_, i) => (slots[i % 2] as (typeof slots)[0]).claim('master/arnon/iphone', `s${i}`, clock.now() + 60_000)));
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
  });

  it('keeps namespaces apart: the same store and key in two namespaces are two values, and a reset empties one', async () => {
    const clock = new ManualClock();
    const [one, two] = await Promise.all(['apart-1', 'apart-2'].map((namespace) => connectRedisStores({ url: redis.url, clock, namespace })));
    opened.push(one as RedisStores, two as RedisStores);
    await one?.expiring<string>('enos:sessions').set('t', 'one', clock.now() + 60_000);
    await two?.expiring<string>('enos:sessions').set('t', 'two', clock.now() + 60_000);
    expect(await one?.expiring<string>('enos:sessions').get('t')).toBe('one');
    await one?.reset();
    expect(await one?.expiring<string>('enos:sessions').get('t')).toBeUndefined();
    expect(await two?.expiring<string>('enos:sessions').get('t')).toBe('two');
    expect(await raw.keys('apart-1:*')).toEqual([]);
  });

  it('empties every attempt counter of the namespace on resetAttempts, and keeps sessions, codes, slots and other namespaces', async () => {
    const { clock, a, b } = await twoInstances();
    const { a: elsewhere } = await twoInstances();
    const limit = [{ key: 'alice', max: 1, windowMs: 60_000 }];
    // Keys that look like attempt keys must survive: a user may be named anything.
    const sessions = a.expiring<string>('enos:sessions');
    await sessions.set('x:attempt:y', 'session', clock.now() + 60_000);
    await sessions.set('attempt', 'session', clock.now() + 60_000);
    await a.sessionSlots('xelion:slots').claim('index:attempt', 's1', clock.now() + 60_000);
    for (const stores of [a, elsewhere]) await stores.attempts('enos:login').reserve(limit);
    await a.attempts('eos:hello').reserve(limit);
    await b.resetAttempts();
    expect((await a.attempts('enos:login').reserve(limit)).granted).toBe(true);
    expect((await b.attempts('eos:hello').reserve(limit)).granted).toBe(true);
    expect((await elsewhere.attempts('enos:login').reserve(limit)).granted).toBe(false);
    expect(await sessions.get('x:attempt:y')).toBe('session');
    expect(await sessions.get('attempt')).toBe('session');
    expect(await b.sessionSlots('xelion:slots').get('index:attempt')).toBe('s1');
  });

  it('empties more keys than one SCAN step or one UNLINK holds, in batches', async () => {
    const { clock, a } = await twoInstances('many');
    const counter = a.attempts('enos:login');
    for (let i = 0; i < 1_200; i += 200) {
      await Promise.all(Array.from({ length: 200 }, (_, j) => counter.reserve([{ key: `k${i + j}`, max: 1, windowMs: 60_000 }])));
    }
    await a.expiring<number>('enos:sessions').set('t', 1, clock.now() + 60_000);
    expect(await raw.dbsize()).toBeGreaterThan(1_200);
    await a.resetAttempts();
    expect((await raw.keys('many:*')).sort()).toEqual(['many:enos:sessions:entry:t', 'many:enos:sessions:index:entry']);
    await a.reset();
    expect(await raw.keys('many:*')).toEqual([]);
  });

  it('keeps its keys as the README says, each with an expiry for garbage collection only', async () => {
    const { clock, a } = await twoInstances('layout');
    await a.expiring<{ user: string }>('enos:sessions').set('tenant:1/tok%en', { user: 'alice' }, clock.now() + 60_000);
    await a.attempts('enos:login').reserve([{ key: 'account\u0000alice', max: 3, windowMs: 60_000 }]);
    await a.sessionSlots('xelion:slots').claim('master/arnon/iphone', 's1', clock.now() + 60_000);
    expect((await raw.keys('layout:*')).sort()).toEqual([
      'layout:enos:login:attempt:account\u0000alice',
      'layout:enos:login:index:attempt',
      'layout:enos:sessions:entry:tenant%3A1/tok%25en',
      'layout:enos:sessions:index:entry',
      'layout:xelion:slots:slot:master/arnon/iphone',
    ]);
    expect(await raw.hgetall('layout:enos:sessions:entry:tenant%3A1/tok%25en')).toEqual({ value: '{"user":"alice"}', expiresAt: String(clock.now() + 60_000) });
    expect(await raw.hgetall('layout:xelion:slots:slot:master/arnon/iphone')).toEqual({ holder: 's1', expiresAt: String(clock.now() + 60_000) });
    for (const key of await raw.keys('layout:*')) {
      const ttl = await raw.pttl(key);
      // The logical minute plus an hour of grace, give or take the test's own time.
      expect(ttl).toBeGreaterThan(3_600_000 + 50_000);
      expect(ttl).toBeLessThanOrEqual(3_660_000);
    }
  });

  it('bounds what an expired index holds: a thousand expired entries leave room and are purged by later writes', async () => {
    const { clock, a } = await twoInstances();
    const store = a.expiring<number>('s', { capacity: 1_000 });
    const index = `${a.namespace}:s:index:entry`;
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => store.set(`k${i}`, i, clock.now() + 1_000)));
    clock.advance(1_000);
    expect(await store.set('fresh', 1, clock.now() + 1_000)).toBe(true);
    // One write drops at most one batch (100) of the expired members, never all of them at once.
    expect(await raw.zcard(index)).toBe(1_000 - 100 + 1);
    for (let i = 0; i < 9; i++) await store.set(`fresh${i}`, i, clock.now() + 1_000);
    expect(await raw.zcard(index)).toBe(10);
  });

  it('refuses a value with no JSON form, and a store name that would clash with the key layout', async () => {
    const { clock, a } = await twoInstances();
    await expect(a.expiring<undefined>('s').set('k', undefined, clock.now() + 1_000)).rejects.toThrow(TypeError);
    expect(() => a.expiring('enos:entry:x')).toThrow(/invalid store name/);
    expect(() => a.attempts('')).toThrow(/invalid store name/);
    await expect(connectRedisStores({ url: redis.url, clock, namespace: 'a:b' })).rejects.toThrow(/invalid Redis namespace/);
  });
});
