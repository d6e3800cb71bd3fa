export { createEnosClient, type EnosClient, LOGIN_PATH, type LoginData, type LoginRequest } from './client.js';
export { EnosApiError, type EnosErrorBody } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
