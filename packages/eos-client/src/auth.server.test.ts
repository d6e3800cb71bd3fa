/**
 * The EOS auth layer against the reference server, its clock moved by the
 * test controls. EOS's credential is its session: renewed by logging in
 * again on it (the page's relogin) before it expires, and by a new session
 * (Hello, then Login) once the server no longer knows it.
 */
import { describe, expect, it } from 'vitest';
import { useControlledServer } from '../../client-kit/src/testing/controlled-server.js';
import { recordingFetch } from '../../client-kit/src/testing/recording-fetch.js';
import { createEosAuth } from './auth.js';
import { type Credentials, createEosClient } from './client.js';
import { EosApiError } from './errors.js';

const credentials: Credentials = { domain: 'customers', loginName: 'foobat', password: 'anypwd' };
/** A logged-in session's lifetime on the reference server (`x-session-lifetime-seconds` of Login). */
const LIFETIME_MS = 1_800_000;
const server = useControlledServer('eos');

function setup(given = credentials) {
  const recorder = recordingFetch(server.baseUrl);
  const client = createEosClient({ baseUrl: server.baseUrl, fetch: recorder.fetch, clock: server.clock });
  const auth = createEosAuth(client, given, { clock: server.clock });
  return { client, auth, ...recorder };
}

describe('createEosAuth against the reference server', () => {
  it('signs in once (Hello, then Login) for concurrent callers', async () => {
    const { auth, lines } = setup();
    const [a, b] = await Promise.all([auth.token(), auth.token()]);
    expect(a).toBe(b);
    expect(lines()).toEqual(['POST /client/hello 200', 'POST /client/login 200']);
    expect(auth.session?.expireTime).toBe(server.clock.now() + LIFETIME_MS);
  });

  it('logs in again on the same session a minute before it expires', async () => {
    const { auth, lines } = setup();
    const sessionId = await auth.token();
    await server.advance(LIFETIME_MS - 60_000);
    expect(await auth.token()).toBe(sessionId);
    expect(lines()).toEqual(['POST /client/hello 200', 'POST /client/login 200', 'POST /client/login 200']);
    expect(auth.session?.expireTime).toBe(server.clock.now() + LIFETIME_MS);
  });

  it('opens a new session when the server no longer knows the one held (2-1)', async () => {
    const { auth, lines } = setup();
    const sessionId = await auth.token();
    await server.advance(LIFETIME_MS + 1_000);
    expect(await auth.token()).not.toBe(sessionId);
    expect(lines()).toEqual(['POST /client/hello 200', 'POST /client/login 200', 'POST /client/login 403', 'POST /client/hello 200', 'POST /client/login 200']);
  });

  it('raises a refused login, without the password', async () => {
    const { auth } = setup({ ...credentials, password: 'not-the-password' });
    const error = await auth.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EosApiError);
    expect([(error as EosApiError).status, (error as EosApiError).code]).toEqual([403, '3-2']);
    expect(JSON.stringify({ message: (error as Error).message, body: (error as EosApiError).body })).not.toContain('not-the-password');
  });
});
