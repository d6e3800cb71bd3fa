export { type AktionClient, type AktionClientOptions, type AktionToken, createAktionClient } from './client.js';
export type { Clock } from './clock.js';
export { AktionApiError } from './errors.js';
export { type AktionCredentials, createTokenSource, type TokenSource, type TokenSourceOptions } from './token-source.js';
export { type ErrorResult, parseExpireDate } from './wire.js';
export type { components, operations, paths } from './generated/openapi.js';
