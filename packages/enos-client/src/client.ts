import { type ApiError, errorFieldsOf, errorReader } from '@loginspec/client-kit';
import createClient, { type ClientOptions } from 'openapi-fetch';
import description from './generated/openapi.json' with { type: 'json' };
import type { components, paths } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginData = components['schemas']['LoginData'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type EnosErrorBody = components['schemas']['ErrorResponse'];
export type EnosErrorCode = EnosErrorBody['code'];
/** A documented refusal of the EnOS login API: `code` is 31 followed by the HTTP status. */
export type EnosApiError = ApiError<EnosErrorCode, EnosErrorBody>;

export const LOGIN_PATH = '/app-portal-service/v2.0/login';

const errors = errorReader<EnosErrorCode>('EnOS', errorFieldsOf(description));

/**
 * A client for the EnOS Application Portal login API. `api` is the typed
 * openapi-fetch client for every operation of the description; `login` is
 * the documented flow, a refusal raised as an `ApiError`.
 *
 * @example
 * const enos = createEnosClient({ baseUrl: 'http://localhost:4010/enos' });
 * const { accessToken, organizations } = await enos.login({ account, password });
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
  };
}

export type EnosClient = ReturnType<typeof createEnosClient>;
