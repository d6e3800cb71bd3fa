import { type ApiError, errorFieldsOf, errorReader } from '@loginspec/client-kit';
import createClient, { type ClientOptions } from 'openapi-fetch';
import description from './generated/openapi.json' with { type: 'json' };
import type { components, paths } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginData = components['schemas']['LoginData'];
export type LoginResponse = components['schemas']['LoginResponse'];
/** What Choose Organization and Refresh Access Token answer: the session's tokens, its user and its organization. */
export type SessionData = components['schemas']['SessionData'];
export type SessionResponse = components['schemas']['SessionResponse'];
/** What Get Token Information answers: the token's user, and the organization chosen, if any. */
export type TokenInformation = components['schemas']['TokenInformation'];
export type EnosErrorBody = components['schemas']['ErrorResponse'];
export type EnosErrorCode = EnosErrorBody['code'];
/** A documented refusal of the EnOS Application Portal API: `code` is 31 followed by the HTTP status. */
export type EnosApiError = ApiError<EnosErrorCode, EnosErrorBody>;

export const LOGIN_PATH = '/app-portal-service/v2.0/login';
export const LOGOUT_PATH = '/app-portal-service/v2.0/logout';
export const REFRESH_PATH = '/app-portal-service/v2.0/token/refresh';
/** Get Token Information: the vendor's page writes `v2.1` here (see the description). */
export const TOKEN_INFO_PATH = '/app-portal-service/v2.1/session/info';
/** Choose Organization: the vendor's page writes `v2.1` here (see the description). */
export const CHOOSE_ORGANIZATION_PATH = '/app-portal-service/v2.1/session/set';

const errors = errorReader<EnosErrorCode>('EnOS', errorFieldsOf(description));
/** The header the operations that take the access token read. */
const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });

/**
 * A client for the EnOS Application Portal login and its tokens. `api` is
 * the typed openapi-fetch client for every operation of the description;
 * the helpers are the documented flows, each refusal raised as an
 * `ApiError`. The client keeps no token: each helper takes the one it sends.
 *
 * @example
 * const enos = createEnosClient({ baseUrl: 'http://localhost:4010/enos' });
 * const { accessToken, organizations } = await enos.login({ account, password });
 * const { refreshToken } = await enos.chooseOrganization(accessToken, organizations[0].id);
 * const renewed = await enos.refreshAccessToken(refreshToken);
 * await enos.logout(renewed.accessToken);
 */
export function createEnosClient(options: ClientOptions = {}) {
  const api = createClient<paths>(options);
  return {
    api,
    async login(credentials: LoginRequest): Promise<LoginData> {
      const { data, error, response } = await api.POST(LOGIN_PATH, { body: credentials });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** Makes `orgId` the session's organization, and answers a refresh token for it (30 days). */
    async chooseOrganization(accessToken: string, orgId: string): Promise<SessionData> {
      const { data, error, response } = await api.POST(CHOOSE_ORGANIZATION_PATH, { body: { orgId }, headers: bearer(accessToken) });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** A new access token and a new refresh token; the ones the session held stop working. */
    async refreshAccessToken(refreshToken: string): Promise<SessionData> {
      const { data, error, response } = await api.GET(REFRESH_PATH, { params: { query: { refreshToken } } });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** The user of a live access token, and the organization chosen, if any (31401: the token does not work). */
    async getTokenInformation(accessToken: string): Promise<TokenInformation> {
      const { data, error, response } = await api.GET(TOKEN_INFO_PATH, { headers: bearer(accessToken) });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** Ends the session: the access token and its refresh token stop working. */
    async logout(accessToken: string): Promise<void> {
      const { data, error, response } = await api.GET(LOGOUT_PATH, { headers: bearer(accessToken) });
      if (data) return;
      throw errors.from(response, error);
    },
  };
}

export type EnosClient = ReturnType<typeof createEnosClient>;
