/**
 * Contract scenarios: an API's behaviour, written once against a base URL,
 * so that the same proof runs on loopback in the tests and, later, against
 * any server that claims to implement the description.
 *
 * @module
 */
import type { FaultRequest } from '@loginspec/login-kit/controls';
import type { AnyDescription } from '@loginspec/openapi-runtime';
import type { RawRequest } from './raw-request.js';

/**
 * The server's clock, where the server lets a test move it (a reference
 * server). It stands still but when moved, so that `now()` is the server's
 * time to the millisecond; a move takes effect before the scenario's next
 * request.
 */
export interface ServerClock {
  now(): number;
  advance(ms: number): void;
}

/** Makes the server's collaborators fail, where the server lets a test do so (a reference server). */
export interface ServerFaults {
  inject(fault: FaultRequest): Promise<void>;
}

export interface ScenarioContext<Demo> {
  /** The API's base URL, e.g. `http://127.0.0.1:4010/enos`, no trailing slash. */
  baseUrl: string;
  /** A fetch whose every response is checked against the description; give it to the generated client. */
  fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Sends what `fetch` will not (a GET with a body), its answer checked as `fetch`'s are. */
  send: (request: RawRequest) => Promise<Response>;
  /** Credentials that log in: the description's `seed` examples by default. */
  demo: Demo;
  /** Present only when the scenario declared it `needs: ['clock']` and the server offers one. */
  clock?: ServerClock;
  /**
   * A fetch whose requests the server takes as coming from `address`
   * (`X-Forwarded-For`, which a server trusts only from a proxy it was told
   * of). Present only when the scenario declared `needs: ['addresses']` and
   * the server offers it.
   */
  from?: (address: string) => ScenarioContext<Demo>['fetch'];
  /**
   * The texts the server has delivered to `to` out of band (an MFA code "by
   * e-mail"), oldest first. Present only when the scenario declared
   * `needs: ['inbox']` and the server offers it.
   */
  inbox?: (to: string) => Promise<string[]>;
  /** Present only when the scenario declared `needs: ['faults']` and the server offers them. */
  faults?: ServerFaults;
}

/**
 * What a scenario may need beyond a base URL: to move the server's clock, to
 * speak from several client addresses, to read what it delivers, to make its
 * collaborators fail (for the 500s and 503s a healthy server never gives).
 */
export type ScenarioNeed = 'clock' | 'addresses' | 'inbox' | 'faults';

export interface Scenario<Demo> {
  name: string;
  /** What the scenario asks of the server beyond its API (see `ScenarioNeed`); it runs only where the server offers it. */
  needs?: readonly ScenarioNeed[];
  /** Locks an account or leaves state a shared server keeps; a run that must stay harmless skips it. */
  changesState?: boolean;
  run(context: ScenarioContext<Demo>): Promise<void>;
}

export interface ScenarioSuite<Demo> {
  /** The API's name in the registry. */
  api: string;
  description: AnyDescription;
  demo: Demo;
  scenarios: Scenario<Demo>[];
}

/**
 * Declares an API's scenarios. Each runs on a fresh server where it can;
 * `needs` and `changesState` say what it asks of the server.
 *
 * @example
 * export const enosSuite = defineSuite({ api: 'enos', description: enos, demo, scenarios: [
 *   { name: 'logs the demo account in', run: async ({ baseUrl, fetch, demo }) => { … } },
 * ] });
 */
export function defineSuite<Demo>(suite: ScenarioSuite<Demo>): ScenarioSuite<Demo> {
  const names = new Set<string>();
  for (const { name } of suite.scenarios) {
    if (names.has(name)) throw new Error(`${suite.api}: two scenarios are named "${name}"`);
    names.add(name);
  }
  return suite;
}

/** The clock of a scenario that declared `needs: ['clock']`. */
export function clockOf(context: ScenarioContext<unknown>): ServerClock {
  if (!context.clock) throw new Error('this scenario needs a server clock it can move; run it against a reference server');
  return context.clock;
}

/** What the server delivered to `to`, for a scenario that declared `needs: ['inbox']`. */
export function inboxOf(context: ScenarioContext<unknown>, to: string): Promise<string[]> {
  if (!context.inbox) throw new Error("this scenario needs to read what the server delivers; run it against a reference server");
  return context.inbox(to);
}

/** A fetch speaking from `address`, for a scenario that declared `needs: ['addresses']`. */
export function fromAddress(context: ScenarioContext<unknown>, address: string): ScenarioContext<unknown>['fetch'] {
  if (!context.from) throw new Error('this scenario needs to speak from several client addresses; run it against a reference server that trusts the tester as a proxy');
  return context.from(address);
}

/** Makes the server's collaborators fail, for a scenario that declared `needs: ['faults']`. */
export function faultsOf(context: ScenarioContext<unknown>): ServerFaults {
  if (!context.faults) throw new Error('this scenario needs to make the server fail on purpose; run it against a reference server with test controls');
  return context.faults;
}
