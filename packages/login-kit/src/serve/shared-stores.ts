import type { Clock } from '../clock.js';
import type { Stores } from '../stores/ports.js';
import { maskUrlPassword, scrubSecrets, urlSecrets } from '../url-secrets.js';

/**
 * Stores kept outside the process (Redis), which several instances of a
 * server share: what `@loginspec/redis-stores`' `connectRedisStores`
 * answers. Written out here, not imported, so that login-kit (which that
 * package builds on) does not depend on it: a command is handed the
 * module, loaded only when a URL is given.
 */
export interface SharedStores extends Stores {
  /** Forgets every attempt count under the namespace (SIGHUP). */
  resetAttempts(): Promise<void>;
  /** Forgets everything under the namespace. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The module that connects shared stores: `() => import('@loginspec/redis-stores')`. */
export interface SharedStoresModule {
  connectRedisStores(options: { url: string; clock: Clock; namespace?: string }): Promise<SharedStores>;
}

/** Connects one API's shared stores, on the clock its server runs on. */
export type ConnectApiStores = (api: string, clock: Clock) => Promise<SharedStores>;

/**
 * The namespace of every key of `api`: each API has its own, so that the
 * test controls' reset of one API deletes that API's keys and no other's,
 * and every instance (a gateway or a server's own command) serving `api`
 * with the same URL shares the same keys.
 */
export const sharedNamespace = (api: string): string => `loginspec-${api}`;

/** One connection per API to the Redis at `url`, the module loaded on the first. */
export function redisConnector(url: string, load: () => Promise<SharedStoresModule>): ConnectApiStores {
  let module: Promise<SharedStoresModule> | undefined;
  return async (api, clock) => {
    module ??= load();
    return (await module).connectRedisStores({ url, clock, namespace: sharedNamespace(api) });
  };
}

/**
 * Reads a Redis URL: `redis://` or `rediss://` with a host. The message of
 * a refusal never quotes the URL (it may hold a password).
 */
export function parseRedisUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('is not a URL (redis://[:password@]host[:port][/db])');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`is a ${url.protocol.replace(/:$/, '')} URL; a Redis URL starts with redis:// or rediss://`);
  if (url.hostname === '') throw new Error('names no host (redis://[:password@]host[:port][/db])');
  return text;
}

/** The URL as it may be printed: its password (and a user's) masked. */
export const maskRedisUrl = (text: string): string => maskUrlPassword(text, 'redis://…');

/** How long a start waits for Redis before it gives up (exit 1), rather than hang a deployment's start. */
export const CONNECT_WITHIN_MS = 10_000;

/** `connecting`, or a refusal after `ms`; a connection that comes later is closed, not leaked. */
function within(connecting: Promise<SharedStores>, ms: number): Promise<SharedStores> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      connecting.then((stores) => stores.close()).catch(() => {});
      reject(new Error(`no answer from Redis within ${ms / 1000} s`));
    }, ms);
  });
  return Promise.race([connecting, late]).finally(() => clearTimeout(timer));
}

/** Connects every API's shared stores, or none: a failure (or no answer within `withinMs`) closes those already open. */
export async function connectEach(connect: ConnectApiStores, apis: readonly string[], clockOf: (api: string) => Clock, withinMs = CONNECT_WITHIN_MS): Promise<Map<string, SharedStores>> {
  const settled = await Promise.allSettled(apis.map(async (api) => [api, await within(connect(api, clockOf(api)), withinMs)] as const));
  const open = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.allSettled(open.map(([, stores]) => stores.close()));
    throw failed.reason;
  }
  return new Map(open);
}

/** `message` with the URL's password (and the URL itself) masked: a client's error may quote what it connected with. Without a URL, `message` as is. */
export function redactRedisUrl(message: string, url: string | undefined): string {
  if (!url) return message;
  return scrubSecrets(message.split(url).join(maskRedisUrl(url)), urlSecrets(url));
}
