import { describe, expect, it } from 'vitest';
import { checkNamespace, checkStoreName, encodeKey, patterns, StoreKeys } from './keys.js';

describe('the key layout', () => {
  it('names keys <namespace>:<store name>:<kind>:<key>, the key with % and : encoded', () => {
    const keys = new StoreKeys('loginspec', 'enos:sessions');
    expect(keys.of('entry', 'tenant:1/100%')).toBe('loginspec:enos:sessions:entry:tenant%3A1/100%25');
    expect(keys.of('attempt', 'account\u0000alice')).toBe('loginspec:enos:sessions:attempt:account\u0000alice');
    expect(keys.index('entry')).toBe('loginspec:enos:sessions:index:entry');
    expect(encodeKey('%3A')).toBe('%253A');
  });

  it('refuses namespaces and store names that would make a pattern match the wrong keys', () => {
    for (const bad of ['', 'a:b', 'a*', 'a?', 'a[b]', 'a\\b', 'a b']) expect(() => checkNamespace(bad)).toThrow(TypeError);
    for (const bad of ['', 'a:', ':a', 'a::b', 'entry', 'enos:attempt', 'x:index:y', 'slot']) expect(() => checkStoreName(bad)).toThrow(TypeError);
    expect(checkStoreName('aktion:login:attempts')).toBe('aktion:login:attempts');
    expect(checkNamespace('loginspec-ci.1')).toBe('loginspec-ci.1');
  });

  it('scans for attempt counters and their indexes only', () => {
    expect(patterns.attempts('ns')).toEqual(['ns:*:attempt:*', 'ns:*:index:attempt']);
    expect(patterns.everything('ns')).toBe('ns:*');
  });
});
