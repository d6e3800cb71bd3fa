/**
 * The Redis stores answer as the in-memory ones do: the same seeded
 * sequence of calls, on two manual clocks moved alike, against both, every
 * answer compared. Times move in whole seconds, where the in-memory stores
 * (which may count an entry until the end of its second) are exact too.
 */
import { ManualClock, memoryStores, type Reservation, type Stores } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { storesOnRedis } from './stores-on-redis.fixture.js';
import { redisDescribeTitle, redisServerMissing } from './testing/redis-server.js';

/** A small seeded generator (mulberry32): a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Side {
  clock: ManualClock;
  stores: Stores;
}

describe.skipIf(redisServerMissing())(redisDescribeTitle('redis stores against the in-memory ones'), () => {
  const open = storesOnRedis();

  async function sides(namespace: string): Promise<[Side, Side]> {
    const memoryClock = new ManualClock();
    const redisClock = new ManualClock();
    return [
      { clock: memoryClock, stores: memoryStores(memoryClock) },
      { clock: redisClock, stores: await open(redisClock, namespace) },
    ];
  }

  for (const seed of [1, 2, 3]) {
    it(`answers attempt reservations, releases and clears alike (seed ${seed})`, async () => {
      const next = random(seed);
      const both = await sides(`diff-attempts-${seed}`);
      const limits = [
        { key: 'pair', max: 2, windowMs: 10_000 },
        { key: 'account', max: 4, windowMs: 10_000 },
        { key: 'address', max: 6, windowMs: 30_000 },
        { key: 'other', max: 1, windowMs: 5_000 },
        { key: 'more', max: 3, windowMs: 20_000 },
      ];
      const counters = both.map((s) => s.stores.attempts('login', { capacity: 4 }));
      const granted: [Reservation & { granted: true }, Reservation & { granted: true }][] = [];
      for (let step = 0; step < 400; step++) {
        const op = next(10);
        if (op < 6) {
          const chosen = limits.filter(() => next(2) === 1);
          const answers = await Promise.all(counters.map((c) => c.reserve(chosen)));
          const [m, r] = answers as [Reservation, Reservation];
          expect({ step, granted: r.granted, retryAfterMs: r.granted ? undefined : r.retryAfterMs }).toEqual({ step, granted: m.granted, retryAfterMs: m.granted ? undefined : m.retryAfterMs });
          if (m.granted && r.granted) granted.push([m, r]);
        } else if (op === 6 && granted.length > 0) {
          const [m, r] = granted.splice(next(granted.length), 1)[0] as [Reservation & { granted: true }, Reservation & { granted: true }];
          await counters[0]?.release(m);
          await counters[1]?.release(r);
        } else if (op === 7) {
          const keys = limits.filter(() => next(3) === 0).map((l) => l.key);
          await Promise.all(counters.map((c) => c.clear(keys)));
        } else {
          const seconds = 1 + next(8);
          for (const side of both) side.clock.advance(seconds * 1_000);
        }
      }
    });

    it(`answers expiring stores and session slots alike (seed ${seed})`, async () => {
      const next = random(100 + seed);
      const both = await sides(`diff-expiring-${seed}`);
      const stores = both.map((s) => s.stores.expiring<{ n: number }>('values', { capacity: 3 }));
      const slots = both.map((s) => s.stores.sessionSlots('slots'));
      const keys = ['a', 'b', 'c', 'd', 'e'];
      const ids = ['s1', 's2', 's3'];
      for (let step = 0; step < 400; step++) {
        const key = keys[next(keys.length)] as string;
        const id = ids[next(ids.length)] as string;
        const other = ids[next(ids.length)] as string;
        const seconds = (next(6) - 1) * 1_000;
        const calls: ((side: number) => Promise<unknown>)[] = [
          (i) => stores[i]!.get(key),
          (i) => stores[i]!.set(key, { n: step }, (both[i] as Side).clock.now() + seconds),
          (i) => stores[i]!.extend(key, (both[i] as Side).clock.now() + seconds),
          (i) => stores[i]!.take(key),
          (i) => stores[i]!.delete(key),
          (i) => slots[i]!.get(key),
          (i) => slots[i]!.claim(key, id, (both[i] as Side).clock.now() + seconds),
          (i) => slots[i]!.replace(key, id, other, (both[i] as Side).clock.now() + seconds),
          (i) => slots[i]!.release(key, id),
        ];
        const op = next(calls.length + 2);
        if (op >= calls.length) {
          const seconds = 1 + next(3);
          for (const side of both) side.clock.advance(seconds * 1_000);
          continue;
        }
        const call = calls[op] as (side: number) => Promise<unknown>;
        const [m, r] = [await call(0), await call(1)];
        expect({ step, op, answer: r }).toEqual({ step, op, answer: m });
      }
    });
  }
});
