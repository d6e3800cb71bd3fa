import { maskBody, maskHeaders } from './mask.js';

/** One request and its answer, as a report shows them: secrets masked, bodies cut at 2 KiB. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  /** Why there is no response (the connection failed), or why it broke the contract. */
  error?: string;
}

type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

const LIMIT = 2048;
const cut = (text: string) => (text.length > LIMIT ? `${text.slice(0, LIMIT)}… (${text.length} characters)` : text);

/**
 * Wraps a fetch so that the last `keep` exchanges can be shown when a case
 * fails: what was asked, and what came back.
 */
export class ExchangeLog {
  readonly #exchanges: Exchange[] = [];

  constructor(readonly keep = 3) {}

  get exchanges(): readonly Exchange[] {
    return this.#exchanges;
  }

  clear(): void {
    this.#exchanges.length = 0;
  }

  wrap(fetch: Fetch): Fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const body = request.body ? cut(maskBody(await request.clone().text())) : undefined;
      const exchange: Exchange = { request: { method: request.method, url: request.url, headers: maskHeaders(request.headers), ...(body === undefined ? {} : { body }) } };
      this.#exchanges.push(exchange);
      if (this.#exchanges.length > this.keep) this.#exchanges.shift();
      try {
        const response = await fetch(request);
        exchange.response = { status: response.status, headers: maskHeaders(response.headers), body: cut(maskBody(await response.clone().text())) };
        return response;
      } catch (error) {
        exchange.error = (error as Error).message;
        throw error;
      }
    };
  }
}
