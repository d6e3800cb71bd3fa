import type { components } from '@loginspec/aktion-client';
import { CredentialDirectory, type PasswordHasher, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { type AktionUser, createAktionApp, type IssuedToken } from './app.js';
import { aktion } from './description.js';

type LoginRequest = components['schemas']['LoginRequest'];

/** The demo user is the one of the page's own sample, John.Doo: the `seed` request example. */
function demoUser(): { userLogin: string; apiKey: string } {
  const { UserLogin, ApiKey } = aktion.requestExample<LoginRequest>('login', 'seed', 'application/json');
  return { userLogin: UserLogin, apiKey: ApiKey };
}

/** The demo users, their API keys hashed on the way in. */
export function demoUserDirectory(hasher: PasswordHasher): Promise<CredentialDirectory<AktionUser>> {
  const { userLogin, apiKey } = demoUser();
  return CredentialDirectory.create(hasher, [{ id: userLogin, secret: apiKey, profile: { userLogin } }]);
}

/** The Aktion reference server as `pnpm start` serves it: the page's demo user, 20-second tokens, and this project's token check. */
export const server: ReferenceServer = {
  name: 'aktion',
  description: aktion,
  demoLogins: () => [{ operationId: 'login', fields: { UserLogin: demoUser().userLogin, ApiKey: demoUser().apiKey }, note: 'JSON or XML' }],
  async create(options) {
    const kit = serverKit(options);
    return createAktionApp({
      users: await demoUserDirectory(kit.hasher),
      tokens: kit.stores.expiring<IssuedToken>('aktion:tokens', { capacity: 100_000 }),
      limits: kit.loginLimits('aktion', aktion, 'login'),
      clock: kit.clock,
      maxBodyBytes: kit.maxBodyBytes,
      clientAddress: kit.clientAddress,
    });
  },
};
