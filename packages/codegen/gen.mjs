#!/usr/bin/env node
// `pnpm gen` runs this: the built CLI (dist/cli.js) under plain node. tsx's
// loader costs about 0.7 s a run and `tsc -b` about 1 s even when it has
// nothing to do, so the build is checked here by mtime and `tsc -b` runs only
// when a source or tsconfig is newer than the last build (or there is none).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** Sources as tsconfig.json includes them (tests excluded), and the folders holding them (a deleted file changes its folder's mtime). */
function inputs(dir) {
  const found = [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...inputs(path));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.(test|fixture)\.ts$/.test(entry.name)) found.push(path);
  }
  return found;
}

const built = Math.min(mtime(join(here, 'tsconfig.tsbuildinfo')), mtime(join(here, 'dist/cli.js')));
const sources = [...inputs(join(here, 'src')), join(here, 'tsconfig.json'), join(here, '../../tsconfig.base.json'), join(here, 'package.json')];
if (built < 0 || sources.some((path) => mtime(path) > built)) {
  // typescript is the workspace root's devDependency.
  const tsc = createRequire(join(here, '../../package.json')).resolve('typescript/bin/tsc');
  const { status } = spawnSync(process.execPath, [tsc, '-b', here], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
await import('./dist/cli.js');
