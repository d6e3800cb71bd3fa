/**
 * The Xelion auth layer against the reference server, its clock moved by
 * the test controls: the session renewed with its renewal token (the renew
 * operation) before `validUntil`, a new login once the server has ended
 * it, and the session token sent as `Authorization: xelion <token>`.
 */
import { describe, expect, it } from 'vitest';
import { useControlledServer } from '../../client-kit/src/testing/controlled-server.js';
import { recordingFetch } from '../../client-kit/src/testing/recording-fetch.js';
import { createXelionAuth } from './auth.js';
import { createXelionClient, type LoginCredentials } from './client.js';
import { XelionApiError } from './errors.js';

const credentials: LoginCredentials = { userName: 'arnon', password: 'arnons secret', userSpace: 'auth-test' };
/** A session's lifetime on the reference server (`x-token-lifetime-seconds` of the login). */
const LIFETIME_MS = 3_600_000;
const LOGIN = 'POST /api/v1/master/me/login';
const RENEW = 'POST /api/v1/master/me/renew';
const server = useControlledServer('xelion');

function setup(given = credentials) {
  const recorder = recordingFetch(server.baseUrl);
  const client = createXelionClient({ baseUrl: server.baseUrl, tenant: 'master', fetch: recorder.fetch, clock: server.clock });
  const auth = createXelionAuth(client, given);
  return { client, auth, ...recorder };
}

describe('createXelionAuth against the reference server', () => {
  it('logs in once for concurrent callers, and sends the token as Authorization: xelion <token>', async () => {
    const { auth, lines, calls } = setup();
    const [a, b] = await Promise.all([auth.token(), auth.token()]);
    expect(a).toBe(b);
    await auth.logout();
    expect(lines()).toEqual([`${LOGIN} 200`, 'POST /api/v1/master/me/logout 204']);
    expect(calls.at(-1)?.authorization).toBe(`xelion ${a}`);
  });

  it('renews with the renewal token a minute before validUntil, once for every waiting caller', async () => {
    const { auth, lines, calls } = setup();
    const token = await auth.token();
    await server.advance(LIFETIME_MS - 60_000);
    const renewed = await Promise.all([auth.token(), auth.token(), auth.token()]);
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(token);
    expect(lines()).toEqual([`${LOGIN} 200`, `${RENEW} 200`]);
    expect(calls[1]?.authorization).toBe(`xelion ${token}`);
  });

  it('logs in again when the server has ended the session, and the renewal is refused', async () => {
    const { auth, lines } = setup();
    const token = await auth.token();
    await server.advance(LIFETIME_MS + 1_000);
    expect(await auth.token()).not.toBe(token);
    expect(lines()).toEqual([`${LOGIN} 200`, `${RENEW} 401`, `${LOGIN} 200`]);
  });

  it('raises a refused login, without the password', async () => {
    const { auth } = setup({ ...credentials, password: 'not arnons secret' });
    const error = await auth.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XelionApiError);
    expect((error as XelionApiError).status).toBe(401);
    expect(JSON.stringify({ message: (error as Error).message, body: (error as XelionApiError).body })).not.toContain('not arnons secret');
  });
});
