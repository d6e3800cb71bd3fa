import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { ExpiringStore } from './expiring-store.js';

describe('ExpiringStore', () => {
  it('returns a value until its deadline and never after', () => {
    const clock = new ManualClock();
    const store = new ExpiringStore<string>(clock);
    const expiresAt = store.set('t', 'v', 20_000);
    expect(expiresAt).toBe(clock.now() + 20_000);
    clock.advance(19_999);
    expect(store.get('t')).toBe('v');
    clock.advance(1);
    expect(store.get('t')).toBeUndefined();
  });

  it('sweeps expired entries so memory follows what is live', () => {
    const clock = new ManualClock();
    const store = new ExpiringStore<number>(clock);
    for (let i = 0; i < 100; i++) store.set(`k${i}`, i, 1_000);
    clock.advance(1_000);
    store.set('fresh', 1, 1_000);
    expect(store.size).toBe(1);
  });

  it('deletes on request', () => {
    const store = new ExpiringStore<number>(new ManualClock());
    store.set('k', 1, 1_000);
    expect(store.delete('k')).toBe(true);
    expect(store.get('k')).toBeUndefined();
  });
});
