export { ApiError, type Clock, UndocumentedResponseError } from '@loginspec/client-kit';
export { type AktionApiError, type AktionClient, type AktionClientOptions, type AktionErrorCode, type AktionToken, type AktionTokenCheck, createAktionClient } from './client.js';
export { type AktionCredentials, createTokenSource, type TokenSource, type TokenSourceOptions } from './token-source.js';
export { type ErrorResult, parseExpireDate } from './wire.js';
export type { components, operations, paths } from './generated/openapi.js';
