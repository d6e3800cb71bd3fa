export { banner } from './banner.js';
export { accessLog } from './access-log.js';
export { createGateway, type GatewayOptions } from './gateway.js';
export { type ConnectionLimits, type Listening, listen } from './listen.js';
export { loadServers } from './load-servers.js';
export { type GatewayStart, type RunningGateway, startGateway } from './start.js';
