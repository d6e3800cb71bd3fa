import { randomBytes } from 'node:crypto';
import type { LoginRequest, LoginResponse } from '@loginspec/edr-client';
import { CredentialDirectory, type ReferenceServer, serverKit } from '@loginspec/login-kit';
import { AccessTokens } from './access-tokens.js';
import { AppJwts } from './app-jwts.js';
import { createEdrApp } from './app.js';
import { documented, edr } from './description.js';

/**
 * The demo login is the request example `seed`: the sample's user `rrath`,
 * who answers exactly the sample's `user`, and a JWT of the demo app.
 */
function demoLogin() {
  const request = edr.requestExample<LoginRequest>('login');
  const { user } = edr.responseExample<LoginResponse>('login', 200, 'seed').data;
  return { request, user };
}

/** The EDR reference server as `pnpm start` serves it: the sample's user, the demo app, a token key of its own. */
export const server: ReferenceServer = {
  name: 'edr',
  description: edr,
  demoLogins() {
    const { username, password, jwt } = demoLogin().request;
    return [{ operationId: 'login', fields: { username, password, jwt }, note: "a JWT of the demo app, valid until 2100; mint others with the edr client's mintAppJwt and the secret in x-demo-apps" }];
  },
  async create(options) {
    const kit = serverKit(options);
    const { request, user } = demoLogin();
    return createEdrApp({
      users: await CredentialDirectory.create(kit.hasher, [{ id: request.username, secret: request.password, profile: user }]),
      apps: new AppJwts(documented.demoApps, kit.clock),
      // A key no app holds, drawn from the CSPRNG at start: tokens outlive no restart.
      tokens: new AccessTokens(randomBytes(32), kit.clock, documented.tokenLifetimeSeconds),
      limits: kit.loginLimits('edr', edr, 'login'),
      clock: kit.clock,
      maxBodyBytes: kit.maxBodyBytes,
      clientAddress: kit.clientAddress,
    });
  },
};
