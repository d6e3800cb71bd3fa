/**
 * The fetch every client sends through: a timeout per attempt, the opt-in
 * retry of 429 and 503 after `Retry-After`, and the errors for no answer.
 * It wraps the `fetch` a caller gives (or the global one), so that retries
 * made by middleware (the auth layer's) go through it too.
 *
 * @module
 */
import { answerOf, noteAnswer } from './answers.js';
import { type Clock, type Sleep, systemClock, systemSleep } from './clock.js';
import { type Secrets, safeUrl } from './redact.js';
import { NetworkError, TimeoutError } from './response-errors.js';
import { retryAfterMs } from './retry-after.js';

export type Fetch = (input: Request) => Promise<Response>;

/** When a refusal that asks to be retried later (429, 503) is retried. */
export interface RetryOptions {
  /** Attempts in all, the first included (3 by default). */
  attempts?: number;
  /**
   * The longest the client waits in all across retries (30 s by default). A
   * `Retry-After` that would pass it is not waited for: the refusal is raised,
   * its `retryAfterSeconds` saying when to come back.
   */
  maxWaitMs?: number;
  /** The wait when an answer has no `Retry-After`, doubled at each retry (1 s by default). */
  delayMs?: number;
}

export interface TransportOptions {
  /** Abort each attempt that has no answer after this many milliseconds (a `TimeoutError`). No timeout by default. */
  timeoutMs?: number;
  /** Retry 429 and 503 answers after their `Retry-After`: `true` for the defaults of {@link RetryOptions}. Off by default. */
  retry?: boolean | RetryOptions;
  /** Reads an HTTP-date `Retry-After`; the auth layer dates tokens by it too. */
  clock?: Clock;
  /** How a retry waits; injected so that tests do not wait. */
  sleep?: Sleep;
  /** How a timeout is made (`AbortSignal.timeout`); injected so that tests do not wait. */
  timeoutSignal?: (ms: number) => AbortSignal;
}

/** The statuses that say "not now": an attempt limit and a busy server. Both answer before doing anything, so any request may be sent again. */
export const RETRIED_STATUSES: readonly number[] = [429, 503];

export function createTransport(api: string, fetch: Fetch, options: TransportOptions = {}, secrets?: Secrets): Fetch {
  const { timeoutMs, clock = systemClock, sleep = systemSleep, timeoutSignal = (ms: number) => AbortSignal.timeout(ms) } = options;
  const retry = options.retry === true ? {} : options.retry || { attempts: 1 };
  const { attempts = 3, maxWaitMs = 30_000, delayMs = 1_000 } = retry;
  // openapi-fetch passes its `requestInitExt` (an undici dispatcher, say) as a second argument: keep it.
  const send = fetch as (input: Request, init?: unknown) => Promise<Response>;

  async function attempt(request: Request, init: unknown): Promise<Response> {
    await secrets?.addFrom(request);
    const timeout = timeoutMs === undefined ? undefined : timeoutSignal(timeoutMs);
    const sent = timeout ? new Request(request, { signal: AbortSignal.any([request.signal, timeout]) }) : request;
    let response: Response;
    try {
      response = await send(sent, init);
    } catch (error) {
      // The caller's own abort stays theirs.
      if (request.signal.aborted) throw error;
      const line = { method: request.method, url: safeUrl(request.url) };
      if (timeout?.aborted && timeoutMs !== undefined) throw new TimeoutError(api, line, timeoutMs, error);
      throw new NetworkError(api, line, error);
    }
    if (!answerOf(response)) noteAnswer(response, request, secrets);
    return response;
  }

  return async (request: Request, init?: unknown): Promise<Response> => {
    let waited = 0;
    for (let n = 1; ; n++) {
      const last = n >= attempts;
      // fetch consumes a body: send a copy while the original may be needed again.
      const response = await attempt(last ? request : request.clone(), init);
      if (last || !RETRIED_STATUSES.includes(response.status)) return response;
      const wait = retryAfterMs(response.headers.get('retry-after'), clock.now()) ?? delayMs * 2 ** (n - 1);
      if (waited + wait > maxWaitMs) return response;
      await response.body?.cancel();
      await sleep(wait, request.signal);
      waited += wait;
    }
  };
}
