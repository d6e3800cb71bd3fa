import type { Middleware } from 'openapi-fetch';
import { type Described, securityOf } from '../description.js';
import { type CredentialCache, NoCredentialError } from './credential-cache.js';

export interface AuthMiddlewareOptions<T> {
  cache: CredentialCache<T>;
  /** Which operations take the credential: those whose `security` requires it, or allows it (sent then only when one is held). */
  description: Described;
  /** The `Authorization` value for a credential, e.g. `Bearer <token>`. */
  authorization(credential: T): string;
  /** Operations whose 401 is not retried: a logout refused is a session already over, not one to open again. */
  noRetry?: readonly string[];
}

/**
 * Sends the credential as the description's security says, and answers a
 * 401 to a request it authorised by renewing the credential (once, shared
 * with every call refused at the same time) and sending the request again,
 * once. A request that already carries `Authorization` is left alone: the
 * caller chose its credential.
 */
export function authMiddleware<T>({ cache, description, authorization, noRetry = [] }: AuthMiddlewareOptions<T>): Middleware {
  /** What each authorised request was sent with, and a copy of it to send again (fetch consumes the body). */
  const sent = new Map<string, { credential: T; again?: Request }>();

  return {
    async onRequest({ request, schemaPath, id }) {
      if (request.headers.has('authorization')) return undefined;
      const security = securityOf(description, request.method, schemaPath);
      if (security === 'none') return undefined;
      // An optional credential (Xelion's login ends the session it names) is sent as held, never obtained for the call.
      if (security === 'optional') {
        if (cache.current === undefined) return undefined;
        request.headers.set('authorization', authorization(cache.current));
        return request;
      }
      // With nothing held and no way to log in, the server says what is missing.
      if (!cache.canObtain) return undefined;
      const credential = await cache.get();
      sent.set(id, { credential, again: noRetry.includes(schemaPath) ? undefined : request.clone() });
      request.headers.set('authorization', authorization(credential));
      return request;
    },

    async onResponse({ response, id, options }) {
      const entry = sent.get(id);
      sent.delete(id);
      if (!entry?.again || response.status !== 401) return undefined;
      const renewed = await cache.refused(entry.credential).catch((error: unknown) => {
        if (error instanceof NoCredentialError) return undefined;
        throw error;
      });
      if (renewed === undefined || renewed === entry.credential) return undefined;
      await response.body?.cancel();
      entry.again.headers.set('authorization', authorization(renewed));
      return options.fetch(entry.again);
    },

    onError({ id }) {
      sent.delete(id);
    },
  };
}
