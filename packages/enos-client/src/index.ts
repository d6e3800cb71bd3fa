export { ApiError, UndocumentedResponseError } from '@loginspec/client-kit';
export {
  CHOOSE_ORGANIZATION_PATH,
  createEnosClient,
  type EnosApiError,
  type EnosClient,
  type EnosErrorBody,
  type EnosErrorCode,
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
export type { components, operations, paths } from './generated/openapi.js';
