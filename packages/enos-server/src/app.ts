import type { LoginData } from '@loginspec/enos-client';
import { type CredentialDirectory, type LoginLimits, randomToken } from '@loginspec/login-kit';
import { operationRouter } from '@loginspec/openapi-runtime';
import { type Context, Hono } from 'hono';
import { enos } from './description.js';

/** What an account's login answers besides the token. */
export type AccountProfile = Pick<LoginData, 'user' | 'organizations'>;

export interface EnosServerDeps {
  accounts: CredentialDirectory<AccountProfile>;
  /** The documented attempt limit (31429), counted before each password check. */
  limits: LoginLimits;
  /** Largest request body accepted, in bytes (the description documents 64 KiB). */
  maxBodyBytes?: number;
  /** Reads the client's address, for the per-address attempt limit. */
  clientAddress?: (c: Context) => string;
}

const login = enos.errors('login');

/** The EnOS login reference server, built from its collaborators. */
export function createEnosApp({ accounts, limits, maxBodyBytes, clientAddress }: EnosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, enos, { maxBodyBytes, clientAddress });

  route('login', {
    // Every body the login cannot read is a credential failure (the description's 31400).
    reject: login.rejectWith({ 'missing-body': 31400, 'malformed-body': 31400, 'invalid-body': 31400, 'unsupported-media-type': 31415, 'body-too-large': 31413 }),
    async handle({ body, clientAddress }) {
      const checked = await limits.check(body.account, clientAddress, () => accounts.verify(body.account, body.password));
      if (checked.outcome === 'limited') return login.answer(31429, { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
      if (checked.outcome === 'busy') return login.answer(31503, { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
      if (checked.outcome === 'refused') return login.answer(31400);
      // Shaped like the vendor's sample token: a fixed prefix and 32 random alphanumerics.
      const accessToken = `APP_PORTAL_S_${randomToken(32)}`;
      return { status: 200, body: { code: 200, message: '', data: { accessToken, ...checked.holder } } };
    },
  });

  return app;
}
