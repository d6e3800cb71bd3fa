import type { LoginRequest } from '@loginspec/edr-client';
import { CredentialDirectory, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { edrAccounts } from './accounts.js';
import { AccessTokens } from './access-tokens.js';
import { AppJwts } from './app-jwts.js';
import { createEdrApp } from './app.js';
import { documented, edr } from './description.js';
import { sharedTokenKey } from './token-key.js';

/** The names of the reference server's stores, which a test harness's `full` fault names. */
export const STORES = { tokenKey: 'edr:token-key' } as const;

/** The demo login is the request example `seed`: the sample's user `rrath` and a JWT of the demo app. */
const demoLogin = () => edr.requestExample<LoginRequest>('login');

/** The EDR reference server as `pnpm start` serves it: the sample's user, the demo app, a token key of its own. */
export const server: ReferenceServer = {
  name: 'edr',
  description: edr,
  accounts: edrAccounts,
  demoLogins() {
    const { username, password, jwt } = demoLogin();
    return [{ operationId: 'login', fields: { username, password, jwt }, note: "a JWT of the demo app, valid until 2100; mint others with the edr client's mintAppJwt and the secret in x-demo-apps" }];
  },
  async create(options) {
    const kit = serverKit(options);
    return createEdrApp({
      users: await CredentialDirectory.create(
        kit.hasher,
        kit.accounts(edrAccounts).map(({ username, password, user }) => ({ id: username, secret: password, profile: user })),
      ),
      apps: new AppJwts(documented.demoApps, kit.clock),
      // One key for every instance sharing the stores (see token-key.ts); in memory, tokens outlive no restart.
      tokens: new AccessTokens(sharedTokenKey(kit.stores.sessionSlots(STORES.tokenKey), kit.clock), kit.clock, documented.tokenLifetimeSeconds),
      limits: kit.loginLimits('edr', edr, 'login'),
      clock: kit.clock,
      routing: kit.routing,
    });
  },
};
