export { type EosAccount, eosAccounts } from './accounts.js';
export { createEosApp, type Domains, type EosServerDeps, type UserProfile } from './app.js';
export { documented, eos } from './description.js';
export { server } from './server.js';
export { type SessionLifetimes, Sessions } from './sessions.js';
