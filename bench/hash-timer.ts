/**
 * Times one hash as a login runs it: login-kit's PasswordHasher at the given
 * cost, `concurrency` hashes at once (the pool's size, so that they contend
 * for memory bandwidth as the server's do), `repeats` times. Run as a child
 * on the CPUs the server has; prints the times in ms as JSON.
 *
 *     node --import tsx bench/hash-timer.ts <N> <r> <p> <concurrency> <repeats>
 */
import { HashingPool, PasswordHasher } from '@loginspec/login-kit';

const [N, r, p, concurrency, repeats] = process.argv.slice(2).map(Number) as [number, number, number, number, number];
const hasher = new PasswordHasher({ N, r, p }, new HashingPool({ concurrency, queue: 0 }));
const stored = await hasher.hash('bench');
const times: number[] = [];
for (let i = 0; i < repeats; i++) {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const start = performance.now();
      await hasher.verify('bench', stored);
      times.push(performance.now() - start);
    }),
  );
}
console.log(JSON.stringify(times));
