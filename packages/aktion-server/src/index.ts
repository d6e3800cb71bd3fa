export { type AktionServerDeps, createAktionApp, createDemoAktionApp, type DemoAktionOptions, demoUsers } from './app.js';
export { aktionContract, aktionDescription } from './description.js';
