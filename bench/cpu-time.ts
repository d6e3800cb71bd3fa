import { readFileSync } from 'node:fs';

/** Clock ticks a second, as Linux counts a process's CPU time in /proc (USER_HZ, 100 on every common build). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time a process has used so far, user and system, in seconds;
 * undefined where /proc cannot tell (not Linux, or the process is gone).
 */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
