import { CredentialDirectory, type PasswordHasher } from '@loginspec/login-kit';
import type { Domains } from './app.js';
import { documented } from './documented.js';

export interface DemoLogin {
  domain: string;
  loginName: string;
  password: string;
  /** The page's sample session, which never expires on the demo server. */
  sessionId: string;
}

/** The page's own curl request (the login request example `seed`): seeding it keeps that request working as written. */
function demoLogin(): DemoLogin {
  const { sessionId, domain, loginName, password } = documented.seedRequest;
  if (!loginName || !password) throw new Error('the eos login request example "seed" has no loginName or password');
  return { domain: domain || documented.defaultDomain, loginName, password, sessionId };
}

/** The demo credentials, for printing: they are the vendor's public sample. */
export function demoLogins(): DemoLogin[] {
  return [demoLogin()];
}

/** The demo user directory: the demo user answers the profile and apps of the page's response sample. */
export async function demoDomains(hasher: PasswordHasher): Promise<Domains> {
  const { domain, loginName, password } = demoLogin();
  const { secureCode, profile, mobilityApps } = documented.seedResponse;
  const users = await CredentialDirectory.create(hasher, [{ id: loginName, secret: password, profile: { secureCode, profile, mobilityApps } }]);
  return new Map([[domain, users]]);
}
