import { type DeliveredMessage, HashingPool, memoryStores, type ReferenceServerOptions } from '@loginspec/login-kit';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import type { SharedStores } from '@loginspec/login-kit/serve';
import { ControlledClock, ControlledHashingPool, type ControlledStores, controlledStores, Faults } from '@loginspec/login-kit/controls';
import { Inbox } from './inbox.js';

const believeLoopback = clientAddress({ trustedProxies: ['127.0.0.0/8', '::1'] });

/** One API's controllable collaborators. */
export interface ControlledApi {
  stores: ControlledStores;
  faults: Faults;
  inbox: Inbox;
  /** Where its state is kept when instances share it (Redis), under the API's own namespace. */
  shared?: SharedStores;
}

/**
 * The collaborators of the reference servers under test controls: one
 * clock for all, and for each API its own stores, faults and inbox over
 * the one hashing pool of the process. With shared stores (Redis) the
 * clock is still this process's own: the stores keep absolute times from
 * it, so a test moves every instance's clock alike.
 */
export class TestHarness {
  readonly clock = new ControlledClock();
  readonly apis = new Map<string, ControlledApi>();
  readonly #hashing: HashingPool;

  constructor(hashing = new HashingPool()) {
    this.#hashing = hashing;
  }

  /** The options to build `api`'s server with: `base`'s, with controllable collaborators in place of its own, over `shared` stores when given. */
  optionsFor(api: string, base: ReferenceServerOptions, shared?: SharedStores): ReferenceServerOptions {
    const faults = new Faults();
    // Faults wrap whichever stores there are; a reset of shared ones deletes their keys (below), the wrapper then starts a new generation over the same connection.
    const stores = controlledStores(() => shared ?? memoryStores(this.clock), faults);
    const inbox = new Inbox();
    this.apis.set(api, { stores, faults, inbox, ...(shared ? { shared } : {}) });
    return {
      ...base,
      // A test speaks for several clients through its loopback peer, unless the caller says whom to believe.
      clientAddress: base.clientAddress ?? believeLoopback,
      clock: this.clock,
      stores,
      hashing: new ControlledHashingPool(this.#hashing, faults),
      deliver: (message: DeliveredMessage) => {
        inbox.deliver(message);
        base.deliver?.(message);
      },
    };
  }

  /** Empties an API's state (in Redis, for every instance sharing it), clears its faults and forgets what it delivered. */
  async reset(api: ControlledApi): Promise<void> {
    await api.shared?.reset();
    api.stores.reset();
    api.inbox.clear();
  }

  /** Empties every API's attempt counts only (SIGHUP): sessions, tokens, codes and faults stay. */
  async resetAttempts(): Promise<void> {
    for (const api of this.apis.values()) api.stores.resetAttempts();
    await Promise.all([...this.apis.values()].map((api) => api.shared?.resetAttempts()));
  }
}
