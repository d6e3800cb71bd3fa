import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { ExpiringMap } from './expiring-map.js';
import { memoryStores } from './memory.js';
import { describeStores } from './port-suite.js';

describeStores('memory', (clock) => memoryStores(clock));

describe('memory stores', () => {
  it('hold no more than what is live: a million expired entries leave room for new ones', async () => {
    const clock = new ManualClock();
    const store = memoryStores(clock).expiring<number>('s', { capacity: 1_000 });
    for (let round = 0; round < 1_000; round++) {
      for (let i = 0; i < 1_000; i++) await store.set(`r${round}-${i}`, i, clock.now() + 1_000);
      clock.advance(1_000);
    }
    expect(await store.set('fresh', 1, clock.now() + 1_000)).toBe(true);
  });
});

describe('ExpiringMap', () => {
  it('indexes a key once however often it is written, and still drops it when its last expiry passes', () => {
    const clock = new ManualClock();
    const map = new ExpiringMap<number>(clock);
    const month = 30 * 86_400_000;
    for (let i = 0; i < 10_000; i++) {
      map.set('known', i, clock.now() + month);
      clock.advance(10);
    }
    expect(map.indexed).toBe(1);
    clock.advance(month - 50_000);
    expect(map.get('known')).toBe(9_999); // the first write's expiry passed; the last one's has not
    expect(map.indexed).toBe(1);
    clock.advance(50_000);
    expect(map.get('known')).toBeUndefined();
    expect(map.indexed).toBe(0);
  });

  it('drops a key at an expiry moved earlier, and a key deleted and set again keeps one item', () => {
    const clock = new ManualClock();
    const map = new ExpiringMap<string>(clock);
    map.set('k', 'late', clock.now() + 60_000);
    map.set('k', 'soon', clock.now() + 5_000);
    clock.advance(6_000);
    expect(map.get('k')).toBeUndefined();
    map.set('k', 'again', clock.now() + 120_000);
    map.delete('k');
    map.set('k', 'again', clock.now() + 120_000);
    clock.advance(60_000);
    expect(map.get('k')).toBe('again');
    clock.advance(61_000);
    expect(map.get('k')).toBeUndefined();
    expect(map.indexed).toBe(0);
  });
});
