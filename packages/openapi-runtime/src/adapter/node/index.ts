export { type ClientAddressOptions, clientAddress } from './client-address.js';
export { requestHeader } from './request-header.js';
