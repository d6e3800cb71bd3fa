import { describe, expect, it } from 'vitest';
import { maskBody, maskHeaders } from './mask.js';

describe('masking a report', () => {
  it('masks secret members of JSON however deep, and keeps the rest', () => {
    expect(JSON.parse(maskBody('{"userName":"arnon","password":"arnons secret","data":{"accessToken":"eyJ","user":{"aid":1}}}'))).toEqual({
      userName: 'arnon',
      password: '***',
      data: { accessToken: '***', user: { aid: 1 } },
    });
  });

  it('masks secret form fields, XML elements and headers', () => {
    expect(maskBody('sessionId=9a0b&domain=customers&loginName=foobat&password=anypwd')).toBe('sessionId=***&domain=customers&loginName=foobat&password=***');
    expect(maskBody('<Request><UserLogin>John.Doo</UserLogin><ApiKey>hDn/LFXIPESM036W+s7VKg==</ApiKey></Request>')).toBe('<Request><UserLogin>John.Doo</UserLogin><ApiKey>***</ApiKey></Request>');
    expect(maskHeaders(new Headers({ authorization: 'xelion abc', 'content-type': 'application/json' }))).toEqual({ authorization: '***', 'content-type': 'application/json' });
  });

  it("masks the quoted members of JSON that does not parse, the test controls' token, and headers given as an object", () => {
    expect(maskBody('{"userName": "arnon", "password" : "arnons \\"secret\\"", "mfa":"123456"')).toBe('{"userName": "arnon", "password" : "***", "mfa":"***"');
    expect(maskHeaders(new Headers({ 'x-forwarded-for': '192.0.2.1', 'x-test-controls-token': 'abc' }))).toEqual({ 'x-forwarded-for': '192.0.2.1', 'x-test-controls-token': '***' });
    expect(maskHeaders({ cookie: 'session=abc', accept: 'application/json' })).toEqual({ cookie: '***', accept: 'application/json' });
  });

  it('leaves a form whose names do not decode as it is, rather than failing the request', () => {
    expect(maskBody('%FF=1&password=x')).toBe('%FF=1&password=***');
  });
});
