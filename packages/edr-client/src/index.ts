export { ApiError, type Auth, type AuthOptions, NetworkError, type RetryOptions, TimeoutError, UndocumentedResponseError } from '@loginspec/client-kit';
export { type AccessTokenClaims, type AppJwtOptions, accessTokenClaims, mintAppJwt } from './app-jwt.js';
export { createEdrAuth, type EdrCredentials, type EdrSession } from './auth.js';
export {
  createEdrClient,
  type EdrClient,
  type EdrClientOptions,
  LOGIN_PATH,
  type LoginData,
  type LoginRequest,
  type LoginResponse,
  TOKEN_PATH,
  type User,
} from './client.js';
export { EdrApiError, type EdrErrorBody, type EdrErrorCode, type EdrErrorStatus } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
