import createClient, { type ClientOptions } from 'openapi-fetch';
import { EnosApiError } from './errors.js';
import type { components, paths } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginData = components['schemas']['LoginData'];

export const LOGIN_PATH = '/app-portal-service/v2.0/login';

/**
 * A client for the EnOS Application Portal login API. `api` is the typed
 * openapi-fetch client for every operation of the description; `login` is
 * the documented flow with errors turned into `EnosApiError`.
 *
 *     const enos = createEnosClient({ baseUrl: 'http://localhost:4010/enos' });
 *     const { accessToken, organizations } = await enos.login({ account, password });
 */
export function createEnosClient(options: ClientOptions = {}) {
  const api = createClient<paths>(options);
  return {
    api,
    async login(credentials: LoginRequest): Promise<LoginData> {
      const { data, error, response } = await api.POST(LOGIN_PATH, { body: credentials });
      if (data) return data.data;
      throw new EnosApiError(response.status, error);
    },
  };
}

export type EnosClient = ReturnType<typeof createEnosClient>;
