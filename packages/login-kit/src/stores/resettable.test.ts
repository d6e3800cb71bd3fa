import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { controlledStores } from '../controls/controlled-stores.js';
import { Faults } from '../controls/faults.js';
import { memoryStores } from './memory.js';
import { withResettableAttempts } from './resettable.js';

const limit = { key: 'k', max: 1, windowMs: 60_000 };

describe('withResettableAttempts', () => {
  it('empties every attempt counter made, and nothing else', async () => {
    const clock = new ManualClock();
    const stores = withResettableAttempts(memoryStores(clock));
    const attempts = stores.attempts('api:login:attempts');
    const sessions = stores.expiring<string>('api:sessions');
    await sessions.set('s', 'alice', clock.now() + 1000);
    expect((await attempts.reserve([limit])).granted).toBe(true);
    expect((await attempts.reserve([limit])).granted).toBe(false);
    stores.resetAttempts();
    expect((await attempts.reserve([limit])).granted).toBe(true);
    expect(await sessions.get('s')).toBe('alice');
  });
});

describe('controlledStores.resetAttempts', () => {
  it('empties the attempt counters only, keeping sessions', async () => {
    const clock = new ManualClock();
    const stores = controlledStores(() => memoryStores(clock), new Faults());
    const attempts = stores.attempts('api:login:attempts');
    const sessions = stores.expiring<string>('api:sessions');
    await sessions.set('s', 'alice', clock.now() + 1000);
    await attempts.reserve([limit]);
    stores.resetAttempts();
    expect((await attempts.reserve([limit])).granted).toBe(true);
    expect(await sessions.get('s')).toBe('alice');
    expect(stores.names).toEqual(['api:login:attempts', 'api:sessions']);
  });
});
