import type { LoginRequest, LoginResponse } from '@loginspec/eos-client';
import { CredentialDirectory, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { createEosApp } from './app.js';
import { documented, eos } from './description.js';
import { Sessions } from './sessions.js';

/**
 * The demo login is the page's own curl request (the login request example
 * `seed`), its user answering the page's (repaired) response sample; its
 * session is the page's, which never expires on the reference server.
 */
function demoLogin() {
  const { sessionId, domain, loginName, password } = eos.requestExample<LoginRequest>('login');
  if (!loginName || !password) throw new Error('the eos login request example "seed" has no loginName or password');
  const { secureCode, profile, mobilityApps } = eos.responseExample<LoginResponse>('login', 200, 'seed');
  return { sessionId, domain: domain || documented.defaultDomain, loginName, password, user: { secureCode, profile, mobilityApps } };
}

/** The EOS reference server as `pnpm start` serves it: the page's demo user and session, the documented lifetimes. */
/** The names of the reference server's stores, which a test harness's `full` fault names. */
export const STORES = { sessions: 'eos:sessions', hellos: 'eos:hello' } as const;

export const server: ReferenceServer = {
  name: 'eos',
  description: eos,
  demoLogins() {
    const { sessionId, domain, loginName, password } = demoLogin();
    return [{ operationId: 'login', fields: { sessionId, domain, loginName, password }, note: "the page's sample session never expires here; a real client calls Hello first" }];
  },
  async create(options) {
    const kit = serverKit(options);
    const demo = demoLogin();
    const users = await CredentialDirectory.create(kit.hasher, [{ id: demo.loginName, secret: demo.password, profile: demo.user }]);
    const store = kit.stores.expiring<true>(STORES.sessions, { capacity: documented.sessionCapacity });
    return createEosApp({
      domains: new Map([[demo.domain, users]]),
      defaultDomain: documented.defaultDomain,
      sessions: new Sessions(store, kit.clock, documented.lifetimes, [demo.sessionId]),
      hellos: kit.stores.attempts(STORES.hellos),
      limits: kit.loginLimits('eos', eos, 'login'),
      maxBodyBytes: kit.maxBodyBytes,
      clientAddress: kit.clientAddress,
    });
  },
};
