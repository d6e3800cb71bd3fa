import type { Auth } from '@loginspec/client-kit';
import { type LoginCredentials, sessionsOf, type XelionClient, type XelionSession } from './client.js';

/**
 * The auth layer of a Xelion client. The client already keeps the session
 * a `login` opens, sends it as `Authorization: xelion <token>` and renews it
 * with its renewal token before `validUntil`; with credentials, it also
 * logs in by itself on the first call that needs a session, and again when
 * a renewal is refused (an expired or ended session). Its timing is the
 * client's (`renewBeforeMs`, `clock`).
 *
 * @example
 * const xelion = createXelionClient({ baseUrl: 'http://localhost:4010/xelion', tenant: 'master' });
 * const auth = createXelionAuth(xelion, { userName: 'arnon', password: 'arnons secret', userSpace: 'iphone-arnon' });
 * await auth.token(); // logs in
 * await auth.logout();
 */
export function createXelionAuth(client: XelionClient, credentials: LoginCredentials): Auth<XelionSession> {
  const sessions = sessionsOf.get(client);
  if (!sessions) throw new TypeError('createXelionAuth takes a client made by createXelionClient');
  sessions.useLogin(credentials);
  return sessions.auth;
}
