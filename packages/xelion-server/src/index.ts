export { type XelionAccount, xelionAccounts } from './accounts.js';
export { createXelionApp, type UserRecord, type XelionServerDeps } from './app.js';
export { documented, type TenantUser, xelion } from './description.js';
export { deliveringOutbox, MfaCodes, type MfaCodeSettings, type Outbox } from './mfa-codes.js';
export { server } from './server.js';
export { type Session, Sessions, type SessionTokens } from './sessions.js';
