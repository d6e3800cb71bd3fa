export { type EdrAccount, edrAccounts } from './accounts.js';
export { AccessTokens } from './access-tokens.js';
export { AppJwts } from './app-jwts.js';
export { createEdrApp, type EdrServerDeps } from './app.js';
export { documented, edr, type RegisteredApp } from './description.js';
export { server } from './server.js';
