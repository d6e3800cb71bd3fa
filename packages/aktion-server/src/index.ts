export { type AktionAccount, aktionAccounts } from './accounts.js';
export { type AktionServerDeps, type AktionUser, createAktionApp, type IssuedToken } from './app.js';
export { aktion } from './description.js';
export { demoUserDirectory, server } from './server.js';
