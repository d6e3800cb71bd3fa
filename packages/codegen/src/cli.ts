#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateApi, listApis } from './generate.js';
import { findDrift, writeGenerated } from './sync.js';

const USAGE = `Usage: pnpm gen [--check] [api...]

Regenerates what is derived from specs/<api>/openapi.yaml: the bundled
description and the openapi-typescript types in packages/<api>-client/src/generated/.

  --check   write nothing; list generated files that differ from the specs, exit 1 if any
  --help    show this text

With no api named, every folder of specs/ is generated.`;

const root = fileURLToPath(new URL('../../..', import.meta.url));

function usageError(message: string): never {
  console.error(`gen: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (err) {
    usageError((err as Error).message);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const known = await listApis(root);
  const unknown = parsed.positionals.filter((api) => !known.includes(api));
  if (unknown.length > 0) usageError(`no specs/${unknown[0]}/openapi.yaml (known: ${known.join(', ')})`);
  const apis = parsed.positionals.length > 0 ? parsed.positionals : known;

  const files = [];
  for (const api of apis) {
    const started = performance.now();
    const generated = await generateApi(root, api);
    files.push(...generated);
    console.log(`${api}: ${generated.length} files (${Math.round(performance.now() - started)} ms)`);
  }
  if (!parsed.values.check) {
    await writeGenerated(root, files);
    console.log(`gen: wrote ${files.length} files for ${apis.length} APIs`);
    return 0;
  }
  // A partial check cannot judge stale files of the APIs it did not generate.
  const drift = (await findDrift(root, files)).filter((d) => d.reason !== 'stale' || apis === known);
  for (const d of drift) console.error(`gen --check: ${d.path} ${d.reason}`);
  if (drift.length > 0) {
    console.error(`gen --check: ${drift.length} generated files are out of date with specs/: run \`pnpm gen\` and commit the result`);
    return 1;
  }
  console.log('gen --check: generated files match the specs');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`gen: ${(err as Error).message}`);
    process.exit(1);
  },
);
