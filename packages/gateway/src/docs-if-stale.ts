#!/usr/bin/env node
/**
 * `pnpm start`'s docs step: builds the docs (`pnpm run docs`) only when
 * something they are built from is newer than the built site, else says so
 * in one line, on stderr. Exits as the build does (0, 1 failed).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot, runCommand, siteDir } from '@loginspec/docs-site';
import { docsFreshness } from './docs-freshness.js';

// Every line of this step goes to stderr: stdout is the gateway's, JSON lines alone when it is not a terminal.
const progress = (line: string) => console.error(line);
const docsPackage = dirname(dirname(fileURLToPath(import.meta.resolve('@loginspec/docs-site'))));
const { fresh, reason } = await docsFreshness({ root: repoRoot, siteDir, docsPackage });
if (fresh) progress(`docs: up to date, not rebuilt (${reason})`);
else {
  progress(`docs: building (${reason})`);
  process.exitCode = await runCommand([], { stdout: progress, stderr: progress });
}
