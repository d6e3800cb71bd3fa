export { type EnosAccount, enosAccounts } from './accounts.js';
export { type AccountProfile, createEnosApp, type EnosServerDeps } from './app.js';
export { documented, enos } from './description.js';
export { server } from './server.js';
export { type Session, type SessionRecord, Sessions, type SessionSettings, type SessionTokens } from './sessions.js';
