import { type Auth, type AuthOptions, createAuth, type Grant, operationNumber, systemClock } from '@loginspec/client-kit';
import { type EnosClient, LOGIN_PATH, LOGOUT_PATH, type LoginData, type LoginRequest, type SessionData } from './client.js';
import description from './generated/openapi.json' with { type: 'json' };

/** The session the auth layer holds: the access token, and the refresh token once an organization is chosen. */
export interface EnosSession {
  accessToken: string;
  /** From Choose Organization (`organization` option) or a refresh: what renews the access token without the password. */
  refreshToken?: string;
  /** When the refresh token expires, in milliseconds since the Unix epoch. */
  refreshTokenExpire?: number;
}

export interface EnosAuthOptions extends AuthOptions {
  /**
   * The organization to choose after each login (an id, or a pick among the
   * user's): Choose Organization answers a refresh token, which then renews
   * the access token instead of a new login. Without it, renewing logs in again.
   */
  organization?: string | ((organizations: LoginData['organizations']) => string);
}

/**
 * The access token's lifetime: the login answer carries none, so the
 * description's (`x-token-lifetime-seconds`, 7,200 s on the reference
 * server). A server that ends it sooner is answered by the 401 retry.
 */
const ACCESS_TOKEN_MS = (operationNumber(description, 'post', LOGIN_PATH, 'x-token-lifetime-seconds') ?? 7200) * 1000;

/**
 * The auth layer of an EnOS client: logs in with `credentials` on the first
 * call that needs the token, sends it as `Authorization: Bearer`, renews it
 * a minute before it expires (or after a 31401) with the refresh token if
 * it has one, else by logging in again. Installed on `client.api`.
 *
 * @example
 * const enos = createEnosClient({ baseUrl: 'http://localhost:4010/enos' });
 * const auth = createEnosAuth(enos, { account: 'portal_demo', password: 'yourPassword' }, { organization: (orgs) => orgs[0]!.id });
 * const { userName, currentOrgName } = await enos.getTokenInformation(); // no token passed: the auth layer's
 * await auth.logout();
 */
export function createEnosAuth(client: EnosClient, credentials: LoginRequest, options: EnosAuthOptions = {}): Auth<EnosSession> {
  const { organization, renewBeforeMs = 60_000, clock = systemClock } = options;
  const fromSession = (session: SessionData, sentAt: number): Grant<EnosSession> => ({
    value: { accessToken: session.accessToken, refreshToken: session.refreshToken, refreshTokenExpire: session.refreshTokenExpire },
    expiresAt: sentAt + ACCESS_TOKEN_MS,
  });

  async function login(): Promise<Grant<EnosSession>> {
    const sentAt = clock.now();
    const data = await client.login(credentials);
    if (organization === undefined) return { value: { accessToken: data.accessToken }, expiresAt: sentAt + ACCESS_TOKEN_MS };
    const orgId = typeof organization === 'function' ? organization(data.organizations) : organization;
    return fromSession(await client.chooseOrganization(data.accessToken, orgId), sentAt);
  }

  async function renew(held: EnosSession): Promise<Grant<EnosSession>> {
    const usable = held.refreshToken !== undefined && (held.refreshTokenExpire ?? Infinity) > clock.now();
    if (!usable || held.refreshToken === undefined) return login();
    const sentAt = clock.now();
    return fromSession(await client.refreshAccessToken(held.refreshToken), sentAt);
  }

  return createAuth({
    client: client.api,
    description,
    login,
    renew,
    end: (held) => client.logout(held.accessToken),
    credential: (session) => session.accessToken,
    noRetry: [LOGOUT_PATH],
    renewBeforeMs,
    clock,
  });
}
