import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter.js';
import { ManualClock } from './clock.js';

describe('AttemptLimiter', () => {
  const setup = () => {
    const clock = new ManualClock();
    return { clock, limiter: new AttemptLimiter(clock, { maxFailures: 3, windowMs: 60_000 }) };
  };

  it('refuses after maxFailures inside the window, per key', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('a').allowed).toBe(true);
      limiter.recordFailure('a');
    }
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(limiter.check('b').allowed).toBe(true);
  });

  it('slides: the oldest failure leaving the window allows one more attempt', () => {
    const { clock, limiter } = setup();
    limiter.recordFailure('a');
    clock.advance(10_000);
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 50_000 });
    clock.advance(50_000);
    expect(limiter.check('a').allowed).toBe(true);
    limiter.recordFailure('a');
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });

  it('forgets a key on reset', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) limiter.recordFailure('a');
    limiter.reset('a');
    expect(limiter.check('a').allowed).toBe(true);
  });
});
