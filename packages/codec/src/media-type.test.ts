import { describe, expect, it } from 'vitest';
import { bodyFormat, parseMediaType } from './media-type.js';

describe('parseMediaType', () => {
  it('reads the essence in lower case and the parameters', () => {
    expect(parseMediaType('Application/JSON; charset="UTF-8"')).toEqual({ essence: 'application/json', params: { charset: 'UTF-8' } });
  });

  it('answers undefined for an absent or malformed value', () => {
    expect(parseMediaType(undefined)).toBeUndefined();
    expect(parseMediaType('json')).toBeUndefined();
    expect(parseMediaType('')).toBeUndefined();
  });
});

describe('bodyFormat', () => {
  it.each([
    ['application/json', 'json'],
    ['text/json', 'json'],
    ['application/problem+json', 'json'],
    ['application/xml', 'xml'],
    ['text/xml', 'xml'],
    ['application/x-www-form-urlencoded', 'form'],
    ['text/plain', undefined],
    ['multipart/form-data', undefined],
  ])('%s → %s', (essence, format) => {
    expect(bodyFormat(essence)).toBe(format);
  });
});
