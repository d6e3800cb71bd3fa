import { randomUUID } from 'node:crypto';
import type { Clock, CredentialDirectory, ExpiringStore, LoginLimits } from '@loginspec/login-kit';
import { operationRouter } from '@loginspec/openapi-runtime';
import { type Context, Hono } from 'hono';
import { isWellFormedApiKey } from './api-keys.js';
import { aktion } from './description.js';
import { toAspNetJsonDate, toXsdDateTime } from './expire-date.js';
import { refusal } from './refusals.js';

export interface AktionUser {
  userLogin: string;
}

export interface AktionServerDeps {
  /** Users by login name, their API keys held as scrypt hashes. */
  users: CredentialDirectory<AktionUser>;
  /** Issued tokens, each to its user login, until they expire. */
  tokens: ExpiringStore<string>;
  /** The documented attempt limit (429), counted before each key check. */
  limits: LoginLimits;
  clock: Clock;
  /** Largest request body accepted, in bytes (64 KiB by default, as the description documents). */
  maxBodyBytes?: number;
  clientAddress?: (c: Context) => string;
  /** Told of the error behind a 500, which the answer does not reveal. */
  reportError?: (error: unknown) => void;
}

const login = aktion.errors('login');
const lifetimeSeconds = aktion.extension<number>('x-token-lifetime-seconds', 'login');

/** The Aktion login reference server, built from its collaborators. */
export function createAktionApp({ users, tokens, limits, clock, maxBodyBytes, clientAddress, reportError = (error) => console.error('aktion login failed:', error) }: AktionServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, aktion, { maxBodyBytes, clientAddress });

  route('login', {
    reject: refusal,
    // The answer is the documented fixed 500 in the negotiated format: no message, no stack.
    fail(error) {
      reportError(error);
      return login.answer(500);
    },
    async handle({ body, clientAddress }) {
      // A malformed key cannot belong to anyone: refused before any lookup.
      if (!isWellFormedApiKey(body.ApiKey)) return login.answer(1004);
      const checked = await limits.check(body.UserLogin, clientAddress, () => users.verify(body.UserLogin, body.ApiKey));
      if (checked.outcome === 'limited') return login.answer(429, { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
      if (checked.outcome === 'busy') return login.answer(503, { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
      if (checked.outcome === 'refused') return login.answer(1003);
      const token = randomUUID();
      const expiresAt = clock.now() + lifetimeSeconds * 1000;
      // No room for another live token: busy until the oldest ones expire, a token's lifetime away at most.
      if (!(await tokens.set(token, checked.holder.userLogin, expiresAt))) return login.answer(503, { headers: { 'retry-after': String(lifetimeSeconds) } });
      const json = { Token: token, ExpireInSec: lifetimeSeconds, ExpireDate: toAspNetJsonDate(expiresAt) };
      const xml = { ...json, ExpireDate: toXsdDateTime(expiresAt) };
      return { status: 200, content: { 'application/json': json, 'text/json': json, 'application/xml': xml, 'text/xml': xml } };
    },
  });

  return app;
}
