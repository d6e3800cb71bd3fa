export { ApiError, type Auth, type AuthOptions, NetworkError, type RetryOptions, TimeoutError, UndocumentedResponseError } from '@loginspec/client-kit';
export { createEosAuth, type EosSession } from './auth.js';
export {
  type Credentials,
  createEosClient,
  type EosClient,
  type EosClientOptions,
  type HelloResponse,
  type LoginInput,
  type LoginRequest,
  type LoginResponse,
} from './client.js';
export { EosApiError, type EosErrorBody, type EosErrorCode, type EosErrorStatus } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
