export { ApiError, type Auth, type AuthOptions, type Clock, NetworkError, type RetryOptions, TimeoutError, UndocumentedResponseError } from '@loginspec/client-kit';
export { createAktionAuth } from './auth.js';
export { type AktionClient, type AktionClientOptions, type AktionToken, type AktionTokenCheck, createAktionClient } from './client.js';
export { AktionApiError, type AktionErrorCode, type AktionErrorStatus } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export { type AktionCredentials, createTokenSource, type TokenSource, type TokenSourceOptions } from './token-source.js';
export { type ErrorResult, parseExpireDate } from './wire.js';
