import { type ApiClientOptions, type Auth, authorizationScheme, createApiClient, createAuth, createCredentialCache, errorReader, type Grant, systemClock } from '@loginspec/client-kit';
import { XelionApiError } from './errors.js';
import description from './generated/openapi.json' with { type: 'json' };
import type { components, paths } from './generated/openapi.js';
import { parseValidUntil } from './valid-until.js';

export type LoginCredentials = components['schemas']['LoginCredentials'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type RenewResponse = components['schemas']['RenewResponse'];
export type MfaRequest = components['schemas']['MfaRequest'];

/** openapi-fetch's options, `timeoutMs`, `retry` (429/503 after `Retry-After`), `clock` and `sleep`, and the tenant. */
export interface XelionClientOptions extends ApiClientOptions {
  /** The tenant to log in to: the `{tenant}` of every path. */
  tenant: string;
  /** Renew the session token when it expires within this many milliseconds (60 s by default). */
  renewBeforeMs?: number;
}

/** The session a login opened, as the client keeps it. */
export interface XelionSession {
  token: string;
  renewalToken: string;
  /** When the token expires (`validUntil`, read as UTC). */
  validUntil: Date;
}

const errors = errorReader(XelionApiError, 'Xelion', description);
const LOGIN = '/api/v1/{tenant}/me/login';
const RENEW = '/api/v1/{tenant}/me/renew';
const LOGOUT = '/api/v1/{tenant}/me/logout';
const SCHEME = authorizationScheme(description);

/** The session keeper of each client, for `createXelionAuth`, which gives it credentials to log in with. */
export const sessionsOf = new WeakMap<object, { auth: Auth<XelionSession>; useLogin(credentials: LoginCredentials): void }>();

const grantOf = (answer: { authentication: string; renewalToken: string; validUntil: string }): Grant<XelionSession> => {
  const validUntil = parseValidUntil(answer.validUntil) ?? new Date(0);
  return { value: { token: answer.authentication, renewalToken: answer.renewalToken, validUntil }, expiresAt: validUntil.getTime() };
};

/**
 * A client for one Xelion tenant. `login` opens a session, which the client
 * keeps; its auth layer (openapi-fetch middleware) then sends the token as
 * `Authorization: xelion <token>` on every operation that takes it (a new
 * login included, which ends that session first), and renews it first
 * (once, however many requests wait) when it expires within
 * `renewBeforeMs`. Nothing renews it between requests. `renew`, `logout`
 * and `requestMfa` are the other documented calls; `createXelionAuth` lets
 * the client log in by itself. `api` is the typed openapi-fetch client.
 *
 * @example
 * const xelion = createXelionClient({ baseUrl: 'http://localhost:4010/xelion', tenant: 'master' });
 * await xelion.login({ userName: 'arnon', password: 'arnons secret', userSpace: 'iphone-arnon' });
 * await xelion.logout();
 */
export function createXelionClient({ tenant, renewBeforeMs = 60_000, ...options }: XelionClientOptions) {
  const api = createApiClient<paths>('Xelion', options);
  const path = { tenant };
  const cache = createCredentialCache<XelionSession>({
    // Renew sends the session it renews itself: the middleware must not wait for the renewal under way.
    async renew(held) {
      const { data, error, response } = await api.POST(RENEW, { params: { path }, body: held.renewalToken, headers: { authorization: `${SCHEME} ${held.token}` } });
      if (!data) throw errors.from(response, error);
      return grantOf(data);
    },
    renewBeforeMs,
    clock: options.clock ?? systemClock,
  });

  async function login(credentials: LoginCredentials): Promise<LoginResponse> {
    const { data, error, response } = await api.POST(LOGIN, { params: { path }, body: credentials });
    if (!data) throw errors.from(response, error);
    cache.set(grantOf(data));
    return data;
  }

  async function logout(): Promise<void> {
    const { error, response } = await api.POST(LOGOUT, { params: { path } });
    if (!response.ok) throw errors.from(response, error);
    cache.clear();
  }

  const auth = createAuth({ client: api, description, cache, end: logout, credential: (session) => session.token, noRetry: [LOGOUT] });

  const client = {
    api,
    /** The session the client holds, if any. */
    get session(): XelionSession | undefined {
      return cache.current;
    },
    /** Opens a session (10013: request an MFA code, then log in again with `mfa` and `email`). */
    login,
    /** Rotates both tokens of the session held. */
    renew: (): Promise<XelionSession> => cache.refresh(),
    /** Ends the session the client holds. */
    logout,
    /** Has a single-use code sent to `email`, if it is the user's address. */
    async requestMfa(request: MfaRequest): Promise<void> {
      const { error, response } = await api.POST('/api/v1/{tenant}/me/mfa', { params: { path }, body: request });
      if (!response.ok) throw errors.from(response, error);
    },
  };
  sessionsOf.set(client, {
    auth,
    useLogin: (credentials) =>
      cache.setLogin(async () => {
        await login(credentials);
        return { value: cache.current as XelionSession, expiresAt: (cache.current as XelionSession).validUntil.getTime() };
      }),
  });
  return client;
}

export type XelionClient = ReturnType<typeof createXelionClient>;
