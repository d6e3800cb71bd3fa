#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GenCache } from './gen-cache.js';
import { generateAll } from './generate-all.js';
import { readRegistry } from './registry.js';
import { findDrift, writeGenerated } from './sync.js';

const USAGE = `Usage: pnpm gen [--check] [api...]

Regenerates what is derived from the descriptions of the registry
(redocly.yaml \`apis:\`): each bundled description and its openapi-typescript
types, where the entry's x-openapi-ts.output says; and the bundles and types
of the test fixtures (packages/*/src/fixtures/*.yaml).

  --check   write nothing; list generated files that differ from the descriptions, exit 1 if any
  --help    show this text

With no api named, every API and every fixture is generated.`;

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
  const known = (await readRegistry(root)).map((api) => api.name);
  const unknown = parsed.positionals.filter((api) => !known.includes(api));
  if (unknown.length > 0) usageError(`no API "${unknown[0]}" in redocly.yaml (known: ${known.join(', ')})`);

  // A check generates everything afresh; a write keeps what is unchanged since it was generated (see gen-cache.ts).
  const cache = parsed.values.check ? undefined : await GenCache.open(root);
  const { sources, folders } = await generateAll(root, parsed.positionals, { cache });
  for (const source of sources) console.log(`${source.name}: ${source.files.length} files (${source.ms} ms)`);
  const files = sources.flatMap((s) => s.files);
  if (!parsed.values.check) {
    const written = await writeGenerated(root, files);
    await cache?.save();
    console.log(`gen: wrote ${written} of ${files.length} files from ${sources.length} descriptions (the others were up to date)`);
    return 0;
  }
  // A partial check cannot judge stale files of what it did not generate.
  const drift = (await findDrift(root, files, folders)).filter((d) => d.reason !== 'stale' || parsed.positionals.length === 0);
  for (const d of drift) console.error(`gen --check: ${d.path} ${d.reason}`);
  if (drift.length > 0) {
    console.error(`gen --check: ${drift.length} generated files are out of date with the descriptions: run \`pnpm gen\` and commit the result`);
    return 1;
  }
  console.log('gen --check: generated files match the descriptions');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`gen: ${(err as Error).message}`);
    process.exit(1);
  },
);
