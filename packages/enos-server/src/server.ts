import type { LoginRequest, LoginResponse } from '@loginspec/enos-client';
import { CredentialDirectory, type CredentialSeed, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { type AccountProfile, createEnosApp } from './app.js';
import { documented, enos } from './description.js';
import { type SessionRecord, Sessions } from './sessions.js';

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

/** The names of the reference server's stores, which a test harness's `full` fault names. */
export const STORES = { sessions: 'enos:sessions', sessionSlots: 'enos:session-slots' } as const;

/** The EnOS reference server as `pnpm start` serves it: the demo account, the documented attempt limit and token lifetimes. */
export const server: ReferenceServer = {
  name: 'enos',
  description: enos,
  demoLogins: () => demoAccounts().map(({ id, secret }) => ({ operationId: 'login', fields: { account: id, password: secret } })),
  async create(options) {
    const kit = serverKit(options);
    const accounts = await CredentialDirectory.create(kit.hasher, demoAccounts());
    const sessions = new Sessions(
      kit.stores.expiring<SessionRecord>(STORES.sessions, { capacity: documented.sessionCapacity.sessions }),
      kit.stores.sessionSlots(STORES.sessionSlots),
      kit.clock,
      { accessLifetimeSeconds: documented.tokenLifetimeSeconds, refreshLifetimeSeconds: documented.refreshTokenLifetimeSeconds },
    );
    return createEnosApp({
      accounts,
      limits: kit.loginLimits('enos', enos, 'login'),
      sessions,
      sessionsFullRetryAfterSeconds: documented.sessionCapacity.retryAfterSeconds,
      maxBodyBytes: kit.maxBodyBytes,
      clientAddress: kit.clientAddress,
    });
  },
};
