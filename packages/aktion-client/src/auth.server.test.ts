/**
 * The Aktion auth layer against the reference server, its clock moved by
 * the test controls: a 20-second token renewed before it expires, and after
 * the server refused it first.
 */
import { describe, expect, it } from 'vitest';
import { useControlledServer } from '../../client-kit/src/testing/controlled-server.js';
import { recordingFetch } from '../../client-kit/src/testing/recording-fetch.js';
import { createAktionAuth } from './auth.js';
import { createAktionClient } from './client.js';
import { AktionApiError } from './errors.js';

const credentials = { userLogin: 'John.Doo', apiKey: 'hDn/LFXIPESM036W+s7VKg==' };
const server = useControlledServer('aktion');

function setup(format: 'json' | 'xml' = 'json') {
  const recorder = recordingFetch(server.baseUrl);
  const client = createAktionClient({ baseUrl: server.baseUrl, fetch: recorder.fetch, clock: server.clock, format });
  const auth = createAktionAuth(client, credentials, { clock: server.clock });
  return { client, auth, ...recorder };
}

describe('createAktionAuth against the reference server', () => {
  it('logs in once for concurrent calls, and sends the token as Authorization: Bearer', async () => {
    const { client, auth, lines, calls } = setup('xml');
    const checks = await Promise.all([client.checkToken(), client.checkToken(), client.checkToken()]);
    expect(checks.map((c) => c.userLogin)).toEqual(['John.Doo', 'John.Doo', 'John.Doo']);
    expect(lines()).toEqual(['POST /login 200', 'GET /token 200', 'GET /token 200', 'GET /token 200']);
    expect(calls.at(-1)?.authorization).toBe(`Bearer ${auth.session?.token}`);
  });

  it('logs in again before the 20 seconds are over (renewBeforeMs: 2 s), once for every waiting call', async () => {
    const { client, auth, lines } = setup();
    await client.checkToken();
    const first = auth.session?.token;
    await server.advance(17_999);
    await client.checkToken();
    await server.advance(1);
    const [check] = await Promise.all([client.checkToken(), client.checkToken()]);
    expect(lines()).toEqual(['POST /login 200', 'GET /token 200', 'GET /token 200', 'POST /login 200', 'GET /token 200', 'GET /token 200']);
    expect(auth.session?.token).not.toBe(first);
    expect(check?.expireInSec).toBe(20);
  });

  it('when the server has let the token expire first, answers its 401 by logging in and sending the call again, once', async () => {
    const { client, lines } = setup();
    await client.checkToken();
    // The server's clock runs ahead of the client's: the client still believes its token has 15 s left.
    await server.advance(21_000, { by: 5_000 });
    expect((await client.checkToken()).userLogin).toBe('John.Doo');
    expect(lines()).toEqual(['POST /login 200', 'GET /token 200', 'GET /token 401', 'POST /login 200', 'GET /token 200']);
  });

  it('with retry, answers the attempt limit (429) by waiting what its Retry-After says, then sending the login again', async () => {
    const waits: number[] = [];
    // The wait moves the server's clock instead of taking time.
    const sleep = async (ms: number) => {
      waits.push(ms);
      await server.advance(ms);
    };
    const recorder = recordingFetch(server.baseUrl);
    const client = createAktionClient({ baseUrl: server.baseUrl, fetch: recorder.fetch, clock: server.clock, sleep, retry: { attempts: 2, maxWaitMs: 3_600_000 } });
    for (let n = 0; n < 5; n++) await expect(client.login('John.Doo', 'AAAAAAAAAAAAAAAAAAAAAA==')).rejects.toBeInstanceOf(AktionApiError);
    const limited = await createAktionClient({ baseUrl: server.baseUrl }).login('John.Doo', credentials.apiKey).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(AktionApiError);
    expect((limited as AktionApiError).status).toBe(429);
    const retryAfter = (limited as AktionApiError).retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    recorder.calls.length = 0;
    expect((await client.login('John.Doo', credentials.apiKey)).expireInSec).toBe(20);
    expect(recorder.lines()).toEqual(['POST /login 429', 'POST /login 200']);
    expect(waits).toEqual([retryAfter * 1000]);
  });

  it('raises a refused login from the call that needed it, without the API key', async () => {
    const client = createAktionClient({ baseUrl: server.baseUrl });
    createAktionAuth(client, { userLogin: 'John.Doo', apiKey: 'AAAAAAAAAAAAAAAAAAAAAA==' });
    const error = await client.checkToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AktionApiError);
    expect((error as AktionApiError).code).toBe(1003);
    expect(JSON.stringify({ message: (error as Error).message, body: (error as AktionApiError).body })).not.toContain('AAAAAAAAAAAAAAAAAAAAAA==');
  });
});
