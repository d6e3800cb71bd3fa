import { describe, expect, it } from 'vitest';
import { ApiError, UndocumentedResponseError } from '@loginspec/client-kit';
import { createAktionClient } from './client.js';

/** A server that answers every request with one response, and keeps what it was sent. */
function answering(body: string, status: number, contentType: string) {
  const sent: Request[] = [];
  const fetch = async (input: Request) => {
    sent.push(input);
    return new Response(body, { status, headers: { 'content-type': contentType } });
  };
  return { fetch, sent };
}

const clock = { now: () => Date.UTC(2026, 0, 1) };

describe('createAktionClient', () => {
  it('sends XML, asks for XML, and dates an answer without ExpireDate by its own clock', async () => {
    const server = answering('<Response> <Token>t</Token> <ExpireInSec>20</ExpireInSec> </Response>', 200, 'application/xml; charset=utf-8');
    const client = createAktionClient({ baseUrl: 'http://aktion.test', format: 'xml', fetch: server.fetch, clock });
    expect(await client.login('John.Doo', 'k')).toEqual({ token: 't', expireInSec: 20, expiresAt: new Date(clock.now() + 20_000) });
    const [request] = server.sent;
    expect(request?.headers.get('content-type')).toBe('application/xml');
    expect(request?.headers.get('accept')).toBe('application/xml');
    expect(await request?.text()).toBe('<Request><UserLogin>John.Doo</UserLogin><ApiKey>k</ApiKey></Request>');
  });

  it('raises an XML error as an ApiError with its model-state list', async () => {
    const xml = '<RequestResult><Message>Entry parameter missing or parameter bindings failed.</Message><Code>1002</Code><ModelStateErr><string>ApiKey: The ApiKey field is required.</string></ModelStateErr></RequestResult>';
    const client = createAktionClient({ baseUrl: 'http://aktion.test', format: 'xml', fetch: answering(xml, 400, 'text/xml').fetch });
    const error = await client.login('John.Doo', '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 1002, body: { ModelStateErr: ['ApiKey: The ApiKey field is required.'] } });
  });

  it('refuses to read an answer in a media type the description does not document', async () => {
    const client = createAktionClient({ baseUrl: 'http://aktion.test', fetch: answering('<h1>Bad Gateway</h1>', 502, 'text/html').fetch });
    const error = await client.login('John.Doo', 'k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndocumentedResponseError);
    expect(error).toMatchObject({ status: 502, contentType: 'text/html', message: expect.stringContaining('Aktion answered HTTP 502 as text/html') });
  });

  it('checks a token as a bearer credential, asking for its format, and reads ExpireDate as written', async () => {
    const xml = '<TokenInfo><UserLogin>John.Doo</UserLogin><ExpireInSec>15</ExpireInSec><ExpireDate>2026-02-04T10:54:37.469Z</ExpireDate></TokenInfo>';
    const server = answering(xml, 200, 'application/xml; charset=utf-8');
    const client = createAktionClient({ baseUrl: 'http://aktion.test', format: 'xml', fetch: server.fetch, clock });
    expect(await client.checkToken('t')).toEqual({ userLogin: 'John.Doo', expireInSec: 15, expiresAt: new Date('2026-02-04T10:54:37.469Z') });
    const [request] = server.sent;
    expect([request?.method, new URL(request?.url ?? '').pathname]).toEqual(['GET', '/token']);
    expect(request?.headers.get('authorization')).toBe('Bearer t');
    expect(request?.headers.get('accept')).toBe('application/xml');
  });

  it('raises an expired token as a 401 ApiError', async () => {
    const json = JSON.stringify({ Message: 'Token is unknown or expired.', Code: 401, ModelStateErr: [] });
    const client = createAktionClient({ baseUrl: 'http://aktion.test', fetch: answering(json, 401, 'application/json').fetch });
    const error = await client.checkToken('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 401, reason: 'Token is unknown or expired.' });
  });
});
