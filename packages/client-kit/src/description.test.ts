import { describe, expect, it } from 'vitest';
import { authorizationScheme, documentsStatus, operationNumber, securityOf } from './description.js';
import { description } from './testing/fake-api.js';

describe('what a description says', () => {
  it('tells which operations take the credential: none, optional ({} among the alternatives) or required (the default security)', () => {
    expect(securityOf(description, 'POST', '/login')).toBe('none');
    expect(securityOf(description, 'POST', '/maybe')).toBe('optional');
    expect(securityOf(description, 'GET', '/me')).toBe('required');
    expect(securityOf(description, 'GET', '/nowhere')).toBe('none');
  });

  it('knows the statuses each operation documents, ranges included', () => {
    expect(documentsStatus(description, 'POST', '/login', 429)).toBe(true);
    expect(documentsStatus(description, 'POST', '/login', 404)).toBe(false);
    expect(documentsStatus(description, 'GET', '/me', 418)).toBe(true);
    expect(documentsStatus(description, 'GET', '/nowhere', 404)).toBeUndefined();
  });

  it('spells the bearer scheme as RFC 6750 does, any other as written', () => {
    expect(authorizationScheme(description)).toBe('Bearer');
    expect(authorizationScheme({ components: { securitySchemes: { s: { type: 'http', scheme: 'xelion' } } } })).toBe('xelion');
    expect(() => authorizationScheme({})).toThrow('no HTTP security scheme');
  });

  it("reads an operation's x- numbers", () => {
    const withLifetime = { paths: { '/login': { post: { 'x-token-lifetime-seconds': 20 } } } };
    expect(operationNumber(withLifetime, 'POST', '/login', 'x-token-lifetime-seconds')).toBe(20);
    expect(operationNumber(withLifetime, 'POST', '/login', 'x-other')).toBeUndefined();
  });
});
