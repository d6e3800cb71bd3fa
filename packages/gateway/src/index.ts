export { banner } from './banner.js';
export { createGateway, type GatewayOptions } from './gateway.js';
export { loadServers } from './load-servers.js';
