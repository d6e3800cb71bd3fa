import { describe, expect, it } from 'vitest';
import { randomToken } from './tokens.js';

describe('randomToken', () => {
  it('has the requested length and alphabet', () => {
    expect(randomToken(32)).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(randomToken(10, 'ab')).toMatch(/^[ab]{10}$/);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => randomToken(16)));
    expect(seen.size).toBe(1000);
  });

  it('uses every symbol of the alphabet', () => {
    const symbols = new Set(randomToken(5000, '0123456789'));
    expect(symbols.size).toBe(10);
  });

  it('refuses an alphabet it cannot draw from uniformly', () => {
    expect(() => randomToken(4, 'a')).toThrow(RangeError);
  });
});
