import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * On a machine with two or more CPUs and `taskset`, the servers share one
 * CPU and the load generator runs on another, so that the servers compete
 * only with each other.
 */
export function cpuPinning(): { server: (command: string, args: string[]) => [string, string[]]; pinSelf(): void; note: string } {
  let taskset = false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    taskset = availableParallelism() >= 2;
  } catch {
    taskset = false;
  }
  if (!taskset) return { server: (command, args) => [command, args], pinSelf: () => {}, note: 'servers and load generator unpinned (no taskset or one CPU)' };
  return {
    server: (command, args) => ['taskset', ['-c', '1', command, ...args]],
    pinSelf: () => execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' }),
    note: 'both servers pinned to CPU 1, load generators to CPU 0',
  };
}
