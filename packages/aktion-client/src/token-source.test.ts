import { describe, expect, it } from 'vitest';
import type { AktionToken } from './client.js';
import { createTokenSource } from './token-source.js';

const credentials = { userLogin: 'John.Doo', apiKey: 'hDn/LFXIPESM036W+s7VKg==' };

/** A fake client issuing t1, t2, … valid 20 s, and a clock that only moves when told. */
function setup(refreshBeforeMs?: number) {
  let now = 0;
  const clock = { now: () => now };
  const logins: string[][] = [];
  const client = {
    async login(userLogin: string, apiKey: string): Promise<AktionToken> {
      logins.push([userLogin, apiKey]);
      // A server clock far ahead: the source must count ExpireInSec on its own clock.
      return { token: `t${logins.length}`, expireInSec: 20, expiresAt: new Date(now + 3_600_000) };
    },
  };
  const source = createTokenSource(client, credentials, { clock, refreshBeforeMs });
  return { source, logins, advance: (ms: number) => (now += ms) };
}

describe('createTokenSource', () => {
  it('reuses a token until it expires within 2 s, then logs in again', async () => {
    const { source, logins, advance } = setup();
    expect(await source.getToken()).toBe('t1');
    advance(17_999);
    expect(await source.getToken()).toBe('t1');
    advance(1);
    expect(await source.getToken()).toBe('t2');
    expect(logins).toEqual([
      ['John.Doo', 'hDn/LFXIPESM036W+s7VKg=='],
      ['John.Doo', 'hDn/LFXIPESM036W+s7VKg=='],
    ]);
  });

  it('takes refreshBeforeMs from its options', async () => {
    const { source, advance } = setup(10_000);
    await source.getToken();
    advance(9_999);
    expect(await source.getToken()).toBe('t1');
    advance(1);
    expect(await source.getToken()).toBe('t2');
  });

  it('shares one login between concurrent callers', async () => {
    const { source, logins } = setup();
    expect(await Promise.all([source.getToken(), source.getToken(), source.getToken()])).toEqual(['t1', 't1', 't1']);
    expect(logins).toHaveLength(1);
  });

  it('gives a failed login to every waiting caller and tries again on the next call', async () => {
    let fail = true;
    const client = {
      async login(): Promise<AktionToken> {
        if (fail) throw new Error('down');
        return { token: 'ok', expireInSec: 20, expiresAt: new Date(20_000) };
      },
    };
    const source = createTokenSource(client, credentials, { clock: { now: () => 0 } });
    const results = await Promise.allSettled([source.getToken(), source.getToken()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await source.getToken()).toBe('ok');
  });
});
