import { randomUUID } from 'node:crypto';
import type { operations } from '@loginspec/aktion-client';
import { type CredentialDirectory, ExpiringStore, OWASP_SCRYPT, PasswordHasher, type ReferenceServerOptions, systemClock } from '@loginspec/login-kit';
import { operationRouter } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { isWellFormedApiKey } from './api-keys.js';
import { demoUserDirectory } from './demo-users.js';
import { aktionContract } from './description.js';
import { documented, documentedError } from './documented.js';
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
  /** Told of the error behind a 500, which the answer does not reveal. */
  reportError?: (error: unknown) => void;
}

/** The Aktion login reference server, built from its collaborators. */
export function createAktionApp({ users, tokens, maxBodyBytes, reportError = (error) => console.error('aktion login failed:', error) }: AktionServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter<operations>(app, aktionContract, { maxBodyBytes });
  const lifetimeSeconds = documented.tokenLifetimeSeconds;

  route('login', {
    reject: refusal,
    // The answer is the documented fixed 500 in the negotiated format: no message, no stack.
    fail(error) {
      reportError(error);
      return documentedError(500);
    },
    async handle({ body }) {
      // A malformed key cannot belong to anyone: refused before any lookup.
      if (!isWellFormedApiKey(body.ApiKey)) return documentedError(1004);
      const user = await users.verify(body.UserLogin, body.ApiKey);
      if (!user) return documentedError(1003);
      const token = randomUUID();
      const expiresAt = tokens.set(token, user.userLogin, lifetimeSeconds * 1000);
      const json = { Token: token, ExpireInSec: lifetimeSeconds, ExpireDate: toAspNetJsonDate(expiresAt) };
      const xml = { ...json, ExpireDate: toXsdDateTime(expiresAt) };
      return { status: 200, content: { 'application/json': json, 'text/json': json, 'application/xml': xml, 'text/xml': xml } };
    },
  });

  return app;
}

export type DemoAktionOptions = ReferenceServerOptions;

/** The server with the page's demo user, John.Doo. */
export async function createDemoAktionApp({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes }: DemoAktionOptions = {}): Promise<Hono> {
  const users = await demoUserDirectory(new PasswordHasher(scrypt));
  return createAktionApp({ users, tokens: new ExpiringStore(clock), maxBodyBytes });
}
