export { ApiError, UndocumentedResponseError } from '@loginspec/client-kit';
export { type AccessTokenClaims, type AppJwtOptions, accessTokenClaims, mintAppJwt } from './app-jwt.js';
export {
  createEdrClient,
  type EdrApiError,
  type EdrClient,
  type EdrErrorBody,
  type EdrErrorCode,
  LOGIN_PATH,
  type LoginData,
  type LoginRequest,
  type LoginResponse,
  TOKEN_PATH,
  type User,
} from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
