export { ApiError, UndocumentedResponseError } from '@loginspec/client-kit';
export {
  createXelionClient,
  type LoginCredentials,
  type LoginResponse,
  type MfaRequest,
  type RenewResponse,
  type XelionApiError,
  type XelionClient,
  type XelionClientOptions,
  type XelionErrorBody,
  type XelionErrorCode,
  type XelionSession,
} from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
export { formatValidUntil, parseValidUntil } from './valid-until.js';
