import { type ApiClientOptions, createApiClient, errorReader } from '@loginspec/client-kit';
import description from './generated/openapi.json' with { type: 'json' };
import type { components, paths } from './generated/openapi.js';
import { EnosApiError } from './errors.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginData = components['schemas']['LoginData'];
export type LoginResponse = components['schemas']['LoginResponse'];
/** What Choose Organization and Refresh Access Token answer: the session's tokens, its user and its organization. */
export type SessionData = components['schemas']['SessionData'];
export type SessionResponse = components['schemas']['SessionResponse'];
/** What Get Token Information answers: the token's user, and the organization chosen, if any. */
export type TokenInformation = components['schemas']['TokenInformation'];

/** openapi-fetch's options, and `timeoutMs`, `retry` (429/503 after `Retry-After`), `clock` and `sleep`. */
export type EnosClientOptions = ApiClientOptions;

export const LOGIN_PATH = '/app-portal-service/v2.0/login';
export const LOGOUT_PATH = '/app-portal-service/v2.0/logout';
export const REFRESH_PATH = '/app-portal-service/v2.0/token/refresh';
/** Get Token Information: the vendor's page writes `v2.1` here (see the description). */
export const TOKEN_INFO_PATH = '/app-portal-service/v2.1/session/info';
/** Choose Organization: the vendor's page writes `v2.1` here (see the description). */
export const CHOOSE_ORGANIZATION_PATH = '/app-portal-service/v2.1/session/set';

const errors = errorReader(EnosApiError, 'EnOS', description);
/** A token the caller gives is sent as is; without one, the auth layer (`createEnosAuth`) sends its own. */
const bearer = (accessToken: string | undefined) => (accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` });

/**
 * A client for the EnOS Application Portal login and its tokens. `api` is
 * the typed openapi-fetch client for every operation of the description;
 * the helpers are the documented flows, each refusal raised as an
 * `EnosApiError`. The client keeps no token: the helpers that take one send
 * the one given, or, left out, the one `createEnosAuth` keeps.
 *
 * @example
 * const enos = createEnosClient({ baseUrl: 'http://localhost:4010/enos' });
 * const { accessToken, organizations } = await enos.login({ account, password });
 * const { refreshToken } = await enos.chooseOrganization(accessToken, organizations[0].id);
 * const renewed = await enos.refreshAccessToken(refreshToken);
 * await enos.logout(renewed.accessToken);
 */
export function createEnosClient(options: EnosClientOptions = {}) {
  const api = createApiClient<paths>('EnOS', options);

  /** Makes `orgId` the session's organization, and answers a refresh token for it (30 days). */
  function chooseOrganization(orgId: string): Promise<SessionData>;
  function chooseOrganization(accessToken: string, orgId: string): Promise<SessionData>;
  async function chooseOrganization(first: string, second?: string): Promise<SessionData> {
    const [accessToken, orgId] = second === undefined ? [undefined, first] : [first, second];
    const { data, error, response } = await api.POST(CHOOSE_ORGANIZATION_PATH, { body: { orgId }, headers: bearer(accessToken) });
    if (data) return data.data;
    throw errors.from(response, error);
  }

  return {
    api,
    async login(credentials: LoginRequest): Promise<LoginData> {
      const { data, error, response } = await api.POST(LOGIN_PATH, { body: credentials });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    chooseOrganization,
    /** A new access token and a new refresh token; the ones the session held stop working. */
    async refreshAccessToken(refreshToken: string): Promise<SessionData> {
      const { data, error, response } = await api.GET(REFRESH_PATH, { params: { query: { refreshToken } } });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** The user of a live access token, and the organization chosen, if any (31401: the token does not work). */
    async getTokenInformation(accessToken?: string): Promise<TokenInformation> {
      const { data, error, response } = await api.GET(TOKEN_INFO_PATH, { headers: bearer(accessToken) });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** Ends the session: the access token and its refresh token stop working. */
    async logout(accessToken?: string): Promise<void> {
      const { data, error, response } = await api.GET(LOGOUT_PATH, { headers: bearer(accessToken) });
      if (data) return;
      throw errors.from(response, error);
    },
  };
}

export type EnosClient = ReturnType<typeof createEnosClient>;
