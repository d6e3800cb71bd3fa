/**
 * Several servers loaded at the same time, each by its own load generator
 * with the same connections, on a shared CPU: the machine's speed (which
 * drifts by a third from one second to the next on a shared VM) then
 * changes all alike, and the ratio of their throughputs is the ratio of the
 * work each does per request. A round is repeated and the medians kept.
 */
import { load, type LoadRequest, type LoadResult } from './load.js';
import { median } from './stats.js';

export interface Candidate {
  name: string;
  /** The request of a round: called before each, so that a token can be fresh. */
  request: () => Promise<LoadRequest> | LoadRequest;
  expectStatus: number;
}

export interface AtOnce {
  /** Median requests per second and p99 of each candidate, in the order given. */
  results: { rps: number; p99Ms: number }[];
  /** Median over the rounds of candidate a's throughput ÷ candidate b's. */
  ratio(a: number, b: number): number;
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
  for (let round = 0; round < rounds; round++) {
    const requests = await Promise.all(candidates.map((c) => c.request()));
    const run = (duration: number) => Promise.all(candidates.map((c, i) => load(requests[i] as LoadRequest, { seconds: duration, connections, expectStatus: c.expectStatus })));
    await run(0.5); // warm-up: JIT and connections
    const results = await run(seconds);
    results.forEach((r, i) => {
      if (r.unexpected > 0) throw new Error(`${label}: ${r.unexpected} of ${r.requests} answers of ${(candidates[i] as Candidate).name} were not ${(candidates[i] as Candidate).expectStatus} or failed: not a measurement`);
    });
    all.push(results);
    onRound?.(round, results);
  }
  return {
    results: candidates.map((_, i) => ({ rps: median(all.map((r) => (r[i] as LoadResult).requestsPerSecond)), p99Ms: median(all.map((r) => (r[i] as LoadResult).p99Ms)) })),
    ratio: (a, b) => median(all.map((r) => (r[a] as LoadResult).requestsPerSecond / (r[b] as LoadResult).requestsPerSecond)),
  };
}
