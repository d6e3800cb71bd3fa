export { AccountDirectory, type AccountProfile, type AccountSeed } from './accounts.js';
export { createDemoEnosApp, createEnosApp, type DemoEnosOptions, type EnosServerDeps } from './app.js';
export { demoAccounts } from './demo-accounts.js';
export { enosContract, enosDescription } from './description.js';
export { type AttemptLimitSettings, documentedAttemptLimit, LoginThrottle } from './throttle.js';
