import { randomBytes } from 'node:crypto';
import type { Clock, SessionSlots } from '@loginspec/login-kit';

/** The slot's name in the API's session slots. */
const SLOT = 'access-token-key';
/** How long a key holds once claimed: far beyond a token's lifetime, so that no live token outlives its key in practice. */
const KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;

/**
 * The key edr's access tokens are signed with, kept in the stores so that
 * every instance sharing them (Redis) signs and checks with the same key:
 * the first to need one puts a fresh CSPRNG key in a session slot (a claim:
 * the first wins, atomically), every other one reads the holder. No app
 * holds it. It is read on each use, not cached, so that when the test
 * controls empty the API every instance drops the old key at once (tokens
 * signed with it are refused) and the next key is again one for all.
 * In memory, one process, it is a key of its own that outlives no restart.
 */
export function sharedTokenKey(slots: SessionSlots, clock: Clock): () => Promise<Uint8Array> {
  return async () => {
    const held = await slots.get(SLOT);
    if (held !== undefined) return Buffer.from(held, 'base64url');
    const candidate = randomBytes(32).toString('base64url');
    const claim = await slots.claim(SLOT, candidate, clock.now() + KEY_LIFETIME_MS);
    return Buffer.from(claim.claimed ? candidate : claim.holder, 'base64url');
  };
}
