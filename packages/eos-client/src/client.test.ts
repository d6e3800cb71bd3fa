import { describe, expect, it } from 'vitest';
import { createEosClient } from './client.js';
import { ApiError } from '@loginspec/client-kit';

// The server also accepts `; charset=UTF-8`, so only a look at the wire
// shows that the client sends the form exactly as the page's curl does.
function recording(answers: Response[]) {
  const sent: { method: string; path: string; contentType: string | null; body: string }[] = [];
  const fetch = async (request: Request) => {
    sent.push({ method: request.method, path: new URL(request.url).pathname, contentType: request.headers.get('content-type'), body: await request.text() });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer left');
    return answer;
  };
  return { sent, client: createEosClient({ baseUrl: 'http://eosserver', fetch }) };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const session = { sessionId: '9a0b6679-c460-41a3-b26c-26e0d69538c6', expireTime: 1 };
const loggedIn = { expireTime: 2, secureCode: 's', mobilityApps: { system: [], user: [] }, profile: { serialNumber: 's', displayName: 'd', roles: [], contactId: 1 } };

describe('createEosClient on the wire', () => {
  it("sends the login as the page's curl does: a form of the fields as given, nothing else", async () => {
    const { client, sent } = recording([json(200, loggedIn)]);
    await client.login({ sessionId: session.sessionId, domain: 'customers', loginName: 'foobat', password: 'anypwd' });
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/client/login',
        contentType: 'application/x-www-form-urlencoded',
        body: 'sessionId=9a0b6679-c460-41a3-b26c-26e0d69538c6&domain=customers&loginName=foobat&password=anypwd',
      },
    ]);
  });

  it('leaves an absent domain off the form and escapes what a form must', async () => {
    const { client, sent } = recording([json(200, loggedIn)]);
    await client.login({ sessionId: 's', domain: undefined, loginName: 'foo bat', password: 'a&b=c' });
    expect(sent[0]?.body).toBe('sessionId=s&loginName=foo+bat&password=a%26b%3Dc');
  });

  it('sends Hello without a body, then logs in on the session it issued', async () => {
    const { client, sent } = recording([json(200, session), json(200, loggedIn)]);
    const result = await client.signIn({ loginName: 'foobat', password: 'anypwd' });
    expect(result).toEqual({ ...loggedIn, sessionId: session.sessionId });
    expect(sent[0]).toEqual({ method: 'POST', path: '/client/hello', contentType: null, body: '' });
    expect(sent[1]?.body).toBe(`sessionId=${session.sessionId}&loginName=foobat&password=anypwd`);
  });

  it('turns a refusal into an ApiError with its status and code', async () => {
    const { client } = recording([json(403, { message: 'some error msg here', code: '3-2' })]);
    const refused = client.login({ sessionId: 's', loginName: 'foobat', password: 'nope' });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 403, code: '3-2', reason: 'some error msg here', message: 'EOS 3-2 (HTTP 403): some error msg here' });
  });
});
