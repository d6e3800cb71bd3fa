export { type ClientAddressOptions, clientAddress } from './client-address.js';
