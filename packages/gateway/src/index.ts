export { createGateway, type GatewayOptions } from './gateway.js';
export { type ReferenceApi, referenceApis } from './apis.js';
