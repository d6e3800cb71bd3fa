import { randomUUID } from 'node:crypto';
import type { CredentialDirectory, ExpiringStore } from '@loginspec/login-kit';
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
  /** Issued tokens, each to its user login, until they expire on the store's clock. */
  tokens: ExpiringStore<string>;
  /** Largest request body accepted, in bytes (64 KiB by default, as the description documents). */
  maxBodyBytes?: number;
  clientAddress?: (c: Context) => string;
  /** Told of the error behind a 500, which the answer does not reveal. */
  reportError?: (error: unknown) => void;
}

const login = aktion.errors('login');
const lifetimeSeconds = aktion.extension<number>('x-token-lifetime-seconds', 'login');

/** The Aktion login reference server, built from its collaborators. */
export function createAktionApp({ users, tokens, maxBodyBytes, clientAddress, reportError = (error) => console.error('aktion login failed:', error) }: AktionServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, aktion, { maxBodyBytes, clientAddress });

  route('login', {
    reject: refusal,
    // The answer is the documented fixed 500 in the negotiated format: no message, no stack.
    fail(error) {
      reportError(error);
      return login.answer(500);
    },
    async handle({ body }) {
      // A malformed key cannot belong to anyone: refused before any lookup.
      if (!isWellFormedApiKey(body.ApiKey)) return login.answer(1004);
      const user = await users.verify(body.UserLogin, body.ApiKey);
      if (!user) return login.answer(1003);
      const token = randomUUID();
      const expiresAt = tokens.set(token, user.userLogin, lifetimeSeconds * 1000);
      const json = { Token: token, ExpireInSec: lifetimeSeconds, ExpireDate: toAspNetJsonDate(expiresAt) };
      const xml = { ...json, ExpireDate: toXsdDateTime(expiresAt) };
      return { status: 200, content: { 'application/json': json, 'text/json': json, 'application/xml': xml, 'text/xml': xml } };
    },
  });

  return app;
}
