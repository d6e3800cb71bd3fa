import { describe, expect, it } from 'vitest';
import { safeEqual } from './safe-equal.js';

describe('safeEqual', () => {
  it('tells equal secrets from different ones, of any lengths', () => {
    expect(safeEqual('renewal-token', 'renewal-token')).toBe(true);
    expect(safeEqual('renewal-token', 'renewal-tokeN')).toBe(false);
    expect(safeEqual('short', 'a much longer secret')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
