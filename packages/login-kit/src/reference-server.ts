import type { AnyDescription, RoutingOptions } from '@loginspec/openapi-runtime';
import { requestHeader } from '@loginspec/openapi-runtime/node';
import type { Context, Hono } from 'hono';
import { type AccountFormat, accountsToSeed, type SeedAccounts } from './accounts.js';
import { type Clock, systemClock } from './clock.js';
import { HashingPool } from './hashing-pool.js';
import { LoginLimits, type AttemptLimitSettings } from './login-limits.js';
import { OWASP_SCRYPT, PasswordHasher, type ScryptParams } from './password.js';
import { memoryStores } from './stores/memory.js';
import type { Stores } from './stores/ports.js';

/** What every reference server lets its caller choose. */
export interface ReferenceServerOptions {
  clock?: Clock;
  /** scrypt cost; OWASP's by default. Tests lower it, deployments should not. */
  scrypt?: ScryptParams;
  /** Largest request body accepted, in bytes (64 KiB by default, as the descriptions document). */
  maxBodyBytes?: number;
  /** Reads the client's address for per-client limits (the platform adapter's, with its trusted proxies). */
  clientAddress?: (c: Context) => string;
  /** Where the server keeps its state: in memory on its clock by default. */
  stores?: Stores;
  /** The bound on password hashing, one per process, so that several servers share it. */
  hashing?: HashingPool;
  /** Delivers what a server sends to a person (an MFA code "by e-mail"): `pnpm start` prints it, tests read it. */
  deliver?: (message: DeliveredMessage) => void;
  /**
   * Accounts to seed beside the demo ones, or instead of them: entries in
   * the server's `accounts` format, their secrets hashed at start. An entry
   * that cannot be seeded fails `create` with an `AccountsError`.
   */
  accounts?: SeedAccounts;
  /** Numbers that replace those of the description's `x-attempt-limit`, for every limited operation. */
  attemptLimits?: Partial<AttemptLimitSettings>;
}

/** A message a server sends to a person, out of band. */
export interface DeliveredMessage {
  /** The address it goes to, e.g. an e-mail address. */
  to: string;
  text: string;
  /** The one-time code the text carries, if any: for a test that must use it, not parse it. */
  code?: string;
}

/** A demo login, as the vendor's own sample writes it, for people to try. */
export interface DemoLogin {
  /** The operation it logs in with. */
  operationId: string;
  /** The request's fields and values. */
  fields: Record<string, string>;
  /** Anything a person needs to know to use it. */
  note?: string;
}

/**
 * How a reference server presents itself: the one export of each server
 * package that `pnpm start` reads (the registry's `x-loginspec-server`
 * names the package).
 *
 * @example
 * export const server: ReferenceServer = { name: 'enos', description: enos, demoLogins, create: createDemoEnosApp };
 */
export interface ReferenceServer {
  /** The API's name in the registry: its URL prefix. */
  name: string;
  description: AnyDescription;
  demoLogins(): DemoLogin[];
  /** The server with its demo accounts (and `options.accounts`) and the description's documented settings. */
  create(options?: ReferenceServerOptions): Promise<Hono>;
  /** What one of its accounts holds: the format of `options.accounts` and of an accounts file's entries for this API. */
  accounts?: AccountFormat;
}

/** The collaborators every reference server builds from its options, with their defaults. */
export interface ServerKit {
  clock: Clock;
  stores: Stores;
  hasher: PasswordHasher;
  /** For the server's router: the body limit, the client address reader, and Node's fast reading of headers. */
  routing: RoutingOptions;
  /** The attempt limits of a login, as its description's `x-attempt-limit` states them (or `options.attemptLimits` overrides them), in stores named after the API. */
  loginLimits(api: string, description: AnyDescription, operationId: string): LoginLimits;
  /** The accounts to seed: the format's demo accounts unless `options.accounts` drops them, then its entries; throws `AccountsError` for a bad entry. */
  accounts<T>(format: AccountFormat<T>): T[];
}

/**
 * Resolves a server's options: the system clock, OWASP's scrypt cost,
 * in-memory stores and a hashing pool of its own unless told otherwise.
 */
export function serverKit({ clock = systemClock, scrypt = OWASP_SCRYPT, stores, hashing = new HashingPool(), maxBodyBytes, clientAddress, accounts, attemptLimits }: ReferenceServerOptions = {}): ServerKit {
  const kept = stores ?? memoryStores(clock);
  return {
    clock,
    stores: kept,
    hasher: new PasswordHasher(scrypt, hashing),
    routing: { maxBodyBytes, clientAddress, header: requestHeader },
    loginLimits: (api, description, operationId) =>
      new LoginLimits(
        { ...description.extension<AttemptLimitSettings>('x-attempt-limit', operationId), ...Object.fromEntries(Object.entries(attemptLimits ?? {}).filter(([, n]) => n !== undefined)) },
        kept.attempts(`${api}:${operationId}:attempts`),
        kept.expiring<true>(`${api}:${operationId}:known-addresses`, { capacity: 100_000 }),
        clock,
      ),
    accounts: (format) => accountsToSeed(format, accounts),
  };
}
