export { ApiError, type Auth, type AuthOptions, NetworkError, type RetryOptions, TimeoutError, UndocumentedResponseError } from '@loginspec/client-kit';
export { createEnosAuth, type EnosAuthOptions, type EnosSession } from './auth.js';
export {
  CHOOSE_ORGANIZATION_PATH,
  createEnosClient,
  type EnosClient,
  type EnosClientOptions,
  LOGIN_PATH,
  LOGOUT_PATH,
  type LoginData,
  type LoginRequest,
  type LoginResponse,
  REFRESH_PATH,
  type SessionData,
  type SessionResponse,
  TOKEN_INFO_PATH,
  type TokenInformation,
} from './client.js';
export { EnosApiError, type EnosErrorBody, type EnosErrorCode, type EnosErrorStatus } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
