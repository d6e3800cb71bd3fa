export { type AktionServerDeps, type AktionUser, createAktionApp } from './app.js';
export { aktion } from './description.js';
export { demoUserDirectory, server } from './server.js';
