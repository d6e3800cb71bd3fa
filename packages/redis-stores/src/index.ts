export { type ConnectionOptions } from './connection.js';
export { RedisStoreError } from './errors.js';
export { connectRedisStores, RedisStores, type RedisStoresOptions } from './redis-stores.js';
