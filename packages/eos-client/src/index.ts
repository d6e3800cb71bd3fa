export { ApiError, UndocumentedResponseError } from '@loginspec/client-kit';
export {
  type Credentials,
  createEosClient,
  type EosApiError,
  type EosClient,
  type EosErrorBody,
  type EosErrorCode,
  type HelloResponse,
  type LoginInput,
  type LoginRequest,
  type LoginResponse,
} from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
