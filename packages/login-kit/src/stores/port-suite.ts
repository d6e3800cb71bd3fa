/**
 * The tests every store adapter must pass: the ports' contract, parallel
 * bursts included. An adapter's test file calls `describeStores` with a
 * factory that builds its stores on a manual clock.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { Stores } from './ports.js';

/** Builds fresh stores on `clock` for one test; names are unique per call so that shared backends do not mix tests. */
export type StoresFactory = (clock: ManualClock, name: string) => Stores | Promise<Stores>;

let counter = 0;

async function setup(make: StoresFactory) {
  const clock = new ManualClock();
  const stores = await make(clock, `t${process.pid}-${Date.now()}-${counter++}`);
  return { clock, stores, now: () => clock.now() };
}

const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

export function describeStores(adapter: string, make: StoresFactory): void {
  describe(`${adapter}: ExpiringStore`, () => {
    it('answers a value until its expiry and never after', async () => {
      const { clock, stores, now } = await setup(make);
      const store = stores.expiring<{ user: string }>('s');
      expect(await store.set('k', { user: 'alice' }, now() + 20_000)).toBe(true);
      clock.advance(19_999);
      expect(await store.get('k')).toEqual({ user: 'alice' });
      clock.advance(1);
      expect(await store.get('k')).toBeUndefined();
      expect(await store.take('k')).toBeUndefined();
    });

    it('extends a live value, and never revives one that expired', async () => {
      const { clock, stores, now } = await setup(make);
      const store = stores.expiring<string>('s');
      await store.set('session', 'v', now() + 1_000);
      expect(await store.extend('session', now() + 5_000)).toBe(true);
      clock.advance(4_999);
      expect(await store.get('session')).toBe('v');
      clock.advance(1);
      expect(await store.extend('session', now() + 5_000)).toBe(false);
      expect(await store.get('session')).toBeUndefined();
      expect(await store.extend('never-set', now() + 5_000)).toBe(false);
    });

    it('lets a value be taken once, even by a burst of parallel takers', async () => {
      const { stores, now } = await setup(make);
      const store = stores.expiring<string>('s');
      await store.set('code', '123456', now() + 60_000);
      const taken = await times(20, () => store.take('code'));
      expect(taken.filter((v) => v !== undefined)).toEqual(['123456']);
      expect(await store.get('code')).toBeUndefined();
    });

    it('deletes, answering whether a live value went', async () => {
      const { clock, stores, now } = await setup(make);
      const store = stores.expiring<number>('s');
      await store.set('a', 1, now() + 1_000);
      await store.set('b', 2, now() + 1_000);
      expect(await store.delete('a')).toBe(true);
      expect(await store.delete('a')).toBe(false);
      clock.advance(1_000);
      expect(await store.delete('b')).toBe(false);
    });

    it('keeps at most its capacity of live entries, updates included, and has room again once they expire', async () => {
      const { clock, stores, now } = await setup(make);
      const store = stores.expiring<number>('s', { capacity: 3 });
      expect(await times(5, (i) => store.set(`k${i}`, i, now() + 1_000))).toEqual([true, true, true, false, false]);
      expect(await store.set('k0', 10, now() + 5_000)).toBe(true);
      expect(await store.get('k0')).toBe(10);
      clock.advance(1_000);
      expect(await store.set('k3', 3, now() + 1_000)).toBe(true);
      expect(await store.set('k4', 4, now() + 1_000)).toBe(true);
      expect(await store.set('k5', 5, now() + 1_000)).toBe(false);
    });

    it('keeps stores of different names apart', async () => {
      const { stores, now } = await setup(make);
      await stores.expiring<number>('a').set('k', 1, now() + 1_000);
      expect(await stores.expiring<number>('b').get('k')).toBeUndefined();
    });
  });

  describe(`${adapter}: AttemptCounter`, () => {
    const limit = (key: string, max = 3) => ({ key, max, windowMs: 60_000 });

    it('grants `max` attempts inside the window, then refuses until the oldest leaves it', async () => {
      const { clock, stores } = await setup(make);
      const counter = stores.attempts('a');
      for (let i = 0; i < 3; i++) {
        expect((await counter.reserve([limit('alice')])).granted).toBe(true);
        clock.advance(10_000);
      }
      expect(await counter.reserve([limit('alice')])).toEqual({ granted: false, retryAfterMs: 30_000 });
      clock.advance(30_000);
      expect((await counter.reserve([limit('alice')])).granted).toBe(true);
      expect((await counter.reserve([limit('bob')])).granted).toBe(true);
    });

    it('grants exactly `max` of a burst of parallel attempts', async () => {
      const { stores } = await setup(make);
      const counter = stores.attempts('a');
      const burst = await times(50, () => counter.reserve([limit('alice', 5)]));
      expect(burst.filter((r) => r.granted)).toHaveLength(5);
    });

    it('reserves under every limit or under none', async () => {
      const { stores } = await setup(make);
      const counter = stores.attempts('a');
      await counter.reserve([limit('address', 1)]);
      expect((await counter.reserve([limit('account', 2), limit('address', 1)])).granted).toBe(false);
      // The refused attempt took no place under the account's limit.
      expect((await counter.reserve([limit('account', 2)])).granted).toBe(true);
      expect((await counter.reserve([limit('account', 2)])).granted).toBe(true);
      expect((await counter.reserve([limit('account', 2)])).granted).toBe(false);
    });

    it('gives a released place back, and forgets cleared keys', async () => {
      const { stores } = await setup(make);
      const counter = stores.attempts('a');
      const first = await counter.reserve([limit('alice', 1), limit('address', 5)]);
      expect((await counter.reserve([limit('alice', 1)])).granted).toBe(false);
      if (!first.granted) throw new Error('the first attempt was refused');
      await counter.release(first);
      expect((await counter.reserve([limit('alice', 1)])).granted).toBe(true);
      await counter.clear(['alice']);
      expect((await counter.reserve([limit('alice', 1)])).granted).toBe(true);
    });

    it('refuses new keys past its capacity, as over their limit', async () => {
      const { clock, stores } = await setup(make);
      const counter = stores.attempts('a', { capacity: 2 });
      expect((await counter.reserve([limit('a')])).granted).toBe(true);
      expect((await counter.reserve([limit('b')])).granted).toBe(true);
      expect(await counter.reserve([limit('c')])).toEqual({ granted: false, retryAfterMs: 60_000 });
      expect((await counter.reserve([limit('a')])).granted).toBe(true);
      clock.advance(60_000);
      expect((await counter.reserve([limit('c')])).granted).toBe(true);
    });
  });

  describe(`${adapter}: SessionSlots`, () => {
    it('lets one of a burst of logins claim an empty slot, and tells the others who holds it', async () => {
      const { stores, now } = await setup(make);
      const slots = stores.sessionSlots('x');
      const claims = await times(20, (i) => slots.claim('master/arnon/iphone', `s${i}`, now() + 60_000));
      const won = claims.flatMap((c, i) => (c.claimed ? [`s${i}`] : []));
      expect(won).toHaveLength(1);
      expect(claims.filter((c) => !c.claimed)).toEqual(Array(19).fill({ claimed: false, holder: won[0] }));
      expect(await slots.get('master/arnon/iphone')).toBe(won[0]);
    });

    it('frees a slot when its session expires', async () => {
      const { clock, stores, now } = await setup(make);
      const slots = stores.sessionSlots('x');
      await slots.claim('k', 'old', now() + 1_000);
      clock.advance(1_000);
      expect(await slots.claim('k', 'new', now() + 1_000)).toEqual({ claimed: true });
    });

    it('replaces and releases only what the slot still holds', async () => {
      const { stores, now } = await setup(make);
      const slots = stores.sessionSlots('x');
      await slots.claim('k', 's1', now() + 1_000);
      expect(await slots.replace('k', 's0', 's2', now() + 1_000)).toBe(false);
      expect(await slots.replace('k', 's1', 's2', now() + 1_000)).toBe(true);
      expect(await slots.release('k', 's1')).toBe(false);
      expect(await slots.release('k', 's2')).toBe(true);
      expect(await slots.get('k')).toBeUndefined();
    });
  });
}
