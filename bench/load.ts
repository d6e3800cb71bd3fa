import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  /** Answers whose status was not the one expected, and connection errors: a run with any is not a measurement. */
  unexpected: number;
}

/**
 * Drives one URL with autocannon on loopback for `seconds`, with
 * `connections` kept busy. The run is bounded in time by autocannon itself.
 */
export async function load(request: LoadRequest, { seconds, connections, expectStatus }: { seconds: number; connections: number; expectStatus: number }): Promise<LoadResult> {
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...request, connections, duration: seconds }, (err, done) => (err ? reject(err) : resolve(done)));
    instance.on('response', (_client, statusCode) => {
      if (statusCode !== expectStatus) unexpected++;
    });
  });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, unexpected: unexpected + result.errors + result.timeouts };
}
