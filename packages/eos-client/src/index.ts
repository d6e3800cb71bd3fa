export {
  type Credentials,
  createEosClient,
  type EosClient,
  type HelloResponse,
  type LoginInput,
  type LoginRequest,
  type LoginResponse,
} from './client.js';
export { EosApiError, type EosErrorBody } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
