import { ManualClock } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle.js';

const limit = { perAccount: 2, perClientAddress: 3, windowSeconds: 60 };

describe('LoginThrottle', () => {
  it('limits an account whatever address the attempts come from', () => {
    const throttle = new LoginThrottle(new ManualClock(), limit);
    throttle.recordFailure('alice', '10.0.0.1');
    throttle.recordFailure('alice', '10.0.0.2');
    expect(throttle.check('alice', '10.0.0.3')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(throttle.check('bob', '10.0.0.3')).toEqual({ allowed: true });
  });

  it('limits an address whatever accounts it tries', () => {
    const throttle = new LoginThrottle(new ManualClock(), limit);
    for (const account of ['a', 'b', 'c']) throttle.recordFailure(account, '10.0.0.1');
    expect(throttle.check('d', '10.0.0.1').allowed).toBe(false);
    expect(throttle.check('d', '10.0.0.2').allowed).toBe(true);
  });

  it('lets the window slide and a success clear the account but not the address', () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(clock, limit);
    throttle.recordFailure('alice', 'ip');
    throttle.recordFailure('alice', 'ip');
    throttle.recordSuccess('alice');
    expect(throttle.check('alice', 'other').allowed).toBe(true);
    throttle.recordFailure('bob', 'ip');
    expect(throttle.check('carol', 'ip')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(60_000);
    expect(throttle.check('carol', 'ip').allowed).toBe(true);
  });
});
