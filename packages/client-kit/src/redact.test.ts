import { describe, expect, it } from 'vitest';
import { Secrets, safeUrl } from './redact.js';

describe('safeUrl', () => {
  it('keeps the query names and drops their values, the user info and the fragment', () => {
    expect(safeUrl('https://user:pw@enos.test/app-portal-service/v2.0/token/refresh?refreshToken=abc&x=1#top')).toBe(
      'https://enos.test/app-portal-service/v2.0/token/refresh?refreshToken=[redacted]&x=[redacted]',
    );
    expect(safeUrl('http://127.0.0.1:4010/eos/client/login')).toBe('http://127.0.0.1:4010/eos/client/login');
    expect(safeUrl('/relative?token=t')).toBe('/relative');
  });
});

describe('Secrets', () => {
  const post = (contentType: string, body: string, headers: Record<string, string> = {}) =>
    new Request('http://api.test/login?refreshToken=refresh-1&page=2', { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });

  it('keeps the credentials of a JSON body, the query and Authorization, and blanks them out', async () => {
    const secrets = new Secrets();
    await secrets.addFrom(post('application/json', JSON.stringify({ account: 'portal_demo', password: 'yourPassword', nested: { jwt: 'eyJ.app.jwt' } }), { authorization: 'Bearer tok-123' }));
    expect(secrets.scrub('yourPassword for portal_demo, eyJ.app.jwt, refresh-1, tok-123, page 2')).toBe('[redacted] for portal_demo, [redacted], [redacted], [redacted], page 2');
  });

  it('reads form and XML bodies, and a body that is a bare JSON string (a renewal token)', async () => {
    const secrets = new Secrets();
    await secrets.addFrom(post('application/x-www-form-urlencoded', 'sessionId=s-123456&loginName=foobat&password=anypwd'));
    await secrets.addFrom(post('application/xml', '<Request><UserLogin>John.Doo</UserLogin><ApiKey>hDn/LFXIPESM036W+s7VKg==</ApiKey></Request>'));
    await secrets.addFrom(post('application/json', '"r-renewal-token"'));
    expect(secrets.scrub('s-123456 foobat anypwd John.Doo hDn/LFXIPESM036W+s7VKg== r-renewal-token')).toBe('[redacted] foobat [redacted] John.Doo [redacted] [redacted]');
  });

  it('blanks out strings deep in a parsed body, and leaves values too short to be told from words', () => {
    const secrets = new Secrets();
    secrets.add('arnons secret');
    secrets.add('abc');
    expect(secrets.scrubDeep({ message: 'wrong: arnons secret', list: ['arnons secret'], code: 10004, abc: 'abc' })).toEqual({
      message: 'wrong: [redacted]',
      list: ['[redacted]'],
      code: 10004,
      abc: 'abc',
    });
  });
});
