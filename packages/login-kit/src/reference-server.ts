import type { AnyDescription } from '@loginspec/openapi-runtime';
import type { Context, Hono } from 'hono';
import type { Clock } from './clock.js';
import type { ScryptParams } from './password.js';

/** What every reference server lets its caller choose. */
export interface ReferenceServerOptions {
  clock?: Clock;
  /** scrypt cost; OWASP's by default. Tests lower it, deployments should not. */
  scrypt?: ScryptParams;
  /** Largest request body accepted, in bytes (64 KiB by default, as the descriptions document). */
  maxBodyBytes?: number;
  /** Reads the client's address for per-client limits (the platform adapter's, with its trusted proxies). */
  clientAddress?: (c: Context) => string;
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
  /** The server with its demo accounts and the description's documented settings. */
  create(options?: ReferenceServerOptions): Promise<Hono>;
}
