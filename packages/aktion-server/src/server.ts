import { CredentialDirectory, type PasswordHasher, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { type AktionAccount, aktionAccounts } from './accounts.js';
import { type AktionUser, createAktionApp, type IssuedToken } from './app.js';
import { aktion } from './description.js';

/** Users by login, their API keys hashed on the way in: the demo user (the page's John.Doo) unless `accounts` are given. */
export function demoUserDirectory(hasher: PasswordHasher, accounts: readonly AktionAccount[] = aktionAccounts.demo()): Promise<CredentialDirectory<AktionUser>> {
  return CredentialDirectory.create(
    hasher,
    accounts.map(({ userLogin, apiKey }) => ({ id: userLogin, secret: apiKey, profile: { userLogin } })),
  );
}

const demoUser = () => aktionAccounts.demo()[0] as AktionAccount;

/** The Aktion reference server as `pnpm start` serves it: the page's demo user, 20-second tokens, and this project's token check. */
export const server: ReferenceServer = {
  name: 'aktion',
  description: aktion,
  accounts: aktionAccounts,
  demoLogins: () => [{ operationId: 'login', fields: { UserLogin: demoUser().userLogin, ApiKey: demoUser().apiKey }, note: 'JSON or XML' }],
  async create(options) {
    const kit = serverKit(options);
    return createAktionApp({
      users: await demoUserDirectory(kit.hasher, kit.accounts(aktionAccounts)),
      tokens: kit.stores.expiring<IssuedToken>('aktion:tokens', { capacity: 100_000 }),
      limits: kit.loginLimits('aktion', aktion, 'login'),
      clock: kit.clock,
      routing: kit.routing,
    });
  },
};
