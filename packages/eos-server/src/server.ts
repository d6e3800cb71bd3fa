import type { LoginRequest, LoginResponse } from '@loginspec/eos-client';
import { CredentialDirectory, OWASP_SCRYPT, PasswordHasher, type ReferenceServer, systemClock } from '@loginspec/login-kit';
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
export const server: ReferenceServer = {
  name: 'eos',
  description: eos,
  demoLogins() {
    const { sessionId, domain, loginName, password } = demoLogin();
    return [{ operationId: 'login', fields: { sessionId, domain, loginName, password }, note: "the page's sample session never expires here; a real client calls Hello first" }];
  },
  async create({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes, clientAddress } = {}) {
    const demo = demoLogin();
    const users = await CredentialDirectory.create(new PasswordHasher(scrypt), [{ id: demo.loginName, secret: demo.password, profile: demo.user }]);
    const sessions = new Sessions(clock, documented.lifetimes, [demo.sessionId]);
    return createEosApp({ domains: new Map([[demo.domain, users]]), defaultDomain: documented.defaultDomain, sessions, maxBodyBytes, clientAddress });
  },
};
