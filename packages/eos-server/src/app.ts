import type { LoginResponse } from '@loginspec/eos-client';
import { type CredentialDirectory, randomToken } from '@loginspec/login-kit';
import { operationRouter } from '@loginspec/openapi-runtime';
import { type Context, Hono } from 'hono';
import { eos } from './description.js';
import type { Sessions } from './sessions.js';

/** What a login answers about its user, besides the session's expiry. */
export type UserProfile = Pick<LoginResponse, 'secureCode' | 'mobilityApps' | 'profile'>;

/** User directories by domain name (case-sensitive): a login's `domain` picks one. */
export type Domains = ReadonlyMap<string, CredentialDirectory<UserProfile>>;

export interface EosServerDeps {
  domains: Domains;
  /** The directory of a login whose `domain` is absent or empty. */
  defaultDomain: string;
  /** The sessions Hello issues, on the server's clock. */
  sessions: Sessions;
  /** Largest request body accepted, in bytes (the description documents 64 KiB). */
  maxBodyBytes?: number;
  clientAddress?: (c: Context) => string;
}

const errors = { hello: eos.errors('hello'), login: eos.errors('login') };

/** Each login hands out its own app tokens, shaped like the user's stored ones (ten alphanumerics in the page's sample). */
function withFreshTokens(apps: UserProfile['mobilityApps']): UserProfile['mobilityApps'] {
  const fresh = (list: typeof apps.system) => list.map((app) => ({ ...app, token: randomToken(app.token.length) }));
  return { system: fresh(apps.system), user: fresh(apps.user) };
}

/** The EOS client login reference server (Hello + Login), built from its collaborators. */
export function createEosApp({ domains, defaultDomain, sessions, maxBodyBytes, clientAddress }: EosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, eos, { maxBodyBytes, clientAddress });

  route('hello', {
    // Hello declares no body, so the runtime can only refuse one too large.
    reject: errors.hello.rejectWith({ 'body-too-large': '1-2' }),
    handle: () => ({ status: 200, body: sessions.open() }),
  });

  // The checks run in the order the description's Login lists; the runtime has done 1-3, 1-2 and 1-1.
  const refuse = errors.login;
  route('login', {
    reject: refuse.rejectWith({ 'unsupported-media-type': '1-3', 'body-too-large': '1-2', 'missing-body': '1-1', 'malformed-body': '1-1', 'invalid-body': '1-1' }),
    async handle({ body }) {
      if (!sessions.isLive(body.sessionId)) return refuse.answer('2-1');
      const users = domains.get(body.domain || defaultDomain);
      if (!users) return refuse.answer('3-3');
      if (!body.loginName || !body.password) return refuse.answer('3-1');
      const user = await users.verify(body.loginName, body.password);
      if (!user) return refuse.answer('3-2');
      const expireTime = sessions.loggedIn(body.sessionId);
      if (expireTime === undefined) return refuse.answer('2-1');
      const { secureCode, mobilityApps, profile } = user;
      return { status: 200, body: { expireTime, secureCode, mobilityApps: withFreshTokens(mobilityApps), profile } };
    },
  });

  return app;
}
