import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { HashingBusyError, HashingPool } from '../hashing-pool.js';
import { memoryStores } from '../stores/memory.js';
import { ControlledClock } from './controlled-clock.js';
import { ControlledHashingPool } from './controlled-hashing.js';
import { controlledStores } from './controlled-stores.js';
import { Faults, InjectedFault } from './faults.js';

describe('controlledStores', () => {
  it('empties every store on reset, without new store objects', async () => {
    const clock = new ManualClock();
    const stores = controlledStores(() => memoryStores(clock), new Faults());
    const sessions = stores.expiring<string>('api:sessions');
    const slots = stores.sessionSlots('api:slots');
    await sessions.set('a', 'x', clock.now() + 1000);
    await slots.claim('k', 'a', clock.now() + 1000);
    stores.reset();
    expect(await sessions.get('a')).toBeUndefined();
    expect(await slots.claim('k', 'b', clock.now() + 1000)).toEqual({ claimed: true });
    expect(stores.names).toEqual(['api:sessions', 'api:slots']);
  });

  it('fails as many calls as an error fault says, then works again', async () => {
    const clock = new ManualClock();
    const faults = new Faults();
    const store = controlledStores(() => memoryStores(clock), faults).expiring<string>('s');
    faults.arm({ kind: 'error', count: 2 });
    await expect(store.get('a')).rejects.toBeInstanceOf(InjectedFault);
    await expect(store.set('a', 'x', clock.now() + 1)).rejects.toBeInstanceOf(InjectedFault);
    expect(await store.set('a', 'x', clock.now() + 1)).toBe(true);
  });

  it('finds no room in the named store only, while a full fault lasts', async () => {
    const clock = new ManualClock();
    const faults = new Faults();
    const stores = controlledStores(() => memoryStores(clock), faults);
    const sessions = stores.expiring<string>('api:sessions');
    const codes = stores.expiring<string>('api:codes');
    faults.arm({ kind: 'full', store: 'api:sessions' });
    expect(await codes.set('a', 'x', clock.now() + 1)).toBe(true);
    expect(await sessions.set('a', 'x', clock.now() + 1)).toBe(false);
    expect(await sessions.get('a')).toBeUndefined();
    expect(await sessions.set('a', 'x', clock.now() + 1)).toBe(true);
    expect(() => faults.arm({ kind: 'full' })).toThrow('names its store');
  });

  it('is no thenable, so that awaiting a store by mistake does not hang', async () => {
    const store = controlledStores(() => memoryStores(new ManualClock()), new Faults()).expiring('s');
    expect(await store).toBe(store);
  });
});

describe('ControlledHashingPool', () => {
  it('refuses as a full pool while a busy fault lasts, and runs in the shared pool otherwise', async () => {
    const faults = new Faults();
    const pool = new ControlledHashingPool(new HashingPool({ concurrency: 1 }), faults);
    faults.arm({ kind: 'busy' });
    await expect(pool.run(async () => 1)).rejects.toBeInstanceOf(HashingBusyError);
    expect(await pool.run(async () => 2)).toBe(2);
  });
});

describe('ControlledClock', () => {
  it('follows the system time until frozen, then moves only when told, and runs on from there', () => {
    const clock = new ControlledClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    clock.freeze();
    const frozen = clock.now();
    clock.advance(20_000);
    expect(clock.now()).toBe(frozen + 20_000);
    clock.thaw();
    expect(clock.now()).toBeGreaterThanOrEqual(frozen + 20_000);
    expect(() => clock.advance(-1)).toThrow('forward');
  });

  it('goes back to the system time, running, on reset, from ahead and frozen alike', () => {
    const clock = new ControlledClock();
    clock.advance(10 * 365 * 24 * 3_600_000);
    clock.freeze();
    clock.reset();
    expect(clock.frozen).toBe(false);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });
});
