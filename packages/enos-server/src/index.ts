export { type AccountProfile, createEnosApp, type EnosServerDeps } from './app.js';
export { enos } from './description.js';
export { server } from './server.js';
