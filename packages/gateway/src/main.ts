#!/usr/bin/env node
import { repoRoot, siteDir } from '@loginspec/docs-site';
import { gatewayCommand } from './cli.js';

// `pnpm start`: see USAGE in cli.ts (`pnpm start --help`).
await gatewayCommand({ root: repoRoot, docsDir: siteDir });
