import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args]).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (err: { code: number; stdout: string; stderr: string }) => err,
  );

describe('pnpm gen', () => {
  it('prints its usage with --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: pnpm gen [--check] [api...]');
  });

  it('refuses an unknown flag or api with exit code 2', async () => {
    expect(await run('--frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown option') });
    expect(await run('no-such-api')).toMatchObject({ code: 2, stderr: expect.stringContaining('no API "no-such-api" in redocly.yaml') });
  });
});
