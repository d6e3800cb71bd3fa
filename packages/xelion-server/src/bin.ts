#!/usr/bin/env node
// `npx @loginspec/xelion-server --port 4011`: this one API at the root of its own origin (`--help` for the settings).
import { serverCommand } from '@loginspec/login-kit/serve';
import { server } from './server.js';

// The Redis client is imported only when --redis-url (REDIS_URL) is given.
await serverCommand(server, { redisStores: () => import('@loginspec/redis-stores') });
