/**
 * The EnOS auth layer against the reference server, its clock moved by the
 * test controls: the access token renewed with the refresh token Choose
 * Organization gave (or a new login, without one) before it expires, and
 * after the server refused it first; logout ends the session.
 */
import { describe, expect, it } from 'vitest';
import { useControlledServer } from '../../client-kit/src/testing/controlled-server.js';
import { recordingFetch } from '../../client-kit/src/testing/recording-fetch.js';
import { createEnosAuth, type EnosAuthOptions } from './auth.js';
import { createEnosClient, type LoginRequest } from './client.js';
import { EnosApiError } from './errors.js';

const credentials: LoginRequest = { account: 'portal_demo', password: 'yourPassword' };
/** The access token's lifetime on the reference server (`x-token-lifetime-seconds` of Log In). */
const LIFETIME_MS = 7_200_000;
const LOGIN = 'POST /app-portal-service/v2.0/login';
const CHOOSE = 'POST /app-portal-service/v2.1/session/set';
const REFRESH = 'GET /app-portal-service/v2.0/token/refresh';
const INFO = 'GET /app-portal-service/v2.1/session/info';
const server = useControlledServer('enos');

function setup(options: Omit<EnosAuthOptions, 'clock'> = { organization: (organizations) => organizations[0]?.id ?? '' }, given = credentials) {
  const recorder = recordingFetch(server.baseUrl);
  const client = createEnosClient({ baseUrl: server.baseUrl, fetch: recorder.fetch, clock: server.clock });
  const auth = createEnosAuth(client, given, { ...options, clock: server.clock });
  return { client, auth, ...recorder };
}

describe('createEnosAuth against the reference server', () => {
  it('logs in and chooses the organization once for concurrent calls, sending the token as Authorization: Bearer', async () => {
    const { client, auth, lines, calls } = setup();
    const infos = await Promise.all([client.getTokenInformation(), client.getTokenInformation()]);
    expect(infos.map((i) => i.userName)).toEqual(['portal_demo', 'portal_demo']);
    expect(lines()).toEqual([`${LOGIN} 200`, `${CHOOSE} 200`, `${INFO} 200`, `${INFO} 200`]);
    expect(calls.at(-1)?.authorization).toBe(`Bearer ${auth.session?.accessToken}`);
    expect(auth.session?.refreshToken).toEqual(expect.any(String));
  });

  it('renews with the refresh token a minute before the access token expires, once for every waiting call, never logging in again', async () => {
    const { client, auth, lines } = setup();
    await client.getTokenInformation();
    const { accessToken, refreshToken } = auth.session ?? {};
    await server.advance(LIFETIME_MS - 60_000);
    await Promise.all([client.getTokenInformation(), client.getTokenInformation()]);
    expect(lines()).toEqual([`${LOGIN} 200`, `${CHOOSE} 200`, `${INFO} 200`, `${REFRESH} 200`, `${INFO} 200`, `${INFO} 200`]);
    expect(auth.session?.accessToken).not.toBe(accessToken);
    expect(auth.session?.refreshToken).not.toBe(refreshToken);
  });

  it('when the server has let the token expire first, answers its 31401 by renewing and sending the call again, once', async () => {
    const { client, lines } = setup();
    await client.getTokenInformation();
    await server.advance(LIFETIME_MS, { by: LIFETIME_MS - 120_000 });
    expect((await client.getTokenInformation()).userName).toBe('portal_demo');
    expect(lines()).toEqual([`${LOGIN} 200`, `${CHOOSE} 200`, `${INFO} 200`, `${INFO} 401`, `${REFRESH} 200`, `${INFO} 200`]);
  });

  it('without an organization (so no refresh token), renews by logging in again', async () => {
    const { client, lines } = setup({});
    await client.getTokenInformation();
    await server.advance(LIFETIME_MS);
    await client.getTokenInformation();
    expect(lines()).toEqual([`${LOGIN} 200`, `${INFO} 200`, `${LOGIN} 200`, `${INFO} 200`]);
  });

  it('logs out the session it holds, whose token then stops working; the next call logs in again', async () => {
    const { client, auth, lines } = setup({});
    await client.getTokenInformation();
    const ended = auth.session?.accessToken as string;
    await auth.logout();
    expect(auth.session).toBeUndefined();
    const refused = await client.getTokenInformation(ended).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EnosApiError);
    expect((refused as EnosApiError).code).toBe(31401);
    expect((refused as Error).message).not.toContain(ended);
    await client.getTokenInformation();
    expect(lines()).toEqual([`${LOGIN} 200`, `${INFO} 200`, 'GET /app-portal-service/v2.0/logout 200', `${INFO} 401`, `${LOGIN} 200`, `${INFO} 200`]);
  });

  it('raises a refused login from the call that needed it, without the password; a refused refresh token stays out of the message', async () => {
    const { client } = setup({}, { account: 'portal_demo', password: 'not-yourPassword' });
    const error = await client.getTokenInformation().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnosApiError);
    expect(JSON.stringify({ message: (error as Error).message, body: (error as EnosApiError).body })).not.toContain('not-yourPassword');
    const refresh = await client.refreshAccessToken('a-refresh-token-that-was-never-issued').catch((e: unknown) => e);
    expect(refresh).toBeInstanceOf(EnosApiError);
    expect((refresh as Error).message).not.toContain('a-refresh-token-that-was-never-issued');
  });
});
