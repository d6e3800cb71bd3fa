import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

type Launch = (command: string, args: string[]) => [string, string[]];

/**
 * On a machine with two or more CPUs and `taskset`, the servers compared
 * share one CPU and the load generator runs on another, so that the servers
 * compete only with each other. A child inherits its parent's CPUs, so what
 * must use every CPU (hashing on libuv's threads, the build) is launched
 * with all of them again (`everyCpu`).
 */
export function cpuPinning(): { server: Launch; everyCpu: Launch; pinSelf(): void; note: string } {
  let taskset = false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    taskset = availableParallelism() >= 2;
  } catch {
    taskset = false;
  }
  const asIs: Launch = (command, args) => [command, args];
  if (!taskset) return { server: asIs, everyCpu: asIs, pinSelf: () => {}, note: 'servers and load generator unpinned (no taskset or one CPU)' };
  const all = `0-${availableParallelism() - 1}`;
  return {
    server: (command, args) => ['taskset', ['-c', '1', command, ...args]],
    everyCpu: (command, args) => ['taskset', ['-c', all, command, ...args]],
    pinSelf: () => execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' }),
    note: 'servers compared at once pinned to CPU 1, load generators to CPU 0; hashing, memory and build on every CPU',
  };
}
