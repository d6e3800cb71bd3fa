#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readRegistry } from './registry.js';

const ABOUT = `Each API of the registry (redocly.yaml \`apis:\`) has a baseline,
specs/<api>/released.json: its description as last released, bundled as
\`pnpm gen\` bundles it. A change that can break a client of that release
(a removed operation, field or status, a narrowed type, a new required input…,
as \`redocly diff\` rates it under packages/codegen/diff.redocly.yaml) fails
unless the major of the description's info.version (its leading number) is
above the baseline's. Additions and editorial changes pass. \`pnpm test\` runs
the same check. See docs/breaking-changes.md.`;

const USAGE = {
  check: `Usage: pnpm specs:check [--editorial] [api...]

Compares each description with its baseline and fails (exit 1) on a breaking
change that info.version does not announce.

${ABOUT}

  --editorial   also list the editorial changes (descriptions, examples, x- extensions)
  --help        show this text

With no api named, every API of the registry is checked.`,
  release: `Usage: pnpm specs:release [--from <git-rev>] [--allow-breaking] [api...]

Makes the descriptions the released ones: writes each baseline,
specs/<api>/released.json, anew. Run it when a version is released, and
commit the baselines with it. It refuses (exit 1, nothing written for that
API) when the description breaks its previous baseline while the major of
info.version stays the same.

${ABOUT}

  --from <git-rev>   release each description as committed at <git-rev> (e.g. HEAD),
                     not as it is in the work tree
  --allow-breaking   write the baseline even over breaking changes that the major
                     does not announce (say why in the commit)
  --help             show this text

With no api named, every API of the registry is released.`,
};

type Mode = keyof typeof USAGE;
const root = fileURLToPath(new URL('../../..', import.meta.url));

function usageError(mode: Mode | undefined, message: string): never {
  console.error(`specs${mode ? `:${mode}` : ''}: ${message}\n\n${mode ? USAGE[mode] : `${USAGE.check}\n\n${USAGE.release}`}`);
  process.exit(2);
}

async function main(): Promise<number> {
  const [first, ...rest] = process.argv.slice(2);
  if (first !== 'check' && first !== 'release') usageError(undefined, 'the first argument is check or release');
  const mode: Mode = first;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { help: { type: 'boolean' }, editorial: { type: 'boolean' }, from: { type: 'string' }, 'allow-breaking': { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (err) {
    usageError(mode, (err as Error).message);
  }
  const foreign = mode === 'check' ? ['from', 'allow-breaking'] : ['editorial'];
  const misplaced = foreign.find((option) => option in parsed.values);
  if (misplaced) usageError(mode, `Unknown option '--${misplaced}'`);
  if (parsed.values.help) {
    console.log(USAGE[mode]);
    return 0;
  }
  const registry = await readRegistry(root);
  const unknown = parsed.positionals.filter((name) => !registry.some((api) => api.name === name));
  if (unknown.length > 0) usageError(mode, `no API "${unknown[0]}" in redocly.yaml (known: ${registry.map((api) => api.name).join(', ')})`);
  const apis = registry.filter((api) => parsed.positionals.length === 0 || parsed.positionals.includes(api.name));
  // Loaded after the arguments are judged: --help and usage errors answer at once.
  const { checkApi, formatVerdict, releaseApi } = await import('./release-gate.js');

  if (mode === 'check') {
    // One API that cannot be read (a description being edited) does not hide the others.
    const results = await Promise.allSettled(apis.map((api) => checkApi(root, api)));
    const failed: string[] = [];
    results.forEach((result, i) => {
      const name = apis[i]!.name;
      if (result.status === 'rejected') {
        failed.push(name);
        console.error(`${name}: cannot check: ${(result.reason as Error).message}`);
      } else {
        (result.value.ok ? console.log : console.error)(formatVerdict(result.value, { editorial: parsed.values.editorial === true }));
        if (!result.value.ok) failed.push(name);
      }
    });
    if (failed.length > 0) {
      console.error(`specs:check: ${failed.length} of ${apis.length} APIs fail the gate: ${failed.join(', ')}`);
      return 1;
    }
    console.log(`specs:check: no API breaks its release (${apis.length} checked)`);
    return 0;
  }

  const from = typeof parsed.values.from === 'string' ? parsed.values.from : undefined;
  const allowBreaking = parsed.values['allow-breaking'] === true;
  const releases = await Promise.all(apis.map((api) => releaseApi(root, api, { ...(from ? { from } : {}), allowBreaking })));
  for (const release of releases) (release.refused ? console.error : console.log)(release.message);
  const refused = releases.filter((r) => r.refused);
  const written = releases.filter((r) => r.written);
  if (written.length > 0) console.log(`specs:release: wrote ${written.map((r) => r.baseline).join(', ')}: commit them with the descriptions`);
  if (refused.length > 0) {
    console.error(`specs:release: refused ${refused.map((r) => r.api).join(', ')}: breaking changes without a major raise`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`specs: ${(err as Error).message}`);
    process.exit(1);
  },
);
