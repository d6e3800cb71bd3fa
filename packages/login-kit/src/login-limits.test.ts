import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { HashingBusyError } from './hashing-pool.js';
import { type AttemptLimitSettings, LoginLimits } from './login-limits.js';
import { memoryStores } from './stores/memory.js';

const settings: AttemptLimitSettings = { perAccountAndAddress: 3, perAccount: 10, perAddress: 5, windowSeconds: 60, knownAddressSeconds: 3600 };

function setup() {
  const clock = new ManualClock();
  const stores = memoryStores(clock);
  const limits = new LoginLimits(settings, stores.attempts('login'), stores.expiring<true>('known'), clock);
  /** One attempt judged as `ok`, or its refusal. */
  const attempt = async (account: string, address: string, ok = false) => {
    const admission = await limits.admit(account, address);
    if (!admission.admitted) return admission.retryAfterSeconds;
    await limits.settle(admission.ticket, ok ? 'completed' : 'failed');
    return ok ? 'in' : 'wrong';
  };
  return { clock, limits, attempt };
}

describe('LoginLimits', () => {
  it('judges at most the limit of a burst of parallel guesses, and refuses the rest before any check', async () => {
    const { limits } = setup();
    const admissions = await Promise.all(Array.from({ length: 50 }, () => limits.admit('alice', '203.0.113.1')));
    expect(admissions.filter((a) => a.admitted)).toHaveLength(settings.perAccountAndAddress);
  });

  it('refuses the right password too once the limit is reached, until the window passes', async () => {
    const { clock, attempt } = setup();
    for (let i = 0; i < 3; i++) expect(await attempt('alice', '203.0.113.1')).toBe('wrong');
    expect(await attempt('alice', '203.0.113.1', true)).toBe(60);
    clock.advance(60_000);
    expect(await attempt('alice', '203.0.113.1', true)).toBe('in');
  });

  it('counts a success as no failure, and ends the consecutive failures of the account', async () => {
    const { attempt } = setup();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await attempt('alice', '203.0.113.1');
      expect(await attempt('alice', '203.0.113.1', true)).toBe('in');
    }
  });

  it('locks an account against strangers after perAccount failures from many addresses', async () => {
    const { attempt } = setup();
    for (let i = 0; i < 10; i++) expect(await attempt('alice', `198.51.100.${i}`)).toBe('wrong');
    expect(await attempt('alice', '198.51.100.200', true)).toBe(60);
  });

  it("keeps the owner's way in from an address that logged in before", async () => {
    const { attempt } = setup();
    expect(await attempt('alice', '192.0.2.7', true)).toBe('in');
    for (let i = 0; i < 10; i++) await attempt('alice', `198.51.100.${i}`);
    expect(await attempt('alice', '198.51.100.200', true)).toBe(60);
    expect(await attempt('alice', '192.0.2.7', true)).toBe('in');
  });

  it('limits an address guessing at many accounts, but not the users it already knew', async () => {
    const { attempt } = setup();
    expect(await attempt('bob', '203.0.113.9', true)).toBe('in');
    for (let i = 0; i < 5; i++) await attempt(`guess-${i}`, '203.0.113.9');
    expect(await attempt('carol', '203.0.113.9', true)).toBe(60);
    expect(await attempt('bob', '203.0.113.9', true)).toBe('in');
  });

  it('keeps the failures of an address after one of its accounts succeeds', async () => {
    const { attempt } = setup();
    for (let i = 0; i < 4; i++) await attempt(`guess-${i}`, '203.0.113.9');
    expect(await attempt('bob', '203.0.113.9', true)).toBe('in');
    await attempt('guess-9', '203.0.113.9');
    expect(await attempt('carol', '203.0.113.9')).toBe(60);
  });

  it('lets a success that does not complete the login (a step left) give its place back, and keep the failures', async () => {
    const { limits, attempt } = setup();
    expect(await attempt('alice', '203.0.113.1')).toBe('wrong');
    expect(await attempt('alice', '203.0.113.1')).toBe('wrong');
    for (let i = 0; i < 5; i++) expect(await limits.check('alice', '203.0.113.1', async () => 'alice', () => false)).toEqual({ outcome: 'accepted', holder: 'alice' });
    // Not wiped: the third failure reaches the limit of 3.
    expect(await attempt('alice', '203.0.113.1')).toBe('wrong');
    expect(await attempt('alice', '203.0.113.1', true)).toBe(60);
  });

  it('gives back the place of an attempt that was never judged', async () => {
    const { limits } = setup();
    for (let i = 0; i < 3; i++) {
      const admission = await limits.admit('alice', '203.0.113.1');
      if (admission.admitted) await limits.withdraw(admission.ticket);
    }
    expect((await limits.admit('alice', '203.0.113.1')).admitted).toBe(true);
  });

  it('counts two IPv6 addresses of one /64 as one address, and addresses of two /64s apart', async () => {
    const { attempt } = setup();
    for (let i = 0; i < 5; i++) expect(await attempt(`guess-${i}`, `2001:db8:1:2::${i + 1}`)).toBe('wrong');
    expect(await attempt('carol', '2001:db8:1:2:a:b:c:d')).toBe(60);
    expect(await attempt('carol', '2001:db8:1:3::1')).toBe('wrong');
  });

  it('counts one account from one IPv6 /64 as from one address', async () => {
    const { attempt } = setup();
    for (let i = 0; i < 3; i++) expect(await attempt('alice', `2001:db8::${i + 1}`)).toBe('wrong');
    expect(await attempt('alice', '2001:db8::ffff', true)).toBe(60);
    expect(await attempt('alice', '2001:db8:0:1::1', true)).toBe('in');
  });

  it("knows the owner's IPv6 /64, not only the address the owner logged in from", async () => {
    const { attempt } = setup();
    expect(await attempt('alice', '2001:db8:7::1', true)).toBe('in');
    for (let i = 0; i < 10; i++) await attempt('alice', `198.51.100.${i}`);
    expect(await attempt('alice', '2001:db8:8::1', true)).toBe(60);
    expect(await attempt('alice', '2001:db8:7::2', true)).toBe('in');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    const { attempt } = setup();
    for (let i = 0; i < 5; i++) await attempt(`guess-${i}`, i % 2 === 0 ? '203.0.113.9' : '::ffff:203.0.113.9');
    expect(await attempt('carol', '::ffff:cb00:7109')).toBe(60);
    expect(await attempt('carol', '203.0.113.10')).toBe('wrong');
  });

  it('refuses a per-account limit above NIST’s 100', () => {
    const clock = new ManualClock();
    const stores = memoryStores(clock);
    expect(() => new LoginLimits({ ...settings, perAccount: 101 }, stores.attempts('a'), stores.expiring('k'), clock)).toThrow(/at most 100/);
  });
});

describe('LoginLimits.check', () => {
  it('admits, checks and settles; a check the hashing pool refuses gives its place back and answers busy', async () => {
    const { limits } = setup();
    expect(await limits.check('alice', 'a', async () => ({ id: 1 }))).toEqual({ outcome: 'accepted', holder: { id: 1 } });
    expect(await limits.check('alice', 'a', async () => undefined)).toEqual({ outcome: 'refused' });
    for (let i = 0; i < 5; i++) {
      expect(await limits.check('alice', 'a', () => Promise.reject(new HashingBusyError(10)))).toEqual({ outcome: 'busy', retryAfterSeconds: 10 });
    }
    await limits.check('alice', 'a', async () => undefined);
    expect(await limits.check('alice', 'a', async () => undefined)).toEqual({ outcome: 'refused' });
    expect(await limits.check('alice', 'a', async () => ({ id: 1 }))).toEqual({ outcome: 'limited', retryAfterSeconds: 60 });
  });

  it('lets any other error through, its attempt counted', async () => {
    const { limits } = setup();
    for (let i = 0; i < 3; i++) await expect(limits.check('alice', 'a', () => Promise.reject(new Error('directory down')))).rejects.toThrow('directory down');
    expect(await limits.check('alice', 'a', async () => ({ id: 1 }))).toMatchObject({ outcome: 'limited' });
  });
});

describe('LoginLimits with a store that counts its calls', () => {
  it('gives a completed login its place back only where it is not cleared, and leaves the same counts', async () => {
    const clock = new ManualClock();
    const stores = memoryStores(clock);
    const counter = stores.attempts('login');
    const released: string[][] = [];
    const release = counter.release.bind(counter);
    counter.release = (reservation) => (released.push([...reservation.keys]), release(reservation));
    const limits = new LoginLimits(settings, counter, stores.expiring<true>('known'), clock);
    const login = async (ok: boolean) => {
      const admission = await limits.admit('alice', '203.0.113.1');
      if (!admission.admitted) throw new Error('refused');
      await limits.settle(admission.ticket, ok ? 'completed' : 'failed');
    };
    for (let i = 0; i < 2; i++) await login(false); // the address counts 2 of its 5
    await login(true); // a stranger's address: released under the address only
    expect(released).toEqual([['address\u0000203.0.113.1']]);
    await login(true); // now known: nothing to give back, the pair is cleared
    expect(released).toHaveLength(1);
    // The address kept its 2 failures and not the successes: 3 more strangers' guesses, not 4.
    for (const stranger of ['bob', 'carol', 'dave']) expect((await limits.admit(stranger, '203.0.113.1')).admitted).toBe(true);
    expect((await limits.admit('eve', '203.0.113.1')).admitted).toBe(false);
  });
});
