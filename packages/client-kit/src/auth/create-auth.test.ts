import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api-client.js';
import { ApiError } from '../api-error.js';
import { errorReader } from '../error-reader.js';
import { description, fakeServer, json, type paths, refusal, type Sent } from '../testing/fake-api.js';
import { createAuth } from './create-auth.js';

class FakeApiError extends ApiError<number, unknown, number> {}
const errors = errorReader(FakeApiError, 'Fake', description);

/**
 * A server issuing t1, t2, … at each login and accepting only tokens it
 * issued and has not revoked, answering with the token and body it was
 * sent; and an auth layer on a client of it.
 */
function setup(options: { lifetimeMs?: number; password?: string; refuseEverything?: boolean } = {}) {
  let now = 0;
  let issued = 0;
  const revoked = new Set<string>();
  const server = fakeServer((sent: Sent) => {
    if (sent.path === '/login') {
      const { password } = JSON.parse(sent.body) as { password: string };
      return password === 'right-password' ? json(200, { token: `t${++issued}` }) : refusal(401, 41, `wrong password ${password}`);
    }
    const token = sent.authorization?.replace('Bearer ', '') ?? '';
    if (options.refuseEverything || !/^t\d+$/.test(token) || revoked.has(token)) return refusal(401, 40, `unknown token ${token}`, { 'www-authenticate': 'Bearer' });
    return sent.path === '/logout' ? new Response(null, { status: 204 }) : json(200, { token, body: sent.body });
  });
  const api = createApiClient<paths>('Fake', { baseUrl: 'http://fake.test', fetch: server.fetch });
  const auth = createAuth({
    client: api,
    description,
    async login() {
      const { data, error, response } = await api.POST('/login', { body: { user: 'ann', password: options.password ?? 'right-password' } });
      if (!data) throw errors.from(response, error);
      return { value: (data as { token: string }).token, expiresAt: now + (options.lifetimeMs ?? 60_000) };
    },
    async end(token) {
      const { response } = await api.POST('/logout', { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error('logout refused');
    },
    credential: (token) => token,
    scheme: 'Bearer',
    noRetry: ['/logout'],
    renewBeforeMs: 5_000,
    clock: { now: () => now },
  });
  /** The server forgets every token issued so far. */
  const revokeAll = () => {
    for (let n = 1; n <= issued; n++) revoked.add(`t${n}`);
  };
  return { api, auth, sent: server.sent, advance: (ms: number) => (now += ms), revokeAll };
}

const calls = (sent: Sent[]) => sent.map((s) => `${s.path} ${s.authorization ?? '-'}`);

describe('an auth layer', () => {
  it('logs in once, on the first call that needs the token, and sends it only to the operations that take it', async () => {
    const { api, sent } = setup();
    await Promise.all([api.GET('/me'), api.GET('/me')]);
    await api.POST('/maybe', { body: { note: 'n' } });
    expect(calls(sent)).toEqual(['/login -', '/me Bearer t1', '/me Bearer t1', '/maybe Bearer t1']);
  });

  it('sends an optional credential only when one is held, never logging in for it', async () => {
    const { api, sent } = setup();
    await api.POST('/maybe', { body: { note: 'n' } });
    expect(calls(sent)).toEqual(['/maybe -']);
  });

  it('leaves a request that carries its own Authorization alone', async () => {
    const { api, sent } = setup();
    await api.GET('/me', { headers: { authorization: 'Bearer mine' } });
    expect(calls(sent)).toEqual(['/me Bearer mine']);
  });

  it('renews before the token expires', async () => {
    const { api, sent, advance } = setup();
    await api.GET('/me');
    advance(55_000);
    await api.GET('/me');
    expect(calls(sent)).toEqual(['/login -', '/me Bearer t1', '/login -', '/me Bearer t2']);
  });

  it('answers a 401 by renewing once for every call refused together, and sending each again once, its body included', async () => {
    const { api, auth, sent, revokeAll } = setup();
    await auth.token();
    revokeAll();
    const [first, second] = await Promise.all([api.POST('/note', { body: { note: 'kept' } }), api.GET('/me')]);
    expect(first.data).toEqual({ token: 't2', body: '{"note":"kept"}' });
    expect(second.data).toEqual({ token: 't2', body: '' });
    expect(sent.filter((s) => s.path === '/login')).toHaveLength(2);
    expect(calls(sent).slice(-2).sort()).toEqual(['/me Bearer t2', '/note Bearer t2']);
  });

  it('retries once only, and never a call whose credential was optional', async () => {
    const { api, auth, sent, revokeAll } = setup();
    await auth.token();
    revokeAll();
    expect((await api.POST('/maybe', { body: { note: 'n' } })).response.status).toBe(401);
    expect(calls(sent)).toEqual(['/login -', '/maybe Bearer t1']);
    sent.length = 0;
    // A server that refuses even a fresh token: one retry, then the refusal is the answer.
    const refusing = setup({ refuseEverything: true });
    expect((await refusing.api.GET('/me')).response.status).toBe(401);
    expect(calls(refusing.sent)).toEqual(['/login -', '/me Bearer t1', '/login -', '/me Bearer t2']);
  });

  it('does not retry a refused logout', async () => {
    const { api, auth, sent, revokeAll } = setup();
    await auth.token();
    revokeAll();
    expect((await api.POST('/logout')).response.status).toBe(401);
    expect(calls(sent)).toEqual(['/login -', '/logout Bearer t1']);
  });

  it('raises a refused login from the call that needed it, without the password', async () => {
    const { api } = setup({ password: 'wrong-password' });
    const error = await api.GET('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeApiError);
    expect((error as Error).message).toBe('Fake 41 (HTTP 401): wrong password [redacted]');
  });

  it('logs out the session it holds, and forgets it', async () => {
    const { auth, sent } = setup();
    await auth.token();
    await auth.logout();
    expect(auth.session).toBeUndefined();
    expect(calls(sent)).toEqual(['/login -', '/logout Bearer t1']);
  });
});
