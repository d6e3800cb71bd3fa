import { describe, expect, it } from 'vitest';
import { decodeError, decodeToken, encodeLogin, parseExpireDate } from './wire.js';

describe('the aktion wire formats', () => {
  it('writes the login as the page’s XML sample does', () => {
    expect(encodeLogin('xml', { UserLogin: 'John.Doo', ApiKey: 'hDn/LFXIPESM036W+s7VKg==' })).toBe(
      '<Request><UserLogin>John.Doo</UserLogin><ApiKey>hDn/LFXIPESM036W+s7VKg==</ApiKey></Request>',
    );
    expect(JSON.parse(encodeLogin('json', { UserLogin: 'a', ApiKey: 'b' }))).toEqual({ UserLogin: 'a', ApiKey: 'b' });
  });

  it('reads a token from the page’s XML sample and from JSON, numbers as numbers', () => {
    const xml = '<Response> <Token>bfe8a24b-44e4-4355-98cf-3ee946b3a90f</Token> <ExpireInSec>20</ExpireInSec> </Response>';
    expect(decodeToken(xml, 'application/xml; charset=utf-8')).toEqual({ Token: 'bfe8a24b-44e4-4355-98cf-3ee946b3a90f', ExpireInSec: 20 });
    expect(decodeToken('{"Token":"t","ExpireInSec":20}', 'text/json')).toEqual({ Token: 't', ExpireInSec: 20 });
  });

  it('reads an XML error with its model-state list', () => {
    const xml = '<RequestResult><Message>m</Message><Code>1002</Code><ModelStateErr><string>a</string><string>b</string></ModelStateErr></RequestResult>';
    expect(decodeError(xml, 'text/xml')).toEqual({ Message: 'm', Code: 1002, ModelStateErr: ['a', 'b'] });
    expect(decodeError({ Message: 'm', Code: 1003, ModelStateErr: [] }, 'application/json').Code).toBe(1003);
    expect(decodeError('<RequestResult><Message>m</Message><Code>1003</Code><ModelStateErr></ModelStateErr></RequestResult>', 'application/xml').ModelStateErr).toEqual([]);
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
