import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './build.js';
import { repoRoot, siteDir } from './paths.js';
import { BuildDocsError } from './redocly.js';

export const USAGE = `Usage: pnpm run docs [--out DIR]

Builds the HTML API reference of every description in specs/ (redocly build-docs),
the guides of docs/, and an index page.

  --out DIR   output folder (default: packages/docs-site/site)
  --help      show this text`;

export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The repository to build; the one holding this package unless told. */
  root?: string;
}

const processIo: CommandIo = { stdout: (line) => console.log(line), stderr: (line) => console.error(line) };

/** `pnpm run docs` without the process: answers the exit code (0, 1 build failed, 2 usage). */
export async function runCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { out: { type: 'string' }, help: { type: 'boolean' } } }));
    if (values.out === '') throw new Error('--out needs a folder');
  } catch (err) {
    io.stderr(`docs: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    await buildSite({ root: io.root ?? repoRoot, out: values.out === undefined ? siteDir : resolve(values.out), progress: io.stdout });
    return 0;
  } catch (err) {
    io.stderr(`docs: ${(err as Error).message}`);
    if (err instanceof BuildDocsError) io.stderr(err.stderr);
    return 1;
  }
}
