import { type ApiClientOptions, createApiClient, errorReader } from '@loginspec/client-kit';
import type { AccessTokenClaims } from './app-jwt.js';
import { EdrApiError } from './errors.js';
import description from './generated/openapi.json' with { type: 'json' };
import type { components, paths } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginData = components['schemas']['LoginData'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type User = components['schemas']['User'];

/** openapi-fetch's options, and `timeoutMs`, `retry` (429/503 after `Retry-After`), `clock` and `sleep`. */
export type EdrClientOptions = ApiClientOptions;

export const LOGIN_PATH = '/mobile/v1/auth/login';
/** This project's token check: not the vendor's (see the description). */
export const TOKEN_PATH = '/mobile/v1/auth/token';

const errors = errorReader(EdrApiError, 'EDR', description);

/**
 * A client for the EDR mobile login. `api` is the typed openapi-fetch
 * client; `login` trades the credentials and the app's JWT for the access
 * token and the user, `checkToken` asks this project's token check whether
 * an access token is still live (the one given, or, left out, the one
 * `createEdrAuth` keeps); a refusal is raised as an `EdrApiError`.
 *
 * @example
 * const edr = createEdrClient({ baseUrl: 'http://localhost:4010/edr' });
 * const jwt = await mintAppJwt({ appId: 'edr-demo-app', secret });
 * const { accessToken, user } = await edr.login({ username: 'rrath', password, jwt });
 * const { sub, exp } = await edr.checkToken(accessToken); // EdrApiError 401 once it has expired
 */
export function createEdrClient(options: EdrClientOptions = {}) {
  const api = createApiClient<paths>('EDR', options);
  return {
    api,
    async login(request: LoginRequest): Promise<LoginData> {
      const { data, error, response } = await api.POST(LOGIN_PATH, { body: request });
      if (data) return data.data;
      throw errors.from(response, error);
    },
    /** The claims of a live access token (this project's operation); an EdrApiError 401 for any other. */
    async checkToken(accessToken?: string): Promise<AccessTokenClaims> {
      const headers = accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` };
      const { data, error, response } = await api.GET(TOKEN_PATH, { headers });
      if (data) return data.data;
      throw errors.from(response, error);
    },
  };
}

export type EdrClient = ReturnType<typeof createEdrClient>;
