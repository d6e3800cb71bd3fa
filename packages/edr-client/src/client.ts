import { type ApiError, errorFieldsOf, errorReader } from '@loginspec/client-kit';
import createClient, { type ClientOptions } from 'openapi-fetch';
import description from './generated/openapi.json' with { type: 'json' };
import type { AccessTokenClaims } from './app-jwt.js';
import type { components, paths } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginData = components['schemas']['LoginData'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type User = components['schemas']['User'];
export type EdrErrorBody = components['schemas']['ErrorResponse'];
/** An error's `response.code`: its HTTP status. */
export type EdrErrorCode = components['schemas']['ErrorStatus']['code'];
/** A refusal of the EDR API (every one is this project's; see the description). */
export type EdrApiError = ApiError<EdrErrorCode, EdrErrorBody>;

export const LOGIN_PATH = '/mobile/v1/auth/login';
/** This project's token check: not the vendor's (see the description). */
export const TOKEN_PATH = '/mobile/v1/auth/token';

const errors = errorReader<EdrErrorCode>('EDR', errorFieldsOf(description));

/**
 * A client for the EDR mobile login. `api` is the typed openapi-fetch
 * client; `login` trades the credentials and the app's JWT for the access
 * token and the user, `checkToken` asks this project's token check whether
 * an access token is still live; a refusal is raised as an `ApiError`.
 *
 * @example
 * const edr = createEdrClient({ baseUrl: 'http://localhost:4010/edr' });
 * const jwt = await mintAppJwt({ appId: 'edr-demo-app', secret });
 * const { accessToken, user } = await edr.login({ username: 'rrath', password, jwt });
 * const { sub, exp } = await edr.checkToken(accessToken); // ApiError 401 once it has expired
 */
export function createEdrClient(options: ClientOptions = {}) {
  const api = createClient<paths>(options);
  return {
    api,
    async login(request: LoginRequest): Promise<LoginData> {
      const { data, error, response } = await api.POST(LOGIN_PATH, { body: request });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** The claims of a live access token (this project's operation); a 401 ApiError for any other. */
    async checkToken(accessToken: string): Promise<AccessTokenClaims> {
      const { data, error, response } = await api.GET(TOKEN_PATH, { headers: { authorization: `Bearer ${accessToken}` } });
      if (data) return data.data;
      throw errors.from(response, error);
    },
  };
}

export type EdrClient = ReturnType<typeof createEdrClient>;
