import { describe, expect, it } from 'vitest';
import { memoBy } from './memo.js';

describe('memoBy', () => {
  it('computes each key once, undefined answers included', () => {
    const calls: string[] = [];
    const length = memoBy(
      (key: string) => key,
      (key) => (calls.push(key), key === '' ? undefined : key.length),
    );
    expect([length('abc'), length('abc'), length(''), length('')]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toEqual(['abc', '']);
  });

  it('keys by what it is told, and computes from the whole argument', () => {
    const total = memoBy(
      ({ a }: { a: number; b: number }) => String(a),
      ({ a, b }) => a + b,
    );
    expect([total({ a: 1, b: 2 }), total({ a: 1, b: 100 })]).toEqual([3, 3]);
  });

  it('forgets everything once it holds `max` keys, so endless new keys cannot grow it', () => {
    const calls: string[] = [];
    const same = memoBy(
      (key: string) => key,
      (key) => (calls.push(key), key),
      2,
    );
    for (const key of ['a', 'b', 'c', 'a']) same(key);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
