export { type AktionServerDeps, type AktionUser, createAktionApp, createDemoAktionApp, type DemoAktionOptions } from './app.js';
export { demoUsers } from './demo-users.js';
export { aktionContract, aktionDescription } from './description.js';
