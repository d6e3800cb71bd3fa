import { type DeliveredMessage, HashingPool, memoryStores, type ReferenceServerOptions, safeEqual } from '@loginspec/login-kit';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import type { SharedStores } from '@loginspec/login-kit/serve';
import { CONTROLS_TOKEN_HEADER, checkControlsToken, ControlledClock, ControlledHashingPool, type ControlledStores, controlledStores, Faults } from '@loginspec/login-kit/controls';
import type { Context } from 'hono';
import { Inbox } from './inbox.js';

const believeLoopback = clientAddress({ trustedProxies: ['127.0.0.0/8', '::1'] });
const peer = clientAddress();

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
 * it, so a test moves every instance's clock alike. The token unlocks the
 * controls, and makes a loopback peer's X-Forwarded-For believed.
 */
export class TestHarness {
  readonly clock = new ControlledClock();
  readonly apis = new Map<string, ControlledApi>();
  readonly #hashing: HashingPool;
  readonly #token: string;

  constructor(token: string, hashing = new HashingPool()) {
    this.#token = checkControlsToken(token);
    this.#hashing = hashing;
  }

  /** Whether `credential` is the controls' token, compared in constant time. */
  knows(credential: string | undefined): boolean {
    return credential !== undefined && safeEqual(credential, this.#token);
  }

  /**
   * A request's client: the one its X-Forwarded-For names when a loopback
   * peer sends the token with it (a test speaking for several clients),
   * else the socket's peer, so that no other local caller steps past a
   * per-address limit by naming another address.
   */
  readonly #clientAddress = (c: Context): string => (this.knows(c.req.header(CONTROLS_TOKEN_HEADER)) ? believeLoopback(c) : peer(c));

  /** The options to build `api`'s server with: `base`'s, with controllable collaborators in place of its own, over `shared` stores when given. */
  optionsFor(api: string, base: ReferenceServerOptions, shared?: SharedStores): ReferenceServerOptions {
    const faults = new Faults();
    // Faults wrap whichever stores there are; a reset of shared ones deletes their keys (below), the wrapper then starts a new generation over the same connection.
    const stores = controlledStores(() => shared ?? memoryStores(this.clock), faults);
    const inbox = new Inbox();
    this.apis.set(api, { stores, faults, inbox, ...(shared ? { shared } : {}) });
    return {
      ...base,
      // A test speaks for several clients through its loopback peer, with the token, unless the caller says whom to believe.
      clientAddress: base.clientAddress ?? this.#clientAddress,
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
