import { ManualClock, memoryStores } from '@loginspec/login-kit';
import { controlledStores, Faults } from '@loginspec/login-kit/controls';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-tokens.js';
import { documented } from './description.js';
import { sharedTokenKey } from './token-key.js';

type Slots = ReturnType<ReturnType<typeof memoryStores>['sessionSlots']>;
const tokensOver = (slots: Slots, clock: ManualClock) => new AccessTokens(sharedTokenKey(slots, clock), clock, documented.tokenLifetimeSeconds);

describe('sharedTokenKey', () => {
  it('gives every instance sharing the stores one key, claimed by the first of parallel callers, and another store another key', async () => {
    const clock = new ManualClock();
    // One slot store stands for the shared one (Redis) two instances reach.
    const shared = memoryStores(clock).sessionSlots('edr:token-key');
    const [one, two] = [tokensOver(shared, clock), tokensOver(shared, clock)];
    // Both need the key at once: the claim lets one key win.
    const [a, b] = await Promise.all([one.issue('u1'), two.issue('u2')]);
    expect(await two.verify(a)).toMatchObject({ sub: 'u1' });
    expect(await one.verify(b)).toMatchObject({ sub: 'u2' });
    expect(await tokensOver(memoryStores(clock).sessionSlots('edr:token-key'), clock).verify(a)).toBeUndefined();
  });

  it('drops the key with the stores: a token signed before is refused, the next key is again one for all', async () => {
    const clock = new ManualClock();
    const stores = controlledStores(() => memoryStores(clock), new Faults());
    const tokens = tokensOver(stores.sessionSlots('edr:token-key'), clock);
    const before = await tokens.issue('u1');
    stores.reset();
    expect(await tokens.verify(before)).toBeUndefined();
    expect(await tokens.verify(await tokens.issue('u1'))).toMatchObject({ sub: 'u1' });
  });
});
