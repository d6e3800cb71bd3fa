/**
 * Contract scenarios: an API's behaviour, written once against a base URL,
 * so that the same proof runs on loopback in the tests and, later, against
 * any server that claims to implement the description.
 *
 * @module
 */
import type { AnyDescription } from '@loginspec/openapi-runtime';

/** The server's clock, where the server lets a test move it (a reference server on loopback). */
export interface ServerClock {
  now(): number;
  advance(ms: number): void;
}

export interface ScenarioContext<Demo> {
  /** The API's base URL, e.g. `http://127.0.0.1:4010/enos`, no trailing slash. */
  baseUrl: string;
  /** A fetch whose every response is checked against the description; give it to the generated client. */
  fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
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
  inbox?: (to: string) => string[];
}

/** What a scenario may need beyond a base URL: to move the server's clock, to speak from several client addresses, to read what it delivers. */
export type ScenarioNeed = 'clock' | 'addresses' | 'inbox';

export interface Scenario<Demo> {
  name: string;
  /**
   * `clock`: moves the server's time (expiry, windows); `addresses`: speaks
   * from several client addresses. It runs only where the server allows it.
   */
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
export function inboxOf(context: ScenarioContext<unknown>, to: string): string[] {
  if (!context.inbox) throw new Error("this scenario needs to read what the server delivers; run it against a reference server");
  return context.inbox(to);
}

/** A fetch speaking from `address`, for a scenario that declared `needs: ['addresses']`. */
export function fromAddress(context: ScenarioContext<unknown>, address: string): ScenarioContext<unknown>['fetch'] {
  if (!context.from) throw new Error('this scenario needs to speak from several client addresses; run it against a reference server that trusts the tester as a proxy');
  return context.from(address);
}
