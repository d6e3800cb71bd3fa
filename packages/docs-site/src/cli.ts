#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './build.js';
import { repoRoot, siteDir } from './paths.js';

const USAGE = `Usage: pnpm docs [--out DIR]

Builds the HTML API reference of every description in specs/ (redocly build-docs),
the guides of docs/, and an index page.

  --out DIR   output folder (default: packages/docs-site/site)
  --help      show this text`;

let values;
try {
  ({ values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } }));
} catch (err) {
  console.error(`docs: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
try {
  await buildSite({ root: repoRoot, out: values.out ? resolve(values.out) : siteDir, progress: (line) => console.log(line) });
} catch (err) {
  console.error(`docs: ${(err as Error).message}`);
  process.exit(1);
}
