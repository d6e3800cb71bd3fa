import { describe, expect, it } from 'vitest';
import { HashingBusyError, HashingPool } from './hashing-pool.js';

/** A task that finishes when the test says so. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { task: () => opened.then(() => 'done'), open };
}

describe('HashingPool', () => {
  it('runs `concurrency` tasks at once, queues `queue` more, and refuses the next at once', async () => {
    const pool = new HashingPool({ concurrency: 2, queue: 1, maxWaitMs: 60_000 });
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g) => pool.run(g.task));
    expect(pool.load).toEqual({ running: 2, waiting: 1 });
    await expect(pool.run(gate().task)).rejects.toEqual(new HashingBusyError(60));
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual(['done', 'done', 'done']);
    expect(pool.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a waiting task whose turn does not come in time, and runs the next in order', async () => {
    const pool = new HashingPool({ concurrency: 1, queue: 5, maxWaitMs: 20 });
    const first = gate();
    const running = pool.run(first.task);
    const late = pool.run(gate().task);
    await expect(late).rejects.toBeInstanceOf(HashingBusyError);
    expect(pool.load.waiting).toBe(0);
    const next = pool.run(async () => 'next');
    first.open();
    expect(await running).toBe('done');
    expect(await next).toBe('next');
  });

  it('refuses at once a task whose turn would not come in time at the pace of recent hashes, though the queue has room', async () => {
    let now = 0;
    const pool = new HashingPool({ concurrency: 2, queue: 32, maxWaitMs: 1_000, now: () => now });
    // Before any hash is timed, the queue alone bounds the waiting.
    const first = [gate(), gate()];
    const runs = first.map((g) => pool.run(g.task));
    now = 400;
    for (const g of first) g.open();
    await Promise.all(runs);
    // Hashes take 400 ms, two at once: the 5th waiter's turn would come after 1,000 ms, the 6th's after 1,200.
    const running = [gate(), gate()];
    const busy = running.map((g) => pool.run(g.task));
    const waiters = Array.from({ length: 5 }, () => gate());
    const waiting = waiters.map((g) => pool.run(g.task));
    expect(pool.load).toEqual({ running: 2, waiting: 5 });
    await expect(pool.run(gate().task)).rejects.toBeInstanceOf(HashingBusyError);
    expect(pool.load).toEqual({ running: 2, waiting: 5 });
    for (const g of [...running, ...waiters]) g.open();
    expect(await Promise.all([...busy, ...waiting])).toHaveLength(7);
  });

  it('frees its place when a task fails', async () => {
    const pool = new HashingPool({ concurrency: 1, queue: 0 });
    await expect(pool.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await pool.run(async () => 1)).toBe(1);
  });
});
