import { CredentialDirectory, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import type { LoginCredentials } from '@loginspec/xelion-client';
import { type XelionAccount, xelionAccounts } from './accounts.js';
import { createXelionApp, type UserRecord } from './app.js';
import { documented, xelion } from './description.js';
import { deliveringOutbox, MfaCodes } from './mfa-codes.js';
import { Sessions } from './sessions.js';

/** Each tenant's users, from the accounts to seed (the demo tenants of `x-demo-tenants` unless dropped: the page's `arnon` on `master`, and the users this project adds to show each code). */
function usersByTenant(accounts: readonly XelionAccount[]): Map<string, { id: string; secret: string; profile: UserRecord }[]> {
  const tenants = new Map<string, { id: string; secret: string; profile: UserRecord }[]>();
  for (const { tenant, password, ...user } of accounts) {
    const users = tenants.get(tenant) ?? [];
    users.push({ id: user.userName, secret: password, profile: user });
    tenants.set(tenant, users);
  }
  return tenants;
}

/** The names of the reference server's stores, which a test harness's `full` fault names. */
export const STORES = { sessions: 'xelion:sessions', sessionSlots: 'xelion:session-slots', mfaCodes: 'xelion:mfa-codes' } as const;

/** The Xelion reference server as `pnpm start` serves it; MFA codes go to `options.deliver` (which `pnpm start` prints). */
export const server: ReferenceServer = {
  name: 'xelion',
  description: xelion,
  accounts: xelionAccounts,
  demoLogins() {
    const { userName, password, userSpace } = xelion.requestExample<LoginCredentials>('login');
    const others = Object.entries(documented.demoTenants).flatMap(([tenant, users]) =>
      users.filter((u) => u.userName !== userName || tenant !== 'master').map((u) => `${tenant}/${u.userName} (${u.password})${u.mfa ? ' MFA' : u.disabled ? ' disabled' : u.passwordExpired ? ' password expired' : ''}`),
    );
    return [{ operationId: 'login', fields: { tenant: 'master', userName, password, userSpace }, note: `also ${others.join(', ')}; MFA codes are delivered here` }];
  },
  async create(options) {
    const kit = serverKit(options);
    const tenants = new Map(await Promise.all([...usersByTenant(kit.accounts(xelionAccounts))].map(async ([tenant, users]) => [tenant, await CredentialDirectory.create(kit.hasher, users)] as const)));
    return createXelionApp({
      tenants,
      nobody: await CredentialDirectory.create<UserRecord>(kit.hasher, []),
      sessions: new Sessions(kit.stores.expiring(STORES.sessions, { capacity: documented.sessionCapacity.sessions }), kit.stores.sessionSlots(STORES.sessionSlots), kit.clock, { lifetimeSeconds: documented.tokenLifetimeSeconds, perUser: documented.sessionCapacity.perUser }),
      mfa: new MfaCodes(kit.stores.expiring(STORES.mfaCodes, { capacity: 100_000 }), deliveringOutbox(options?.deliver), kit.clock, documented.mfaCode),
      limits: kit.loginLimits('xelion', xelion, 'login'),
      routing: kit.routing,
    });
  },
};
