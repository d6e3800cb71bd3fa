import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const redocly = join(dirname(createRequire(join(root, 'package.json')).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const temp = await mkdtemp(join(tmpdir(), 'loginspec-lint-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

/** `redocly lint` of a copy of a description, changed by `edit`, under the project's rules. */
async function lintEdited(spec: string, edit: (yaml: string) => string) {
  const copy = join(temp, 'openapi.yaml');
  await writeFile(copy, edit(await readFile(join(root, spec), 'utf8')));
  return promisify(execFile)(process.execPath, [redocly, 'lint', copy, '--config', join(root, 'redocly.yaml')], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  }).then(
    ({ stdout, stderr }) => ({ failed: false, output: stdout + stderr }),
    (err: { stdout: string; stderr: string }) => ({ failed: true, output: err.stdout + err.stderr }),
  );
}

describe("the project's house rules", () => {
  it('refuse an operation that takes a body without documenting 413 and 415', async () => {
    const result = await lintEdited('specs/enos/openapi.yaml', (yaml) => yaml.replace(/\n {8}'413':\n {10}\$ref: '#\/components\/responses\/TooLarge'/, ''));
    expect(result.failed).toBe(true);
    expect(result.output).toContain('rule/body-documents-413-and-415');
  }, 30_000);

  it('accept the description as it is', async () => {
    const result = await lintEdited('specs/enos/openapi.yaml', (yaml) => yaml);
    expect(result.output).not.toContain('rule/body-documents-413-and-415');
    expect(result.failed).toBe(false);
  }, 30_000);
});
