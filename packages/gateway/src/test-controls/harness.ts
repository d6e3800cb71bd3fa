import { type DeliveredMessage, HashingPool, memoryStores, type ReferenceServerOptions } from '@loginspec/login-kit';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import { ControlledClock, ControlledHashingPool, type ControlledStores, controlledStores, Faults } from '@loginspec/login-kit/controls';
import { Inbox } from './inbox.js';

const believeLoopback = clientAddress({ trustedProxies: ['127.0.0.0/8', '::1'] });

/** One API's controllable collaborators. */
export interface ControlledApi {
  stores: ControlledStores;
  faults: Faults;
  inbox: Inbox;
}

/**
 * The collaborators of the reference servers under test controls: one
 * clock for all, and for each API its own stores, faults and inbox over
 * the one hashing pool of the process.
 */
export class TestHarness {
  readonly clock = new ControlledClock();
  readonly apis = new Map<string, ControlledApi>();
  readonly #hashing: HashingPool;

  constructor(hashing = new HashingPool()) {
    this.#hashing = hashing;
  }

  /** The options to build `api`'s server with: `base`'s, with controllable collaborators in place of its own. */
  optionsFor(api: string, base: ReferenceServerOptions): ReferenceServerOptions {
    const faults = new Faults();
    const stores = controlledStores(() => memoryStores(this.clock), faults);
    const inbox = new Inbox();
    this.apis.set(api, { stores, faults, inbox });
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

  /** Empties an API's state, clears its faults and forgets what it delivered. */
  reset(api: ControlledApi): void {
    api.stores.reset();
    api.inbox.clear();
  }

  /** Empties every API's attempt counts only (SIGHUP): sessions, tokens, codes and faults stay. */
  resetAttempts(): void {
    for (const api of this.apis.values()) api.stores.resetAttempts();
  }
}
