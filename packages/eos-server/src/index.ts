export { createDemoEosApp, createEosApp, type DemoEosOptions, type EosServerDeps } from './app.js';
export { eosContract, eosDescription } from './description.js';
export { demoDomains, demoLogins, type Domains, type UserProfile } from './users.js';
