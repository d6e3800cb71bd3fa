import { ManualClock, memoryStores } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { Sessions } from './sessions.js';

const lifetimes = { helloMs: 300_000, loginMs: 1_800_000 };

function sessions(capacity = 10, demo: string[] = []) {
  const clock = new ManualClock();
  return { clock, sessions: new Sessions(memoryStores(clock).expiring<true>('sessions', { capacity }), clock, lifetimes, demo) };
}

describe('Sessions', () => {
  it('opens sessions with distinct UUIDs that live helloMs', async () => {
    const { clock, sessions: s } = sessions();
    const first = await s.open();
    expect(first?.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first?.expireTime).toBe(clock.now() + lifetimes.helloMs);
    expect((await s.open())?.sessionId).not.toBe(first?.sessionId);
    clock.advance(lifetimes.helloMs - 1);
    expect(await s.isLive(first?.sessionId as string)).toBe(true);
    clock.advance(1);
    expect(await s.isLive(first?.sessionId as string)).toBe(false);
  });

  it('moves the expiry to loginMs after each login, and never revives a dead session', async () => {
    const { clock, sessions: s } = sessions();
    const { sessionId } = (await s.open()) as { sessionId: string };
    clock.advance(lifetimes.helloMs - 1);
    expect(await s.loggedIn(sessionId)).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs - 1);
    expect(await s.loggedIn(sessionId)).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(lifetimes.loginMs);
    expect(await s.loggedIn(sessionId)).toBeUndefined();
    expect(await s.isLive(sessionId)).toBe(false);
  });

  it('opens no more sessions than the store may hold, and again once some expire', async () => {
    const { clock, sessions: s } = sessions(2);
    expect(await s.open()).toBeDefined();
    expect(await s.open()).toBeDefined();
    expect(await s.open()).toBeUndefined();
    clock.advance(lifetimes.helloMs);
    expect(await s.open()).toBeDefined();
  });

  it('keeps demo sessions live for ever, each login answering a fresh expiry', async () => {
    const { clock, sessions: s } = sessions(1, ['demo']);
    expect(await s.loggedIn('demo')).toBe(clock.now() + lifetimes.loginMs);
    clock.advance(10 * 365 * 24 * 3_600_000);
    expect(await s.isLive('demo')).toBe(true);
    expect(await s.loggedIn('demo')).toBe(clock.now() + lifetimes.loginMs);
  });

  it('knows no session it did not open', async () => {
    const { sessions: s } = sessions();
    expect(await s.isLive('9a0b6679-c460-41a3-b26c-26e0d69538c6')).toBe(false);
    expect(await s.loggedIn('9a0b6679-c460-41a3-b26c-26e0d69538c6')).toBeUndefined();
  });
});
