import type { LoginRequest, LoginResponse } from '@loginspec/enos-client';
import { CredentialDirectory, type CredentialSeed, OWASP_SCRYPT, PasswordHasher, type ReferenceServer, systemClock } from '@loginspec/login-kit';
import { type AccountProfile, createEnosApp } from './app.js';
import { enos } from './description.js';
import { documentedAttemptLimit, LoginThrottle } from './throttle.js';

/**
 * The demo account is the one of the vendor's own samples: credentials from
 * the `seed` request example, user and organizations from the `seed` 200
 * example, so that the documented request works as written.
 */
function demoAccounts(): CredentialSeed<AccountProfile>[] {
  const { account, password } = enos.requestExample<LoginRequest>('login');
  const { user, organizations } = enos.responseExample<LoginResponse>('login', 200, 'seed').data;
  return [{ id: account, secret: password, profile: { user, organizations } }];
}

/** The EnOS reference server as `pnpm start` serves it: the demo account and the documented attempt limit. */
export const server: ReferenceServer = {
  name: 'enos',
  description: enos,
  demoLogins: () => demoAccounts().map(({ id, secret }) => ({ operationId: 'login', fields: { account: id, password: secret } })),
  async create({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes, clientAddress } = {}) {
    const accounts = await CredentialDirectory.create(new PasswordHasher(scrypt), demoAccounts());
    return createEnosApp({ accounts, throttle: new LoginThrottle(clock, documentedAttemptLimit()), maxBodyBytes, clientAddress });
  },
};
