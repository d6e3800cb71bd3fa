import { randomUUID } from 'node:crypto';
import type { operations } from '@loginspec/eos-client';
import { type Clock, ExpiringStore, OWASP_SCRYPT, PasswordHasher, randomToken, type ReferenceServerOptions, systemClock } from '@loginspec/login-kit';
import { operationRouter, type RequestProblem } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { eosContract } from './description.js';
import { type ErrorCode, documented, documentedError } from './documented.js';
import { demoDomains, type Domains, type UserProfile } from './users.js';

export interface EosServerDeps {
  clock: Clock;
  domains: Domains;
  /** Live sessions by id; what they hold does not matter, only that they are live. */
  sessions: ExpiringStore<true>;
  /** Session ids that never expire (the page's sample session on the demo server). */
  permanentSessions?: ReadonlySet<string>;
  maxBodyBytes?: number;
}

const PROBLEM_CODES: Record<RequestProblem['kind'], ErrorCode> = {
  'invalid-body': '1-1',
  'malformed-body': '1-1',
  'body-too-large': '1-2',
  'unsupported-media-type': '1-3',
};

/** Apps carry a 10-character token in the page's sample; each login issues fresh ones. */
function withFreshAppTokens(apps: UserProfile['mobilityApps']): UserProfile['mobilityApps'] {
  const fresh = (list: typeof apps.system) => list.map((app) => ({ ...app, token: randomToken(10) }));
  return { system: fresh(apps.system), user: fresh(apps.user) };
}

/** The EOS client login reference server (Hello + Login), built from its collaborators. */
export function createEosApp({ clock, domains, sessions, permanentSessions = new Set(), maxBodyBytes }: EosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter<operations>(app, eosContract, { maxBodyBytes });
  const isLive = (sessionId: string) => permanentSessions.has(sessionId) || sessions.get(sessionId) !== undefined;

  route('hello', {
    // Hello reads no body: the only refusal left is one too large to accept.
    reject: () => ({ status: 413, body: documentedError('1-2').body }),
    handle() {
      const sessionId = randomUUID();
      const expireTime = sessions.set(sessionId, true, documented.helloLifetimeMs);
      return { status: 200, body: { sessionId, expireTime } };
    },
  });

  route('login', {
    reject: (problem) => documentedError(PROBLEM_CODES[problem.kind]),
    async handle({ body }) {
      if (!isLive(body.sessionId)) return documentedError('2-1');
      const users = domains.get(body.domain || documented.defaultDomain);
      if (!users) return documentedError('3-3');
      if (!body.loginName || !body.password) return documentedError('3-1');
      const user = await users.verify(body.loginName, body.password);
      if (!user) return documentedError('3-2');
      const expireTime = permanentSessions.has(body.sessionId)
        ? clock.now() + documented.loginLifetimeMs
        : sessions.set(body.sessionId, true, documented.loginLifetimeMs);
      return { status: 200, body: { ...user, expireTime, mobilityApps: withFreshAppTokens(user.mobilityApps) } };
    },
  });

  return app;
}

export type DemoEosOptions = ReferenceServerOptions;

/** The server with the page's demo user and its sample session. */
export async function createDemoEosApp({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes }: DemoEosOptions = {}): Promise<Hono> {
  const domains = await demoDomains(new PasswordHasher(scrypt));
  const permanentSessions = new Set([documented.seedRequest.sessionId]);
  return createEosApp({ clock, domains, sessions: new ExpiringStore(clock), permanentSessions, maxBodyBytes });
}
