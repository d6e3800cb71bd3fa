export { createDemoEosApp, createEosApp, type DemoEosOptions, type Domains, type EosServerDeps, type UserProfile } from './app.js';
export { type DemoLogin, demoDomains, demoLogins } from './demo-accounts.js';
export { eosContract, eosDescription } from './description.js';
export { type SessionLifetimes, Sessions } from './sessions.js';
