#!/usr/bin/env node
import { repoRoot, siteDir } from '@loginspec/docs-site';
import { gatewayCommand } from './cli.js';

// `pnpm start`: see USAGE in cli.ts (`pnpm start --help`).
// The Redis client is imported only when --redis-url (REDIS_URL) is given.
await gatewayCommand({ root: repoRoot, docsDir: siteDir, redisStores: () => import('@loginspec/redis-stores') });
