import type { LoginResponse, operations } from '@loginspec/eos-client';
import { type CredentialDirectory, OWASP_SCRYPT, PasswordHasher, randomToken, type ReferenceServerOptions, systemClock } from '@loginspec/login-kit';
import { operationRouter, type RequestProblem } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { demoDomains, demoLogins } from './demo-accounts.js';
import { eosContract } from './description.js';
import { documented, type ErrorCode, refusal } from './documented.js';
import { Sessions } from './sessions.js';

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
}

const PROBLEM_CODES: Record<RequestProblem['kind'], ErrorCode> = {
  'invalid-body': '1-1',
  'malformed-body': '1-1',
  'body-too-large': '1-2',
  'unsupported-media-type': '1-3',
};

/** Each login hands out its own app tokens, shaped like the user's stored ones (ten alphanumerics in the page's sample). */
function withFreshTokens(apps: UserProfile['mobilityApps']): UserProfile['mobilityApps'] {
  const fresh = (list: typeof apps.system) => list.map((app) => ({ ...app, token: randomToken(app.token.length) }));
  return { system: fresh(apps.system), user: fresh(apps.user) };
}

/** The EOS client login reference server (Hello + Login), built from its collaborators. */
export function createEosApp({ domains, defaultDomain, sessions, maxBodyBytes }: EosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter<operations>(app, eosContract, { maxBodyBytes });

  route('hello', {
    // Hello declares no body, so the runtime can only refuse one too large.
    reject: () => ({ status: 413, body: refusal('hello', '1-2').body }),
    handle: () => ({ status: 200, body: sessions.open() }),
  });

  // The checks run in the order the description's Login lists; the runtime has done 1-3, 1-2 and 1-1.
  route('login', {
    reject: (problem) => refusal('login', PROBLEM_CODES[problem.kind]),
    async handle({ body }) {
      if (!sessions.isLive(body.sessionId)) return refusal('login', '2-1');
      const users = domains.get(body.domain || defaultDomain);
      if (!users) return refusal('login', '3-3');
      if (!body.loginName || !body.password) return refusal('login', '3-1');
      const user = await users.verify(body.loginName, body.password);
      if (!user) return refusal('login', '3-2');
      const expireTime = sessions.loggedIn(body.sessionId);
      if (expireTime === undefined) return refusal('login', '2-1');
      const { secureCode, mobilityApps, profile } = user;
      return { status: 200, body: { expireTime, secureCode, mobilityApps: withFreshTokens(mobilityApps), profile } };
    },
  });

  return app;
}

export type DemoEosOptions = ReferenceServerOptions;

/** The server with the page's demo user, its sample session and the documented lifetimes and default domain. */
export async function createDemoEosApp({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes }: DemoEosOptions = {}): Promise<Hono> {
  const domains = await demoDomains(new PasswordHasher(scrypt));
  const sessions = new Sessions(clock, documented.lifetimes, demoLogins().map((login) => login.sessionId));
  return createEosApp({ domains, defaultDomain: documented.defaultDomain, sessions, maxBodyBytes });
}
