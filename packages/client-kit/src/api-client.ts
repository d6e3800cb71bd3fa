import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { operationNote } from './answers.js';
import { Secrets } from './redact.js';
import { createTransport, type TransportOptions } from './transport.js';

/** What every client of this kit takes: openapi-fetch's options, and the transport's. */
export interface ApiClientOptions extends ClientOptions, TransportOptions {}

/**
 * The openapi-fetch client every loginspec client is built on: requests go
 * through the transport (timeout, retry of 429/503, `NetworkError`), and
 * each answer is noted with its request, for the error reader.
 */
export function createApiClient<Paths extends {}>(api: string, options: ApiClientOptions = {}): Client<Paths> {
  const { timeoutMs, retry, clock, sleep, timeoutSignal, fetch, ...rest } = options;
  refuseCredentialsIn(api, rest.baseUrl);
  // Looked up when a request is sent, not now: a test may replace the global fetch after the client is made.
  const base = fetch ?? ((request: Request) => globalThis.fetch(request));
  const transport = createTransport(api, base, { timeoutMs, retry, clock, sleep, timeoutSignal }, new Secrets());
  const client = createClient<Paths>({ ...rest, fetch: transport });
  client.use(operationNote);
  return client;
}

/**
 * A base URL with `user:password@` would be refused by fetch with an error
 * quoting it, credentials included; say so at once, quoting nothing. Each
 * API documents where its credentials go, and the auth layer puts them there.
 */
function refuseCredentialsIn(api: string, baseUrl: string | undefined): void {
  if (baseUrl === undefined || !URL.canParse(baseUrl)) return;
  const url = new URL(baseUrl);
  if (url.username !== '' || url.password !== '') throw new TypeError(`${api} client: baseUrl must not carry a user name or password; give credentials to the login or the auth layer`);
}
