/**
 * Several servers loaded at the same time, each by its own load generator
 * with the same connections, on a shared CPU: the machine's speed (which
 * drifts by a third from one second to the next on a shared VM) then
 * changes all alike. Where each candidate names its process, the ratio is
 * that of the requests each answered per second of its own CPU time: the
 * ratio of the work each does per request, which the ratio of throughputs
 * equals only while both get the same share of the CPU (one generator that
 * cannot keep its server busy, and the other takes more). A round is
 * repeated and the medians kept.
 */
import { cpuSecondsOf } from './cpu-time.js';
import { load, type LoadRequest, type LoadResult } from './load.js';
import { median } from './stats.js';

export interface Candidate {
  name: string;
  /** The request of a round: called before each, so that a token can be fresh. */
  request: () => Promise<LoadRequest> | LoadRequest;
  expectStatus: number;
  /** The candidate's process, whose CPU time per request the ratio compares; without it, throughputs are compared. */
  pid?: number;
}

export interface AtOnce {
  /** Median requests per second and p99 of each candidate, in the order given. */
  results: { rps: number; p99Ms: number }[];
  /**
   * Median over the rounds of candidate a's requests per CPU-second ÷
   * candidate b's, when both name their process and /proc told their CPU
   * time in every round; else of a's throughput ÷ b's.
   */
  ratio(a: number, b: number): number;
  /** Whether `ratio(a, b)` is by CPU time. */
  byCpu(a: number, b: number): boolean;
}

export interface Rounds {
  rounds: number;
  seconds: number;
  connections: number;
  /** Told each round's figures, for the progress line. */
  onRound?: (round: number, results: LoadResult[]) => void;
}

export async function atOnce(label: string, candidates: Candidate[], { rounds, seconds, connections, onRound }: Rounds): Promise<AtOnce> {
  const all: LoadResult[][] = [];
  /** Per round, each candidate's requests per second of its CPU time, or undefined. */
  const efficiency: (number | undefined)[][] = [];
  const cpuNow = () => candidates.map((c) => (c.pid === undefined ? undefined : cpuSecondsOf(c.pid)));
  for (let round = 0; round < rounds; round++) {
    const requests = await Promise.all(candidates.map((c) => c.request()));
    const run = (duration: number) => Promise.all(candidates.map((c, i) => load(requests[i] as LoadRequest, { seconds: duration, connections, expectStatus: c.expectStatus })));
    await run(0.5); // warm-up: JIT and connections
    const before = cpuNow();
    const results = await run(seconds);
    const after = cpuNow();
    results.forEach((r, i) => {
      if (r.unexpected > 0) throw new Error(`${label}: ${r.unexpected} of ${r.requests} answers of ${(candidates[i] as Candidate).name} were not ${(candidates[i] as Candidate).expectStatus} or failed: not a measurement`);
    });
    all.push(results);
    efficiency.push(
      results.map((r, i) => {
        const start = before[i];
        const end = after[i];
        return start === undefined || end === undefined || end <= start ? undefined : r.requests / (end - start);
      }),
    );
    onRound?.(round, results);
  }
  // One measure for every round: CPU time only when every round has it for both, never a median of the two mixed.
  const byCpu = (a: number, b: number) => efficiency.every((round) => round[a] !== undefined && round[b] !== undefined);
  const perRound = (a: number, b: number) => {
    const cpu = byCpu(a, b);
    return all.map((r, k) => (cpu ? (efficiency[k]?.[a] as number) / (efficiency[k]?.[b] as number) : (r[a] as LoadResult).requestsPerSecond / (r[b] as LoadResult).requestsPerSecond));
  };
  return {
    results: candidates.map((_, i) => ({ rps: median(all.map((r) => (r[i] as LoadResult).requestsPerSecond)), p99Ms: median(all.map((r) => (r[i] as LoadResult).p99Ms)) })),
    ratio: (a, b) => median(perRound(a, b)),
    byCpu,
  };
}
