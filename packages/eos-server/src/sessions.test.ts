import { ManualClock } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { Sessions } from './sessions.js';

const lifetimes = { helloMs: 300_000, loginMs: 1_800_000 };

describe('Sessions', () => {
  it('opens sessions with distinct UUIDs that live helloMs', () => {
    const clock = new ManualClock();
    const sessions = new Sessions(clock, lifetimes);
    const first = sessions.open();
    expect(first.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.expireTime).toBe(clock.now() + lifetimes.helloMs);
    expect(sessions.open().sessionId).not.toBe(first.sessionId);
    clock.advance(lifetimes.helloMs - 1);
    expect(sessions.isLive(first.sessionId)).toBe(true);
    clock.advance(1);
    expect(sessions.isLive(first.sessionId)).toBe(false);
  });

  it('moves the expiry to loginMs after each login, and never revives a dead session', () => {
    const clock = new ManualClock();
    const sessions = new Sessions(clock, lifetimes);
    const { sessionId } = sessions.open();
    clock.advance(lifetimes.helloMs - 1);
    expect(sessions.loggedIn(sessionId)).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs - 1);
    expect(sessions.loggedIn(sessionId)).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs);
    expect(sessions.loggedIn(sessionId)).toBeUndefined();
    expect(sessions.isLive(sessionId)).toBe(false);
  });

  it('knows no session it did not open', () => {
    const sessions = new Sessions(new ManualClock(), lifetimes);
    expect(sessions.isLive('9a0b6679-c460-41a3-b26c-26e0d69538c6')).toBe(false);
    expect(sessions.loggedIn('9a0b6679-c460-41a3-b26c-26e0d69538c6')).toBeUndefined();
  });

  it('keeps demo sessions live for ever, each login answering a fresh expiry', () => {
    const clock = new ManualClock();
    const sessions = new Sessions(clock, lifetimes, ['demo']);
    expect(sessions.loggedIn('demo')).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(10 * 365 * 24 * 3_600_000);
    expect(sessions.isLive('demo')).toBe(true);
    expect(sessions.loggedIn('demo')).toBe(clock.now() + lifetimes.loginMs);
  });
});
