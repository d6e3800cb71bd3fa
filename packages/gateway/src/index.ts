export { banner } from './banner.js';
export { accessLog } from './access-log.js';
export { createGateway, type GatewayOptions } from './gateway.js';
export { type ConnectionLimits, type Listening, listen } from './listen.js';
export { loadServers } from './load-servers.js';
export { type GatewayStart, type RunningGateway, startGateway } from './start.js';
export { createControlsApp } from './test-controls/controls-app.js';
export { type ControlledApi, TestHarness } from './test-controls/harness.js';
