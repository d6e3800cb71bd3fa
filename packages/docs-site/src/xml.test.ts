import { describe, expect, it } from 'vitest';
import { prettyXml } from './xml.js';

describe('prettyXml', () => {
  it('writes one element per line, indented, text kept beside its element', () => {
    expect(prettyXml('<Request> <UserLogin>John.Doo</UserLogin> <ApiKey>hDn/LFXIPESM036W+s7VKg==</ApiKey> </Request>')).toBe(
      '<Request>\n  <UserLogin>John.Doo</UserLogin>\n  <ApiKey>hDn/LFXIPESM036W+s7VKg==</ApiKey>\n</Request>',
    );
  });

  it('keeps declarations, empty elements and quoted ">" in attributes', () => {
    expect(prettyXml('<?xml version="1.0"?><a x="1>2"><b/><c></c></a>')).toBe('<?xml version="1.0"?>\n<a x="1>2">\n  <b/>\n  <c></c>\n</a>');
  });

  it('answers text that is not well-formed unchanged', () => {
    for (const text of ['<a><b></a>', '<a>', 'not xml <', '<a></b>']) expect(prettyXml(text)).toBe(text);
  });
});
