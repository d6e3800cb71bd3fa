import type { Launch } from './servers.js';

/** What every section is given: how long to measure, and where the servers run. */
export interface Settings {
  quick: boolean;
  /** Measured seconds per round of a throughput comparison. */
  seconds: number;
  rounds: number;
  connections: number;
  /** Launches a server on the CPU the servers share (see cpus.ts). */
  pinned: Launch;
  /** Launches a child on every CPU: hashing and building need them all. */
  everyCpu: Launch;
  /** Where the servers and load generators run, for the report. */
  cpuNote: string;
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
