import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT } from '../password.js';
import { describeHashCost, hashCostWarning, meetsOwasp, parseHashCost } from './hash-cost.js';

describe('parseHashCost', () => {
  it('reads the presets, OWASP by name and the test cost', () => {
    expect(parseHashCost('owasp')).toEqual(OWASP_SCRYPT);
    expect(parseHashCost('TEST')).toEqual({ N: 1024, r: 8, p: 1 });
  });

  it('reads N, r and p, or ln for N as a power of two, r 8 and p 1 unless given', () => {
    expect(parseHashCost('N=16384,r=8,p=5')).toEqual({ N: 16384, r: 8, p: 5 });
    expect(parseHashCost('ln=15, p=3')).toEqual({ N: 2 ** 15, r: 8, p: 3 });
    expect(parseHashCost('N=1024')).toEqual({ N: 1024, r: 8, p: 1 });
  });

  it.each([
    ['fast', 'is not a hash cost'],
    ['N=1000', 'N must be a power of two'],
    ['r=8', 'gives no N'],
    ['N=1024,ln=10', 'gives N twice'],
    ['N=1024,p=0', 'p must be between 1 and 64'],
    ['N=1048576,r=16', 'at most 1024 MiB'],
  ])('refuses %s, saying why', (text, why) => {
    expect(() => parseHashCost(text)).toThrow(why);
  });
});

describe("OWASP's minimum", () => {
  it('is N=2^17 r=8 p=1 or an equivalent trading memory for parallelism', () => {
    for (const [N, p] of [[2 ** 17, 1], [2 ** 16, 2], [2 ** 15, 3], [2 ** 14, 5], [2 ** 13, 10], [2 ** 18, 1]] as const) expect(meetsOwasp({ N, r: 8, p })).toBe(true);
    for (const [N, r, p] of [[2 ** 16, 8, 1], [2 ** 14, 8, 4], [2 ** 17, 4, 1], [2 ** 10, 8, 1], [2 ** 12, 8, 64]] as const) expect(meetsOwasp({ N, r, p })).toBe(false);
  });

  it('is warned about only when a cost is below it', () => {
    expect(hashCostWarning(OWASP_SCRYPT)).toBeUndefined();
    expect(hashCostWarning({ N: 2 ** 14, r: 8, p: 5 })).toBeUndefined();
    expect(hashCostWarning({ N: 1024, r: 8, p: 1 })?.join(' ')).toBe(
      "scrypt cost N=2^10 r=8 p=1 (1 MiB a hash) is below OWASP's minimum (N=2^17 r=8 p=1, or an equivalent). Password hashes this weak are for test runs and CI only: never seed real passwords with it.",
    );
    expect(describeHashCost(OWASP_SCRYPT)).toBe('N=2^17 r=8 p=1 (128 MiB a hash)');
  });
});
