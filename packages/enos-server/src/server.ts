import { CredentialDirectory, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { enosAccounts } from './accounts.js';
import { createEnosApp } from './app.js';
import { documented, enos } from './description.js';
import { type SessionRecord, Sessions } from './sessions.js';

/** The names of the reference server's stores, which a test harness's `full` fault names. */
export const STORES = { sessions: 'enos:sessions', sessionSlots: 'enos:session-slots' } as const;

/** The EnOS reference server as `pnpm start` serves it: the demo account, the documented attempt limit and token lifetimes. */
export const server: ReferenceServer = {
  name: 'enos',
  description: enos,
  accounts: enosAccounts,
  demoLogins: () => enosAccounts.demo().map(({ account, password }) => ({ operationId: 'login', fields: { account, password } })),
  async create(options) {
    const kit = serverKit(options);
    const accounts = await CredentialDirectory.create(
      kit.hasher,
      kit.accounts(enosAccounts).map(({ account, password, user, organizations }) => ({ id: account, secret: password, profile: { user, organizations } })),
    );
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
      routing: kit.routing,
    });
  },
};
