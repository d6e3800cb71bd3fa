export { type AccountProfile, createDemoEnosApp, createEnosApp, type DemoEnosOptions, type EnosServerDeps } from './app.js';
export { demoAccounts } from './demo-accounts.js';
export { enosContract, enosDescription } from './description.js';
export { type AttemptLimitSettings, documentedAttemptLimit, LoginThrottle } from './throttle.js';
