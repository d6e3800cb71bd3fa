export { ApiError, type Auth, NetworkError, type RetryOptions, TimeoutError, UndocumentedResponseError } from '@loginspec/client-kit';
export { createXelionAuth } from './auth.js';
export {
  createXelionClient,
  type LoginCredentials,
  type LoginResponse,
  type MfaRequest,
  type RenewResponse,
  type XelionClient,
  type XelionClientOptions,
  type XelionSession,
} from './client.js';
export { XelionApiError, type XelionErrorBody, type XelionErrorCode, type XelionErrorStatus } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export { formatValidUntil, parseValidUntil } from './valid-until.js';
