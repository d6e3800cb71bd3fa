import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  /** Answers counted (every status). */
  requests: number;
  /** Answers whose status was not the one expected, and connection errors: a run with any is not a measurement. */
  unexpected: number;
}

export interface LoadOptions {
  connections: number;
  expectStatus: number;
  /** Measured seconds, for a run bounded in time. */
  seconds?: number;
  /** Requests to send, for a run bounded in count; `maxSeconds` then bounds it in time too. */
  amount?: number;
  maxSeconds?: number;
  /** Requests per second in all, for a probe that must not load the server itself. */
  rate?: number;
}

/**
 * Drives one URL with autocannon on loopback with `connections` kept busy,
 * for `seconds`, or for `amount` requests but never longer than
 * `maxSeconds` (autocannon ignores its duration when given an amount, so
 * a timer stops it; a run cut short answers fewer `requests`).
 */
export async function load(request: LoadRequest, { connections, expectStatus, seconds, amount, maxSeconds = 120, rate }: LoadOptions): Promise<LoadResult> {
  let unexpected = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const bound = amount === undefined ? { duration: seconds ?? 1 } : { amount };
    const instance = autocannon({ ...request, connections, ...bound, ...(rate === undefined ? {} : { overallRate: rate }) }, (err, done) => (err ? reject(err) : resolve(done)));
    instance.on('response', (_client, statusCode) => {
      if (statusCode !== expectStatus) unexpected++;
    });
    if (amount !== undefined) timer = setTimeout(() => instance.stop(), maxSeconds * 1000);
  });
  clearTimeout(timer);
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    unexpected: unexpected + result.errors + result.timeouts,
  };
}
