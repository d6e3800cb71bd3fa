import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
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
