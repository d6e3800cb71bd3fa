import { describe, expect, it } from 'vitest';
import { negotiateMediaType } from './negotiate.js';

const offered = ['application/json', 'text/json', 'application/xml', 'text/xml'];

describe('negotiateMediaType', () => {
  it.each([
    [undefined, undefined, 'application/json'],
    [undefined, 'text/xml', 'text/xml'],
    ['*/*', 'application/xml', 'application/xml'],
    ['application/xml', 'application/json', 'application/xml'],
    ['application/json;q=0.5, application/xml', undefined, 'application/xml'],
    ['application/json, application/xml', 'application/xml', 'application/xml'],
    ['text/*', 'application/json', 'text/json'],
    ['text/*', 'text/xml', 'text/xml'],
    ['text/*;q=0.2, application/xml;q=0.9', undefined, 'application/xml'],
    ['image/png', 'application/xml', 'application/json'],
    ['application/xml;q=0', undefined, 'application/json'],
    ['*/*;q=0.1, application/xml;q=0', 'application/xml', 'application/json'],
    ['APPLICATION/XML', undefined, 'application/xml'],
    ['application/xml;q=oops', undefined, 'application/json'],
  ])('Accept %s, request %s → %s', (accept, request, expected) => {
    expect(negotiateMediaType(accept, offered, request)).toBe(expected);
  });

  it('answers the only documented type whatever is asked', () => {
    expect(negotiateMediaType('application/xml', ['application/json'])).toBe('application/json');
  });
});
