import { CredentialDirectory, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { demoLogin, type EosAccount, eosAccounts } from './accounts.js';
import { createEosApp, type UserProfile } from './app.js';
import { documented, eos } from './description.js';
import { Sessions } from './sessions.js';

/** The accounts to seed, by domain. */
function usersByDomain(accounts: readonly EosAccount[]): Map<string, { id: string; secret: string; profile: UserProfile }[]> {
  const domains = new Map<string, { id: string; secret: string; profile: UserProfile }[]>();
  for (const { domain, loginName, password, ...profile } of accounts) {
    const users = domains.get(domain) ?? [];
    users.push({ id: loginName, secret: password, profile });
    domains.set(domain, users);
  }
  return domains;
}

/** The names of the reference server's stores, which a test harness's `full` fault names. */
export const STORES = { sessions: 'eos:sessions', hellos: 'eos:hello' } as const;

/** The EOS reference server as `pnpm start` serves it: the page's demo user and session (unless the accounts drop the demo), the documented lifetimes. */
export const server: ReferenceServer = {
  name: 'eos',
  description: eos,
  accounts: eosAccounts,
  demoLogins() {
    const { sessionId, domain, loginName, password } = demoLogin();
    return [{ operationId: 'login', fields: { sessionId, domain, loginName, password }, note: "the page's sample session never expires here; a real client calls Hello first" }];
  },
  async create(options) {
    const kit = serverKit(options);
    const domains = new Map(await Promise.all([...usersByDomain(kit.accounts(eosAccounts))].map(async ([domain, users]) => [domain, await CredentialDirectory.create(kit.hasher, users)] as const)));
    const store = kit.stores.expiring<true>(STORES.sessions, { capacity: documented.sessionCapacity });
    // The page's sample session is part of the demo: it goes with the demo accounts.
    const demoSessions = options?.accounts?.keepDemo === false ? [] : [demoLogin().sessionId];
    return createEosApp({
      domains,
      defaultDomain: documented.defaultDomain,
      sessions: new Sessions(store, kit.clock, documented.lifetimes, demoSessions),
      hellos: kit.stores.attempts(STORES.hellos),
      limits: kit.loginLimits('eos', eos, 'login'),
      routing: kit.routing,
    });
  },
};
