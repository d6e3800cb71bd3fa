import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.js';
import { createCredentialCache, type Grant, NoCredentialError } from './credential-cache.js';

const refused = () => new ApiError({ api: 'Fake', status: 401, code: 1, reason: 'no', body: null, headers: new Headers() });

/** A cache whose logins issue l1, l2, … and renewals r1, r2, …, each valid 60 s, on a clock that moves only when told. */
function setup(options: { renew?: boolean; renewBeforeMs?: number } = {}) {
  let now = 0;
  const calls: string[] = [];
  let failRenew = false;
  let failLogin: Error | undefined;
  const grant = (value: string): Grant<string> => ({ value, expiresAt: now + 60_000 });
  const cache = createCredentialCache<string>({
    async login() {
      calls.push('login');
      if (failLogin) throw failLogin;
      return grant(`l${calls.filter((c) => c === 'login').length}`);
    },
    renew: options.renew
      ? async (held) => {
          calls.push(`renew ${held}`);
          if (failRenew) throw refused();
          return grant(`r${calls.filter((c) => c.startsWith('renew')).length}`);
        }
      : undefined,
    renewBeforeMs: options.renewBeforeMs ?? 10_000,
    clock: { now: () => now },
  });
  return {
    cache,
    calls,
    advance: (ms: number) => (now += ms),
    failRenewals: () => (failRenew = true),
    failLogins: (error: Error | undefined) => (failLogin = error),
  };
}

describe('createCredentialCache', () => {
  it('logs in once for every concurrent caller, then answers what it holds', async () => {
    const { cache, calls } = setup();
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['l1', 'l1', 'l1']);
    expect(await cache.get()).toBe('l1');
    expect(calls).toEqual(['login']);
  });

  it('renews once the credential expires within renewBeforeMs, not before', async () => {
    const { cache, calls, advance } = setup({ renew: true });
    await cache.get();
    advance(49_999);
    expect(await cache.get()).toBe('l1');
    advance(1);
    expect(await Promise.all([cache.get(), cache.get()])).toEqual(['r1', 'r1']);
    expect(calls).toEqual(['login', 'renew l1']);
  });

  it('logs in again when the renewal is refused', async () => {
    const { cache, calls, failRenewals } = setup({ renew: true });
    await cache.get();
    failRenewals();
    expect(await cache.refresh()).toBe('l2');
    expect(calls).toEqual(['login', 'renew l1', 'login']);
  });

  it('gives a failed login to every waiting caller, and tries again on the next call', async () => {
    const { cache, calls, failLogins } = setup();
    failLogins(new Error('down'));
    const results = await Promise.allSettled([cache.get(), cache.get()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    failLogins(undefined);
    expect(await cache.get()).toBe('l2');
    expect(calls).toEqual(['login', 'login']);
  });

  it('after a refusal, answers the credential another call has renewed meanwhile, without renewing again', async () => {
    const { cache, calls } = setup({ renew: true });
    await cache.get();
    expect(await cache.refused('l1')).toBe('r1');
    expect(await cache.refused('l1')).toBe('r1');
    expect(calls).toEqual(['login', 'renew l1']);
  });

  it('does not keep a login that ends after clear(), and holds what set() gives', async () => {
    const { cache } = setup();
    const pending = cache.get();
    cache.clear();
    expect(await pending).toBe('l1');
    expect(cache.current).toBeUndefined();
    cache.set({ value: 'given' });
    expect(await cache.get()).toBe('given');
  });

  it('without a login, renews what it was given and says so when it holds nothing', async () => {
    const cache = createCredentialCache<string>({});
    expect(cache.canObtain).toBe(false);
    await expect(cache.get()).rejects.toBeInstanceOf(NoCredentialError);
    expect(await cache.refused('x')).toBeUndefined();
    cache.setLogin(async () => ({ value: 'late' }));
    expect(await cache.get()).toBe('late');
  });
});
