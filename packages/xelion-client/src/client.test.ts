import { describe, expect, it } from 'vitest';
import { createXelionClient } from './client.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake server answering in turn, keeping what it was sent. */
function recording(answers: (() => Response)[]) {
  const sent: { path: string; authorization: string | null; body: string }[] = [];
  const fetch = async (request: Request) => {
    sent.push({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization'), body: await request.text() });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer left');
    return answer();
  };
  return { sent, fetch };
}

const session = (token: string, validUntil: string) => ({ authentication: token, renewalToken: `r-${token}`, validUntil, version: '1.1', serverVersion: 'x', buildNumber: 'y' });

describe('createXelionClient', () => {
  it("logs in under the tenant's path and sends the session token on the next calls", async () => {
    const { sent, fetch } = recording([() => json(200, session('t1', '2030-01-01 00:00:00')), () => new Response(null, { status: 204 })]);
    const client = createXelionClient({ baseUrl: 'http://x', tenant: 'master', fetch, clock: { now: () => Date.UTC(2029, 0, 1) } });
    await client.login({ userName: 'arnon', password: 'arnons secret', userSpace: 'iphone-arnon' });
    expect(client.session).toEqual({ token: 't1', renewalToken: 'r-t1', validUntil: new Date(Date.UTC(2030, 0, 1)) });
    await client.logout();
    expect(sent).toEqual([
      { path: '/api/v1/master/me/login', authorization: null, body: '{"userName":"arnon","password":"arnons secret","userSpace":"iphone-arnon"}' },
      { path: '/api/v1/master/me/logout', authorization: 'xelion t1', body: '' },
    ]);
    expect(client.session).toBeUndefined();
  });

  it('sends the session it holds with a new login, which the server ends first, and keeps the new one', async () => {
    const { sent, fetch } = recording([() => json(200, session('t1', '2030-01-01 00:00:00')), () => json(200, session('t2', '2030-01-01 00:00:00'))]);
    // The clock says the session is about to expire: a login still does not renew it.
    const client = createXelionClient({ baseUrl: 'http://x', tenant: 'master', fetch, clock: { now: () => Date.UTC(2029, 11, 31, 23, 59, 59) } });
    await client.login({ userName: 'arnon', password: 'p', userSpace: 's' });
    await client.login({ userName: 'arnon', password: 'p', userSpace: 's' });
    expect(sent.map((s) => [s.path, s.authorization])).toEqual([
      ['/api/v1/master/me/login', null],
      ['/api/v1/master/me/login', 'xelion t1'],
    ]);
    expect(client.session?.token).toBe('t2');
  });

  it('renews once, before validUntil, however many calls wait on it', async () => {
    let now = Date.UTC(2030, 0, 1, 0, 59, 30);
    const { sent, fetch } = recording([
      () => json(200, session('t1', '2030-01-01 01:00:00')),
      () => json(200, { authentication: 't2', renewalToken: 'r-t2', validUntil: '2030-01-01 02:00:00' }),
      () => new Response(null, { status: 204 }),
      () => json(401, { errorCode: 10000, message: 'The user is not authenticated', info: 'resource=POST /api/v1/master/me/logout' }),
    ]);
    const client = createXelionClient({ baseUrl: 'http://x', tenant: 'master', fetch, clock: { now: () => now } });
    await client.login({ userName: 'arnon', password: 'p', userSpace: 's' });
    const results = await Promise.allSettled([client.logout(), client.logout()]);
    expect(sent.map((s) => [s.path, s.authorization])).toEqual([
      ['/api/v1/master/me/login', null],
      ['/api/v1/master/me/renew', 'xelion t1'],
      ['/api/v1/master/me/logout', 'xelion t2'],
      ['/api/v1/master/me/logout', 'xelion t2'],
    ]);
    expect(sent[1]?.body).toBe('"r-t1"');
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });
});
