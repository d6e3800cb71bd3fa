import { describe, expect, it } from 'vitest';
import type { AktionToken } from './client.js';
import { createTokenSource } from './token-source.js';

describe('createTokenSource', () => {
  function setup() {
    let now = 0;
    let logins = 0;
    const login = async (): Promise<AktionToken> => {
      logins++;
      return { token: `t${logins}`, expireInSec: 20, expiresAt: new Date(now + 20_000) };
    };
    const source = createTokenSource(login, { refreshBeforeMs: 2_000, now: () => now });
    return { source, advance: (ms: number) => (now += ms), logins: () => logins };
  }

  it('reuses a token until it is about to expire, then logs in again', async () => {
    const { source, advance, logins } = setup();
    expect(await source.getToken()).toBe('t1');
    advance(17_999);
    expect(await source.getToken()).toBe('t1');
    advance(1);
    expect(await source.getToken()).toBe('t2');
    expect(logins()).toBe(2);
  });

  it('shares one login between concurrent callers', async () => {
    const { source, logins } = setup();
    expect(await Promise.all([source.getToken(), source.getToken(), source.getToken()])).toEqual(['t1', 't1', 't1']);
    expect(logins()).toBe(1);
  });

  it('lets a failed login be retried', async () => {
    let fail = true;
    const source = createTokenSource(async () => {
      if (fail) throw new Error('down');
      return { token: 'ok', expireInSec: 20, expiresAt: new Date(Date.now() + 20_000) };
    });
    await expect(source.getToken()).rejects.toThrow('down');
    fail = false;
    expect(await source.getToken()).toBe('ok');
  });
});
