export { ApiError, UndocumentedResponseError } from '@loginspec/client-kit';
export {
  createEnosClient,
  type EnosApiError,
  type EnosClient,
  type EnosErrorBody,
  type EnosErrorCode,
  LOGIN_PATH,
  type LoginData,
  type LoginRequest,
  type LoginResponse,
} from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
