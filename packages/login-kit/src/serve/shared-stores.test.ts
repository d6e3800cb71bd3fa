import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { memoryStores } from '../stores/memory.js';
import { connectEach, maskRedisUrl, redactRedisUrl, redisConnector, type SharedStores } from './shared-stores.js';

describe('Redis URLs in what is printed', () => {
  it('masks the password, and only it', () => {
    expect(maskRedisUrl('redis://:hunter2@127.0.0.1:6379/2')).toBe('redis://:***@127.0.0.1:6379/2');
    expect(maskRedisUrl('rediss://app:hunter2@cache.internal:6380')).toBe('rediss://app:***@cache.internal:6380');
    expect(maskRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(maskRedisUrl('not a url hunter2')).toBe('redis://…');
  });

  it("takes the URL and its password out of a client's message", () => {
    const url = 'redis://:p%40ss@127.0.0.1:6379';
    expect(redactRedisUrl(`cannot reach ${url}: WRONGPASS p@ss`, url)).toBe('cannot reach redis://:***@127.0.0.1:6379: WRONGPASS ***');
  });
});

const fake = (closed: string[], name: string): SharedStores => ({
  ...memoryStores(new ManualClock()),
  resetAttempts: async () => {},
  reset: async () => {},
  close: async () => void closed.push(name),
});

describe('redisConnector and connectEach', () => {
  it('loads the module once and gives each API its own namespace', async () => {
    const calls: string[] = [];
    let loads = 0;
    const connect = redisConnector('redis://127.0.0.1:6379', async () => {
      loads++;
      return { connectRedisStores: async ({ namespace }) => (calls.push(namespace ?? ''), fake([], namespace ?? '')) };
    });
    const clock = new ManualClock();
    expect([...(await connectEach(connect, ['enos', 'xelion'], () => clock)).keys()]).toEqual(['enos', 'xelion']);
    expect(calls).toEqual(['loginspec-enos', 'loginspec-xelion']);
    expect(loads).toBe(1);
  });

  it('closes the connections already open when one fails', async () => {
    const closed: string[] = [];
    const connect = async (api: string) => {
      if (api === 'edr') throw new Error('ECONNREFUSED');
      return fake(closed, api);
    };
    await expect(connectEach(connect, ['enos', 'edr', 'xelion'], () => new ManualClock())).rejects.toThrow('ECONNREFUSED');
    expect(closed.sort()).toEqual(['enos', 'xelion']);
  });
});

describe('connectEach, bounded', () => {
  it('gives up on a Redis that does not answer, and closes the connection that comes too late', async () => {
    const closed: string[] = [];
    let arrive: (stores: SharedStores) => void = () => {};
    const connect = () => new Promise<SharedStores>((resolve) => (arrive = resolve));
    await expect(connectEach(connect, ['enos'], () => new ManualClock(), 20)).rejects.toThrow('no answer from Redis within 0.02 s');
    arrive(fake(closed, 'enos'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toEqual(['enos']);
  });
});
