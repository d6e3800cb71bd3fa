import { describe, expect, it } from 'vitest';
import { decodeError, decodeToken, encodeLogin, formatOf, parseExpireDate } from './wire.js';

describe('the aktion wire formats', () => {
  it('writes the login as the page’s XML sample does, escaping markup in values', () => {
    expect(encodeLogin('xml', { UserLogin: 'John.Doo', ApiKey: 'hDn/LFXIPESM036W+s7VKg==' })).toBe(
      '<Request><UserLogin>John.Doo</UserLogin><ApiKey>hDn/LFXIPESM036W+s7VKg==</ApiKey></Request>',
    );
    expect(encodeLogin('xml', { UserLogin: '</UserLogin><x>&', ApiKey: 'k' })).toBe(
      '<Request><UserLogin>&lt;/UserLogin&gt;&lt;x&gt;&amp;</UserLogin><ApiKey>k</ApiKey></Request>',
    );
    expect(JSON.parse(encodeLogin('json', { UserLogin: 'a', ApiKey: 'b' }))).toEqual({ UserLogin: 'a', ApiKey: 'b' });
  });

  it('reads a token from the page’s XML sample and from JSON, numbers as numbers', () => {
    const xml = '<Response> <Token>bfe8a24b-44e4-4355-98cf-3ee946b3a90f</Token> <ExpireInSec>20</ExpireInSec> </Response>';
    expect(decodeToken('xml', xml)).toEqual({ Token: 'bfe8a24b-44e4-4355-98cf-3ee946b3a90f', ExpireInSec: 20 });
    const withDate = '<Response><Token>t</Token><ExpireInSec>20</ExpireInSec><ExpireDate>2026-02-04T10:54:37.469Z</ExpireDate></Response>';
    expect(decodeToken('xml', withDate)).toEqual({ Token: 't', ExpireInSec: 20, ExpireDate: '2026-02-04T10:54:37.469Z' });
    expect(decodeToken('json', '{"Token":"t","ExpireInSec":20,"ExpireDate":"/Date(1770202477469)/"}')).toEqual({
      Token: 't',
      ExpireInSec: 20,
      ExpireDate: '/Date(1770202477469)/',
    });
  });

  it('reads an XML error with its model-state list, empty or not', () => {
    const xml = '<RequestResult><Message>m</Message><Code>1002</Code><ModelStateErr><string>a</string><string>b</string></ModelStateErr></RequestResult>';
    expect(decodeError('xml', xml)).toEqual({ Message: 'm', Code: 1002, ModelStateErr: ['a', 'b'] });
    expect(decodeError('xml', '<RequestResult><Message>m</Message><Code>1003</Code><ModelStateErr /></RequestResult>')).toEqual({
      Message: 'm',
      Code: 1003,
      ModelStateErr: [],
    });
  });

  it.each([
    ['application/json; charset=utf-8', 'json'],
    ['text/json', 'json'],
    ['application/xml', 'xml'],
    ['TEXT/XML; charset=utf-8', 'xml'],
    ['text/html', undefined],
    [null, undefined],
  ])('reads %s as %s', (contentType, format) => {
    expect(formatOf(contentType)).toBe(format);
  });

  it.each([
    ['/Date(1770202477469)/', 1770202477469],
    ['/Date(1770202477469+0100)/', 1770202477469],
    ['2026-02-04T10:54:37.469Z', 1770202477469],
  ])('parses ExpireDate %s', (value, ms) => {
    expect(parseExpireDate(value)?.getTime()).toBe(ms);
  });

  it('answers undefined for an ExpireDate it cannot read', () => {
    expect(parseExpireDate('soon')).toBeUndefined();
  });
});
