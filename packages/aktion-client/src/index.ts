export { type AktionClient, type AktionClientOptions, type AktionToken, createAktionClient } from './client.js';
export { AktionApiError, type ErrorResult } from './errors.js';
export { createTokenSource, type TokenSourceOptions } from './token-source.js';
export { parseExpireDate } from './wire.js';
export type { components, operations, paths } from './generated/openapi.js';
