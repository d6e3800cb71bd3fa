import { describe, expect, it } from 'vitest';
import { ExpiryIndex } from './expiry-index.js';

describe('ExpiryIndex', () => {
  it('hands each key over once, when the second it expires in has ended, earliest first', () => {
    const index = new ExpiryIndex();
    index.add('late', 5_500);
    index.add('early', 1_200);
    index.add('early-too', 1_900);
    index.add('whole', 3_000);
    expect([...index.expired(1_999)]).toEqual([]);
    expect([...index.expired(2_000)]).toEqual(['early', 'early-too']);
    expect([...index.expired(2_999)]).toEqual([]);
    expect([...index.expired(3_000)]).toEqual(['whole']);
    expect([...index.expired(4_000)]).toEqual([]);
    expect([...index.expired(10_000)]).toEqual(['late']);
  });
});
