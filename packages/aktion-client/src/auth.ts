import { type Auth, type AuthOptions, createAuth, systemClock } from '@loginspec/client-kit';
import type { AktionClient, AktionToken } from './client.js';
import { type AktionCredentials, aktionLogin } from './token-source.js';
import { description } from './wire.js';

/**
 * The auth layer of an Aktion client: logs in on the first call that needs
 * the token, sends it as `Authorization: Bearer <Token>` (to this project's
 * `GET /token`, the one operation that takes it), and logs in again when
 * less than `renewBeforeMs` (2 s) of its 20 seconds is left, or after a
 * 401. Aktion has no renewal and no logout. Installed on `client.api`.
 *
 * @example
 * const aktion = createAktionClient({ baseUrl: 'http://localhost:4010/aktion' });
 * const auth = createAktionAuth(aktion, { userLogin: 'John.Doo', apiKey: 'hDn/LFXIPESM036W+s7VKg==' });
 * const { userLogin, expireInSec } = await aktion.checkToken(); // no token passed: the auth layer's
 */
export function createAktionAuth(client: AktionClient, credentials: AktionCredentials, options: AuthOptions = {}): Auth<AktionToken> {
  const { renewBeforeMs = 2000, clock = systemClock } = options;
  return createAuth({
    client: client.api,
    description,
    login: aktionLogin(client, credentials, clock),
    credential: (session) => session.token,
    renewBeforeMs,
    clock,
  });
}
