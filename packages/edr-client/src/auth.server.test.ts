/**
 * The EDR auth layer against the reference server, its clock moved by the
 * test controls: the access token (a JWT) renewed by a new login with a
 * new app JWT before its `exp`, and after the server refused it first.
 */
import { describe, expect, it } from 'vitest';
import { useControlledServer } from '../../client-kit/src/testing/controlled-server.js';
import { recordingFetch } from '../../client-kit/src/testing/recording-fetch.js';
import { createEdrAuth, type EdrCredentials } from './auth.js';
import { createEdrClient } from './client.js';
import { EdrApiError } from './errors.js';

const app = { appId: 'edr-demo-app', secret: 'edr-demo-app-secret-published-for-trying-only' };
const credentials: EdrCredentials = { username: 'rrath', password: 'rrath-demo-password', app };
/** The access token's lifetime on the reference server (`x-token-lifetime-seconds` of the login). */
const LIFETIME_MS = 3_600_000;
const server = useControlledServer('edr');

function setup(given: EdrCredentials = credentials) {
  const recorder = recordingFetch(server.baseUrl);
  const client = createEdrClient({ baseUrl: server.baseUrl, fetch: recorder.fetch, clock: server.clock });
  const auth = createEdrAuth(client, given, { clock: server.clock });
  return { client, auth, ...recorder };
}

describe('createEdrAuth against the reference server', () => {
  it('logs in once for concurrent calls, and sends the access token as Authorization: Bearer', async () => {
    const { client, auth, lines, calls } = setup();
    const claims = await Promise.all([client.checkToken(), client.checkToken()]);
    expect(claims.map((c) => c.sub)).toEqual([auth.session?.user._id, auth.session?.user._id]);
    expect(lines()).toEqual(['POST /mobile/v1/auth/login 200', 'GET /mobile/v1/auth/token 200', 'GET /mobile/v1/auth/token 200']);
    expect(calls.at(-1)?.authorization).toBe(`Bearer ${auth.session?.accessToken}`);
    // The expiry is the JWT's own: exp - iat.
    expect((auth.session?.claims.exp ?? 0) - (auth.session?.claims.iat ?? 0)).toBe(LIFETIME_MS / 1000);
  });

  it("logs in again, with a new app JWT, a minute before the token's exp, once for every waiting call", async () => {
    const { client, auth, count } = setup();
    await client.checkToken();
    const first = auth.session?.accessToken;
    await server.advance(LIFETIME_MS - 60_001);
    await client.checkToken();
    expect(count('POST /mobile/v1/auth/login')).toBe(1);
    await server.advance(1);
    await Promise.all([client.checkToken(), client.checkToken(), client.checkToken()]);
    expect(count('POST /mobile/v1/auth/login')).toBe(2);
    expect(auth.session?.accessToken).not.toBe(first);
  });

  it('when the server has let the token expire first, answers its 401 by logging in and sending the call again, once', async () => {
    const { client, lines } = setup();
    await client.checkToken();
    // The server's clock runs ahead: the client believes 80 s are left, and its new app JWT is dated 80 s behind the server (within its 300 s).
    await server.advance(LIFETIME_MS, { by: LIFETIME_MS - 80_000 });
    await client.checkToken();
    expect(lines()).toEqual([
      'POST /mobile/v1/auth/login 200',
      'GET /mobile/v1/auth/token 200',
      'GET /mobile/v1/auth/token 401',
      'POST /mobile/v1/auth/login 200',
      'GET /mobile/v1/auth/token 200',
    ]);
  });

  it('raises a refused login from the call that needed it, without the password', async () => {
    const { client } = setup({ ...credentials, password: 'not-rrath-demo-password' });
    const error = await client.checkToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdrApiError);
    expect((error as EdrApiError).status).toBe(401);
    expect(JSON.stringify({ message: (error as Error).message, body: (error as EdrApiError).body })).not.toContain('not-rrath-demo-password');
  });
});
